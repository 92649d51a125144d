// Runs before the popup's first paint, as a blocking script of a few hundred bytes. The search
// screen is written into popup.html at build time and painted before the popup's own script has
// loaded; this puts the reader's theme on it (a copy the popup keeps in localStorage: the setting
// itself lives in storage.local, which cannot be read synchronously) and hides it when the page
// was opened on another view (a term, Saved, Settings), so neither flashes the wrong screen.
(() => {
  const root = document.documentElement;
  try {
    const theme = localStorage.getItem('gloss.theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  } catch {
    // No localStorage (a locked-down profile): the system theme until the script runs.
  }
  // The same reading of the address as initialNav in components/popup/hooks/usePopupNav.ts.
  const params = new URLSearchParams(location.search);
  const view = params.get('view');
  if (params.get('term') || view === 'saved' || view === 'settings') {
    root.classList.add('other-view');
  }
  // The search box's hint is an element, not a placeholder (components/popup/SearchBox.tsx): hide
  // it as soon as something is typed, before the popup's script has taken the box over too.
  document.addEventListener(
    'input',
    (e) => {
      const box = e.target;
      const hint = document.getElementById('search-hint');
      if (!hint || box?.id !== 'search-input') return;
      const hide = box.value !== '';
      if (hint.hidden !== hide) hint.hidden = hide;
    },
    true,
  );
})();
