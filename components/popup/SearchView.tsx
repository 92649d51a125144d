/**
 * The search tab: the combobox and its listbox. Arrow keys (and Home/End with Ctrl) move the
 * active option, Enter opens it, Escape clears the box (an empty box lets Escape close the popup).
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { PageTerms } from '../shared/messages';
import type { Option } from './popup-options';
import type { CoreSearcher, FuzzyLookup } from '../search/search-core';
import { useSearch, type SearchMemory } from './hooks/useSearch';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';

export interface SearchViewProps {
  searcher: CoreSearcher;
  /** The terms on the current page, for the empty box. */
  page: PageTerms | null;
  /** The fuzzy look-up once loaded (null before). */
  fuzzy: FuzzyLookup | null;
  /** Where the search is kept while a term page is open. */
  memory: SearchMemory;
  textsOf(termId: string): string[];
  onOpen(termId: string): void;
}

const LISTBOX_ID = 'search-results';

/** Search box, live result count and listbox. */
export function SearchView({ searcher, page, fuzzy, memory, textsOf, onOpen }: SearchViewProps) {
  const search = useSearch(searcher, page, fuzzy, memory);
  const input = useRef<HTMLInputElement>(null);
  const activeId = search.activeOption?.id;
  // Focused in the first commit, so the reader can type the moment the popup opens.
  useLayoutEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  function choose(option: Option) {
    if (option.kind === 'term') onOpen(option.term.id);
    else if (option.kind === 'more') search.showMore(option.category);
    else search.showAll();
  }

  function onKeyDown(e: KeyboardEvent) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => search.move(1),
      ArrowUp: () => search.move(-1),
      Enter: () => search.activeOption && choose(search.activeOption),
      Escape: () => search.setQuery(''),
    };
    if (e.ctrlKey && e.key === 'Home') keys.Home = () => search.move('first');
    if (e.ctrlKey && e.key === 'End') keys.End = () => search.move('last');
    const action = keys[e.key];
    if (!action || e.altKey || e.metaKey) return;
    if (e.key === 'Escape' && !search.query) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }

  const query = search.query.trim();
  // Every result counts, shown or waiting behind "Show all".
  const count = search.resultCount;
  return (
    <section class="search-view" aria-label="Search">
      <SearchBox
        query={search.query}
        listboxId={LISTBOX_ID}
        activeId={activeId}
        inputRef={input}
        onQuery={search.setQuery}
        onKeyDown={onKeyDown}
      />
      <p class="visually-hidden" role="status">
        {query ? `${count} ${count === 1 ? 'result' : 'results'}` : ''}
      </p>
      {query && count === 0 ? (
        <p class="empty">
          No term matches “{query}”. Try a shorter word, an acronym or a word from a fact.
        </p>
      ) : null}
      <ResultList
        id={LISTBOX_ID}
        groups={search.groups}
        query={search.query}
        activeId={activeId}
        textsOf={textsOf}
        onChoose={choose}
        // By id: a row that was not rendered again holds the option object of an earlier render.
        onHover={(o: Option) => search.setActive(search.options.findIndex((x) => x.id === o.id))}
      />
    </section>
  );
}
