/**
 * The search box's state: the query, the listbox options it yields (results, or the browse view
 * for an empty box) and the active option. Searching is synchronous: it takes well under a
 * millisecond at the bundled size, so results follow every keystroke with no debounce.
 *
 * The fuzzy pass (typos) arrives a moment after the popup opens (`fuzzy`); a query typed before
 * that which needed it is searched again then.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageTerms } from '../../shared/messages';
import {
  BROWSE_PAGE,
  FIRST_PAINT_OPTIONS,
  RESULTS_PAGE,
  browseGroups,
  flatOptions,
  moveActive,
  resultGroups,
  type Option,
  type OptionGroup,
} from '../popup-options';
import type { CoreSearcher, FuzzyLookup } from '../../search/search-core';

/** What the search view renders and the handlers it calls. */
export interface SearchState {
  query: string;
  /** How many results the query has (some may wait behind the "show all" option). */
  resultCount: number;
  groups: OptionGroup[];
  options: Option[];
  /** Index into `options`, or -1. */
  active: number;
  activeOption: Option | undefined;
  setQuery(query: string): void;
  setActive(index: number): void;
  move(move: 1 | -1 | 'first' | 'last'): void;
  /** Shows more terms of a category in the empty box ("Show more"). */
  showMore(group: string): void;
  /** Shows every result of the query ("Show all"), until the query changes. */
  showAll(): void;
}

/**
 * What the search keeps while its view is away (a term page is open), so the reader comes back
 * to the same query, list and option. The state itself lives in the search view, not in the
 * popup: a keystroke then renders the search view alone.
 */
export interface SearchMemory {
  query: string;
  active: number;
  /** Terms shown per browse group (a category id, or `pack:<id>`), beyond the first page. */
  shown: Partial<Record<string, number>>;
  allShown: boolean;
  /** Options rendered in the empty box (a screenful in the popup's first paint). */
  budget: number;
}

/** The memory of a popup opened with `query` in the box. */
export function searchMemory(query: string): SearchMemory {
  return {
    query,
    active: query.trim() ? 0 : -1,
    shown: {},
    allShown: false,
    budget: FIRST_PAINT_OPTIONS,
  };
}

/**
 * Search over `searcher`, starting from and written back to `memory`; `page` fills the "On this
 * page" group of the empty box; `fuzzy` is the fuzzy look-up once loaded (null before).
 */
export function useSearch(
  searcher: CoreSearcher,
  page: PageTerms | null,
  fuzzy: FuzzyLookup | null,
  memory: SearchMemory,
): SearchState {
  const [query, setQueryState] = useState(memory.query);
  const [active, setActive] = useState(memory.active);
  const [shown, setShown] = useState(memory.shown);
  // The first paint renders only a screenful of the empty box; the rest follows a frame later.
  const [budget, setBudget] = useState(memory.budget);
  useEffect(() => {
    if (budget === Infinity) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setBudget(Infinity), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  // Counts the searches that skipped a fuzzy look-up and are due again now that it is here.
  const [fuzzyRuns, setFuzzyRuns] = useState(0);
  useEffect(() => {
    if (!fuzzy) return;
    searcher.setFuzzy(fuzzy);
    if (searcher.missedFuzzy) setFuzzyRuns((n) => n + 1);
  }, [searcher, fuzzy]);
  // The first results of a query only: fewer rows to render on every keystroke.
  const [allShown, setAllShown] = useState(memory.allShown);
  Object.assign(memory, { query, active, shown, allShown, budget });
  const hits = useMemo(
    () => (query.trim() ? searcher.search(query) : null),
    [searcher, query, fuzzyRuns],
  );
  const groups = useMemo(
    () =>
      hits
        ? resultGroups(hits, allShown ? Infinity : RESULTS_PAGE)
        : browseGroups(searcher.terms, page, shown, budget),
    [searcher, hits, allShown, page, shown, budget],
  );
  const options = useMemo(() => flatOptions(groups), [groups]);
  const current = active < options.length ? active : options.length - 1;
  return {
    query,
    resultCount: hits?.length ?? 0,
    groups,
    options,
    active: current,
    activeOption: options[current],
    setQuery(next) {
      setQueryState(next);
      setAllShown(false);
      // The best result is active as soon as there is one, so Enter opens it.
      setActive(next.trim() ? 0 : -1);
    },
    setActive,
    move: (m) => setActive(moveActive(current, m, options.length)),
    showMore: (category) =>
      setShown((s) => ({ ...s, [category]: (s[category] ?? BROWSE_PAGE) + 4 * BROWSE_PAGE })),
    showAll() {
      setAllShown(true);
      // The option's place goes to the first result it revealed: the reader carries on from there.
      setActive(options.findIndex((o) => o.kind === 'all'));
    },
  };
}
