import { render } from 'preact';
// The browser's own API (promise-based in MV3 Chromium and in Firefox), not webextension-polyfill:
// the popup only calls and awaits, and the polyfill's import alone touched every API namespace.
import { browser } from '@wxt-dev/browser';
import searchIndex from 'virtual:gloss/search-index';
import { Popup } from '../../components/popup/Popup';
import { FACT_BASE_FILE, fetchFactBase } from '../../components/shared/fact-base-file';
import { initialNav } from '../../components/popup/hooks/usePopupNav';
import { createPopupApi } from '../../components/popup/popup-api';
import { createCoreSearcher } from '../../components/search/search-core';
import '../../components/popup/popup.css';
import '../../components/popup/popup-search.css';
import '../../components/popup/popup-term.css';
import '../../components/popup/popup-saved.css';
import '../../components/popup/popup-review.css';
import '../../components/popup/popup-settings.css';

const params = new URLSearchParams(location.search);
const app = document.getElementById('app') as HTMLElement;

/** Runs `task` once the browser has painted a frame (or after 100 ms, if it paints none). */
function afterNextPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    setTimeout(task, 0);
  };
  requestAnimationFrame(run);
  setTimeout(run, 100);
}

function start(): void {
  // The search index is built at build time; loading it is a JSON.parse. The fact base (a
  // packaged file shared with the background) and the fuzzy search (Fuse.js, a separate chunk)
  // are loaded after the first paint.
  render(
    <Popup
      api={createPopupApi(browser, location.search)}
      searcher={createCoreSearcher(searchIndex)}
      loadFactBase={() => fetchFactBase(FACT_BASE_FILE, (url) => fetch(url))}
      loadFuzzy={() =>
        import('../../components/search/search-fuzzy').then((m) => m.createFuzzyLookup(searchIndex))
      }
      loadPackSearch={() => import('../../components/search/pack-search')}
      params={params}
      root={document.documentElement}
    />,
    app,
  );
}

// The build wrote the search tab's first screen into the page (components/popup/popup-prerender.ts), so the
// browser paints it without waiting for this script. Preact takes those nodes over after that
// paint (taking over first would put this script's work in front of it); what was typed into the
// box meanwhile becomes the query. A page opened on another view starts from an empty container.
const nav = initialNav(params);
if (nav.tab !== 'search' || nav.terms.length > 0) {
  app.replaceChildren();
  // public/popup-boot.js hid the prewritten search screen for pages opened on another view.
  document.documentElement.classList.remove('other-view');
  start();
} else {
  const takeOver = () => {
    const typed = document.querySelector<HTMLInputElement>('#search-input')?.value ?? '';
    if (typed && !params.get('q')) params.set('q', typed);
    start();
  };
  // Usually the page has been painted by the time this script has loaded.
  if (performance.getEntriesByName('first-paint').length > 0) takeOver();
  else afterNextPaint(takeOver);
}
