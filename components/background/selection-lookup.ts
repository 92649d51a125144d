/**
 * "Look up in Gloss" for a selected text: the popup's search (the same index builder and the
 * same ranking, `components/search/`) over every pack that is on, run in the background so the
 * content script carries no search code and no index. The index is built on the first look-up
 * and again only when the packs that are on change.
 */
import type { Category, Term } from '../../data/schema';
import type { LookupAnswer } from '../shared/messages';
import { buildSearchIndex } from '../search/search-index';
import { createSearcher, type Searcher } from '../search/search-query';
import { qualifiedTermId, type Pack } from '../store/pack-store';

/** At most this many matches are sent: a card has room for a short list. */
export const LOOKUP_LIMIT = 6;
/** A longer selection is cut (the search reads its first six words anyway). */
export const LOOKUP_MAX_CHARS = 200;

/** The text a look-up searches: a string, white space collapsed, cut to `LOOKUP_MAX_CHARS`. */
export function lookupQuery(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .slice(0, LOOKUP_MAX_CHARS * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LOOKUP_MAX_CHARS);
}

/** A searcher over `packs` (in order), with each result's pack title by term id. */
export interface PackSearch {
  searcher: Searcher;
  /** Qualified term id → the title of its pack (null for the built-in pack). */
  packOf: ReadonlyMap<string, string | null>;
}

/** Builds the search over the terms of `packs`, their ids qualified as the matcher's are. */
export function buildPackSearch(packs: readonly Pack[], bundledId: string): PackSearch {
  const packOf = new Map<string, string | null>();
  const terms: Term[] = [];
  for (const pack of packs) {
    for (const t of pack.terms) {
      const id = qualifiedTermId(pack.id, t.id, bundledId);
      if (packOf.has(id)) continue;
      packOf.set(id, pack.id === bundledId ? null : pack.title);
      // A pack's category is free text; the search only carries it through for display.
      terms.push({ ...t, id, category: (t.category ?? '') as Category });
    }
  }
  return { searcher: createSearcher(buildSearchIndex(terms)), packOf };
}

/** The best matches of `text` in `search`, best first. */
export function lookUp(search: PackSearch, text: unknown): LookupAnswer {
  const query = lookupQuery(text);
  if (!query) return { query, matches: [] };
  const matches = search.searcher.search(query, LOOKUP_LIMIT).map((hit) => ({
    id: hit.term.id,
    name: hit.term.name,
    expansion: hit.term.expansion,
    pack: search.packOf.get(hit.term.id) ?? null,
  }));
  return { query, matches };
}

/**
 * The look-up as the background answers it: `packsOn` gives the packs that are on (the built-in
 * one first); the search over them is kept until that list (ids and versions) changes.
 */
export function createLookup(
  packsOn: () => Promise<Pack[]>,
  bundledId: string,
): (text: unknown) => Promise<LookupAnswer> {
  let cached: { key: string; search: PackSearch } | null = null;
  return async (text) => {
    const packs = await packsOn();
    const key = packs.map((p) => `${p.id}@${p.version}:${p.terms.length}`).join('|');
    if (cached?.key !== key) cached = { key, search: buildPackSearch(packs, bundledId) };
    return lookUp(cached.search, text);
  };
}
