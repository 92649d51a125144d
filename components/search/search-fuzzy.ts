/**
 * The fuzzy pass of the search (typos: "sputnick"), with Fuse.js over the per-letter word buckets
 * the build prepared in `search.ts`. Kept apart from `search-core.ts` so that the popup can load
 * Fuse after its first paint instead of before it.
 */
import Fuse from 'fuse.js';
import { FUZZY_OPTIONS, type SearchIndex } from './search-index';
import type { FuzzyLookup } from './search-core';

/**
 * The fuzzy look-up of `index`: each letter's Fuse index is parsed (or, for an index built in the
 * popup, made) on first use, never rebuilt.
 */
export function createFuzzyLookup(index: SearchIndex): FuzzyLookup {
  const fuses = new Map<string, Fuse<string>>();
  function fuseFor(letter: string): Fuse<string> | undefined {
    const bucket = index.fuzzy[letter];
    if (!bucket) return undefined;
    let fuse = fuses.get(letter);
    if (!fuse) {
      const list = bucket.words.map((i) => index.words[i] ?? '');
      fuse = new Fuse(
        list,
        FUZZY_OPTIONS,
        bucket.index ? Fuse.parseIndex<string>(bucket.index) : undefined,
      );
      fuses.set(letter, fuse);
    }
    return fuse;
  }
  return (letter, word, limit) => {
    const positions = index.fuzzy[letter]?.words ?? [];
    return (fuseFor(letter)?.search(word, { limit }) ?? []).map((hit) => ({
      position: positions[hit.refIndex] ?? -1,
      score: hit.score ?? 0,
    }));
  };
}
