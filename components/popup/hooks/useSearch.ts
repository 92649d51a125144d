/**
 * The search box's state: the query, the listbox options it yields (results, or the browse view
 * for an empty box) and the active option. Searching is synchronous: it takes well under a
 * millisecond at the bundled size, so results follow every keystroke with no debounce.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Category } from '../../../data/schema';
import type { PageTerms } from '../../../utils/messages';
import {
  BROWSE_PAGE,
  browseGroups,
  flatOptions,
  moveActive,
  resultGroups,
  type Option,
  type OptionGroup,
} from '../../../utils/popup-options';
import type { Searcher } from '../../../utils/search-query';

/** Options rendered before the first paint: more than fit in the popup's 600 px. */
const FIRST_PAINT_OPTIONS = 12;

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

/** Search over `searcher`; `page` fills the "On this page" group of the empty box. */
export function useSearch(
  searcher: Searcher,
  page: PageTerms | null,
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
  const groups = useMemo(
    () =>
      query.trim()
        ? resultGroups(searcher.search(query))
        : browseGroups(searcher.terms, page, shown, budget),
    [searcher, query, page, shown, budget],
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
