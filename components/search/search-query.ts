/**
 * The whole search in one call: the three passes of `search-core.ts` with the fuzzy pass of
 * `search-fuzzy.ts` from the start. For Node, the tests and the benchmark; the popup loads the
 * fuzzy part on its own after opening (see `entrypoints/popup/main.tsx`).
 */
import type { SearchIndex } from './search-index';
import { createCoreSearcher, type Searcher } from './search-core';
import { createFuzzyLookup } from './search-fuzzy';

export type { MatchKind, SearchHit, Searcher } from './search-core';

/** Loads `index` (Fuse's parts are parsed on first use, never rebuilt) and returns its searcher. */
export function createSearcher(index: SearchIndex): Searcher {
  return createCoreSearcher(index, createFuzzyLookup(index));
}
