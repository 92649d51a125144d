/**
 * Where the popup is: which tab, and the term pages opened on top of it (a stack, so Back walks
 * through related terms). Going back returns the focus to what opened the term page.
 */
import { useCallback, useState } from 'preact/hooks';

export type TabId = 'search' | 'review' | 'saved' | 'settings';

/** Navigation state and actions. */
export interface PopupNav {
  tab: TabId;
  /** The term page shown, if any. */
  termId: string | null;
  setTab(tab: TabId): void;
  openTerm(termId: string): void;
  back(): void;
}

/** Reads the start from the page address: `?view=saved|settings`, `?term=ID`. */
export function initialNav(params: URLSearchParams): { tab: TabId; terms: string[] } {
  const view = params.get('view');
  const tab: TabId = view === 'saved' || view === 'settings' || view === 'review' ? view : 'search';
  const term = params.get('term');
  return { tab, terms: term ? [term] : [] };
}

/** Navigation from `start`. */
export function usePopupNav(start: { tab: TabId; terms: string[] }): PopupNav {
  const [tab, setTabState] = useState<TabId>(start.tab);
  const [stack, setStack] = useState<{ termId: string; returnFocus: Element | null }[]>(
    start.terms.map((termId) => ({ termId, returnFocus: null })),
  );
  // Stable, so the tab list is not rendered again on every keystroke in the search box.
  const setTab = useCallback((next: TabId) => {
    setStack([]);
    setTabState(next);
  }, []);
  return {
    tab,
    termId: stack[stack.length - 1]?.termId ?? null,
    setTab,
    openTerm(termId) {
      const returnFocus = document.activeElement;
      setStack((s) => [...s, { termId, returnFocus }]);
    },
    back() {
      const top = stack[stack.length - 1];
      setStack((s) => s.slice(0, -1));
      const target = top?.returnFocus;
      requestAnimationFrame(() => {
        if (target instanceof HTMLElement && target.isConnected) target.focus();
        else document.getElementById('search-input')?.focus();
      });
    },
  };
}
