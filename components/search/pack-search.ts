/**
 * Searching imported packs in the popup. The bundled pack's index is built at build time; an
 * imported pack exists only in the reader's storage, so its index is built in the popup after
 * the first paint (`buildSearchIndex` without Fuse's indexes, which are made per letter on first
 * use), and its searcher answers beside the bundled one (`mergeSearchers`).
 */
import type { PackTerm } from '../../data/schema';
import {
  createCoreSearcher,
  type CoreSearcher,
  type SearchHit,
  type Searcher,
} from './search-core';
import { createFuzzyLookup } from './search-fuzzy';
import { buildSearchIndexInSlices, type IndexedTerm, type SearchIndex } from './search-index';

/** An imported pack as the search needs it (a stored pack fits). */
export interface SearchablePack {
  id: string;
  title: string;
  terms: readonly PackTerm[];
}

/** The terms of `packs` with qualified ids (`packId~termId`, as `qualifiedTermId` makes them). */
export function packSearchTerms(packs: readonly SearchablePack[]): IndexedTerm[] {
  return packs.flatMap((pack) => {
    const from = { id: pack.id, title: pack.title };
    return pack.terms.map((t) => ({ ...t, id: `${pack.id}~${t.id}`, pack: from }));
  });
}

/**
 * The index and searcher (typos included) of `packs`, built in slices of about `sliceMs` with
 * `pause()` between them (see `buildSearchIndexInSlices`); null when there are no packs.
 */
export async function buildPackSearch(
  packs: readonly SearchablePack[],
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<{ index: SearchIndex; searcher: CoreSearcher } | null> {
  if (packs.length === 0) return null;
  const terms = packSearchTerms(packs);
  await pause();
  const index = await buildSearchIndexInSlices(terms, { sliceMs }, pause);
  return { index, searcher: createCoreSearcher(index, createFuzzyLookup(index)) };
}

/**
 * One searcher over the bundled searcher and the imported packs' one: results of both by score
 * (ties as each ranks them, bundled first), every term listed A–Z within its own index.
 * `setFuzzy` reaches the bundled searcher; the imported one has its fuzzy look-up already.
 */
export function mergeSearchers(primary: CoreSearcher, extra: Searcher): CoreSearcher {
  const offset = primary.terms.length;
  const terms = [...primary.terms, ...extra.terms];
  return {
    terms,
    get missedFuzzy() {
      return primary.missedFuzzy;
    },
    setFuzzy: (fuzzy) => primary.setFuzzy(fuzzy),
    search(query, limit = 50) {
      const a = primary.search(query, limit);
      const b = extra.search(query, limit).map((h) => ({ ...h, index: h.index + offset }));
      const out: SearchHit[] = [];
      let i = 0;
      let j = 0;
      while (out.length < limit && (i < a.length || j < b.length)) {
        const x = a[i];
        const y = b[j];
        if (x && (!y || x.score <= y.score)) {
          out.push(x);
          i++;
        } else if (y) {
          out.push(y);
          j++;
        }
      }
      return out;
    },
  };
}
