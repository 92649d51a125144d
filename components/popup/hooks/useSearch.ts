/**
 * The search box's state: the query, the listbox options it yields (results, or the browse view
 * for an empty box) and the active option. Searching is synchronous: it takes well under a
 * millisecond at the bundled size, so results follow every keystroke with no debounce.
 *
 * The fuzzy pass (typos) arrives a moment after the popup opens (`fuzzy`); a query typed before
 * that which needed it is searched again then.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Category } from '../../../data/schema';
import type { PageTerms } from '../../../utils/messages';
import {
  BROWSE_PAGE,
  FIRST_PAINT_OPTIONS,
  browseGroups,
  flatOptions,
  moveActive,
  resultGroups,
  type Option,
  type OptionGroup,
} from '../../../utils/popup-options';
import type { CoreSearcher, FuzzyLookup } from '../../../utils/search-core';

/** What the search view renders and the handlers it calls. */
export interface SearchState {
  query: string;
  groups: OptionGroup[];
  options: Option[];
  /** Index into `options`, or -1. */
  active: number;
  activeOption: Option | undefined;
  setQuery(query: string): void;
  setActive(index: number): void;
  move(move: 1 | -1 | 'first' | 'last'): void;
  /** Shows more terms of a category in the empty box ("Show more"). */
  showMore(category: Category): void;
}

/**
 * Search over `searcher`; `page` fills the "On this page" group of the empty box; `fuzzy` is the
 * fuzzy look-up once loaded (null before).
 */
export function useSearch(
  searcher: CoreSearcher,
  page: PageTerms | null,
  fuzzy: FuzzyLookup | null,
  initialQuery = '',
): SearchState {
  const [query, setQueryState] = useState(initialQuery);
  const [active, setActive] = useState(initialQuery.trim() ? 0 : -1);
  const [shown, setShown] = useState<Partial<Record<Category, number>>>({});
  // The first paint renders only a screenful of the empty box; the rest follows a frame later.
  const [budget, setBudget] = useState(FIRST_PAINT_OPTIONS);
  useEffect(() => {
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
  const groups = useMemo(
    () =>
      query.trim()
        ? resultGroups(searcher.search(query))
        : browseGroups(searcher.terms, page, shown, budget),
    [searcher, query, page, shown, budget, fuzzyRuns],
  );
  const options = useMemo(() => flatOptions(groups), [groups]);
  const current = active < options.length ? active : options.length - 1;
  return {
    query,
    groups,
    options,
    active: current,
    activeOption: options[current],
    setQuery(next) {
      setQueryState(next);
      // The best result is active as soon as there is one, so Enter opens it.
      setActive(next.trim() ? 0 : -1);
    },
    setActive,
    move: (m) => setActive(moveActive(current, m, options.length)),
    showMore: (category) =>
      setShown((s) => ({ ...s, [category]: (s[category] ?? BROWSE_PAGE) + 4 * BROWSE_PAGE })),
  };
}
