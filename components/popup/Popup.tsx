/**
 * The toolbar popup: search the fact base, read a term in full, go back to saved facts, tune
 * Gloss. Composes the views; state lives in the hooks, browser access behind `PopupApi`.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { FactBase } from '../../data/fact-base';
import manifest from '../../data/pack.json';
import { indexFacts } from './fact-lookup';
import { usePackRecord } from './hooks/usePackRecord';
import { usePackSearch, type PackSearchModule } from './hooks/usePackSearch';
import type { PopupApi } from './popup-api';
import type { CoreSearcher, FuzzyLookup } from '../search/search-core';
import { downloadBookmarks } from './hooks/download';
import { useBookmarks } from './hooks/useBookmarks';
import { useLazy } from './hooks/useLazy';
import { usePageTerms } from './hooks/usePageTerms';
import { initialNav, usePopupNav } from './hooks/usePopupNav';
import { searchMemory } from './hooks/useSearch';
import { useSettings } from './hooks/useSettings';
import { useReviews } from './hooks/useReviews';
import { useTheme } from './hooks/useTheme';
import { ReviewView } from './ReviewView';
import { SavedView } from './SavedView';
import { SearchView } from './SearchView';
import { SettingsPanel } from './SettingsPanel';
import { Tabs } from './Tabs';
import { TermPage } from './TermPage';

export interface PopupProps {
  api: PopupApi;
  searcher: CoreSearcher;
  /** The fact base (term pages, snippets, saved facts): loaded after the first paint. */
  loadFactBase(): Promise<FactBase>;
  /** The search's fuzzy pass: loaded after the first paint. */
  loadFuzzy(): Promise<FuzzyLookup>;
  /** The indexing of imported packs for search: loaded once there are packs to index. */
  loadPackSearch(): Promise<PackSearchModule>;
  /** The page's query string: `?view=`, `?term=`, `?q=`, `?tab=`. */
  params: URLSearchParams;
  /** The element that carries `data-theme`. */
  root: HTMLElement;
  /** The clock the review tab reads (the real one unless a test sets it). */
  now?: () => Date;
}

const realClock = () => new Date();
/** The pack built into Gloss: its terms are named without a pack. */
const BUNDLED = { id: manifest.id, title: manifest.title };

/** The whole popup. */
export function Popup(props: PopupProps) {
  const { api, loadFactBase, loadFuzzy, params, root, now = realClock } = props;
  const factBase = useLazy(loadFactBase);
  // Imported packs are read after the first paint; facts wait for both, so a saved fact of an
  // imported pack is never shown as missing while its pack is still being read.
  const packRecord = usePackRecord(api);
  const searcher = usePackSearch(props.searcher, packRecord, props.loadPackSearch);
  const facts = useMemo(
    () => factBase && packRecord && indexFacts(factBase, packRecord, BUNDLED),
    [factBase, packRecord],
  );
  const nav = usePopupNav(useMemo(() => initialNav(params), [params]));
  const settings = useSettings(api);
  const bookmarks = useBookmarks(api);
  const reviews = useReviews(api, bookmarks.list?.items ?? null, now);
  const { page, refresh: refreshPage } = usePageTerms(api);
  const fuzzy = useLazy(loadFuzzy);
  const memory = useMemo(() => searchMemory(params.get('q') ?? ''), [params]);
  const [inTab, setInTab] = useState(false);
  useTheme(settings.settings.theme, root);
  useEffect(() => void api.isInTab().then(setInTab), [api]);
  useEffect(() => {
    if (settings.loaded) refreshPage();
    // Ask the page again after a switch: it stops or starts marking.
  }, [settings.settings.enabled, settings.settings.disabledSites.length]);

  const term = nav.termId ? facts?.term(nav.termId) : undefined;
  // Stable until the fact base arrives, so result rows are not rendered again for a new function.
  const textsOf = useCallback(
    (id: string) => {
      const t = facts?.term(id);
      return t ? [t.summary, ...t.facts.map((f) => f.text)] : [];
    },
    [facts],
  );
  const onEscapeTerm = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && nav.termId && !e.defaultPrevented) {
      e.preventDefault();
      nav.back();
    }
  };

  return (
    <div class="popup" onKeyDown={onEscapeTerm}>
      <header class="top">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true">
            G
          </span>
          Gloss
        </h1>
        <Tabs
          tab={nav.tab}
          savedCount={bookmarks.list?.items.length ?? 0}
          dueCount={reviews.due.length}
          onSelect={nav.setTab}
        />
      </header>
      <main class="panel">
        <div id={`panel-${nav.tab}`} role="tabpanel" aria-labelledby={`tab-${nav.tab}`}>
          {nav.termId ? (
            // The term page waits for the fact base (loaded right after the first paint).
            !facts ? null : term ? (
              <TermPage
                term={term}
                pack={facts.packOf(term.id)}
                sources={facts.sourcesOf(term.id)}
                related={facts.related(term)}
                saved={bookmarks.keys}
                onToggle={(factId) => void bookmarks.toggle(term.id, factId)}
                onOpen={nav.openTerm}
                onBack={nav.back}
              />
            ) : (
              <p class="empty">
                {facts.packOf(nav.termId).state === 'removed'
                  ? `This term’s pack “${facts.packOf(nav.termId).title}” was removed.`
                  : 'This term is not in Gloss’s fact base.'}{' '}
                <button type="button" class="link-button" onClick={nav.back}>
                  Back
                </button>
              </p>
            )
          ) : nav.tab === 'search' ? (
            <SearchView
              searcher={searcher}
              page={page}
              fuzzy={fuzzy}
              memory={memory}
              textsOf={textsOf}
              onOpen={nav.openTerm}
            />
          ) : nav.tab === 'review' ? (
            <ReviewView
              due={reviews.due}
              saved={bookmarks.list?.items.length ?? 0}
              next={reviews.next}
              now={now()}
              facts={facts}
              error={reviews.error}
              onGrade={(b, grade) => void reviews.grade(b, grade)}
            />
          ) : nav.tab === 'saved' ? (
            facts && (
              <SavedView
                bookmarks={bookmarks}
                facts={facts}
                inTab={inTab}
                onOpen={nav.openTerm}
                onExport={(kind, items) =>
                  downloadBookmarks(document, kind, items, facts, reviews.cards)
                }
                onOpenInTab={() =>
                  void api.openPage('popup.html?view=saved').then(() => window.close())
                }
              />
            )
          ) : (
            <SettingsPanel
              settings={settings.settings}
              page={page}
              error={settings.error}
              unread={settings.unread}
              onUpdate={settings.update}
              onManagePacks={() =>
                void api.openPage('options.html#packs').then(() => window.close())
              }
            />
          )}
        </div>
      </main>
    </div>
  );
}
