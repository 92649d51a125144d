/**
 * Search set-up shared by the build (which pre-builds Fuse's index) and the popup (which loads
 * it). Both must use the same documents and keys, or the loaded index would not line up.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Term } from '../data/schema';
import { normalizeKey } from './text-tokens';

/** What the search sees of a term: normalised strings only, so punctuation and case never matter. */
export interface SearchDoc {
  id: string;
  name: string;
  aliases: string[];
  expansion: string;
  text: string;
}

/** Keys and weights: a name or alias outranks a word from a summary or a fact. */
export const SEARCH_KEYS = [
  { name: 'name', weight: 4 },
  { name: 'aliases', weight: 4 },
  { name: 'expansion', weight: 2 },
  { name: 'text', weight: 1 },
];

/** Fuse options used both when building the index and when searching. */
export const SEARCH_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: SEARCH_KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.35,
};

/** One search document per term, in the order of `terms`. */
export function searchDocs(terms: readonly Term[]): SearchDoc[] {
  return terms.map((t) => ({
    id: t.id,
    name: normalizeKey(t.name),
    aliases: t.aliases.map(normalizeKey),
    expansion: normalizeKey(t.expansion),
    text: normalizeKey([t.summary, ...t.facts.map((f) => f.text)].join(' ')),
  }));
}

/** The serialisable pre-built index for `docs`. */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
): ReturnType<FuseIndex<SearchDoc>['toJSON']> {
  return Fuse.createIndex(SEARCH_KEYS, docs as SearchDoc[]).toJSON();
}
