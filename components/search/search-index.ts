/**
 * The popup's search index, built once at build time (see `wxt.config.ts`) and loaded as data, so
 * opening the popup never rebuilds anything.
 *
 * Fuse.js searches linearly and costs ~50 ms at 10,000 terms over long strings, so the index is
 * shaped so that Fuse only sees what needs fuzzy matching:
 *
 * - `phrases`: every name and alias, normalised ("sakhalin 1") and compact ("sakhalin1"), sorted.
 *   A binary search finds exact and prefix matches of the whole query.
 * - `words`: a sorted word-prefix inverted index of every word of the names and aliases, the
 *   expansion, the summary and the fact texts, each word with the terms (and the best field) it
 *   comes from. "Kabul" finds the terms whose facts mention Kabul without scanning any text.
 * - `fuzzy`: the distinct name, alias and expansion words (letters, three or more characters) with
 *   Fuse's pre-built indexes, for typos ("sputnick"). Only a query word that matches nothing
 *   exactly or as a prefix is searched fuzzily, and only among the words that begin with its first
 *   letter (typos rarely hit the first letter), one Fuse index per letter: at 10,000 terms Fuse
 *   then scans a few hundred short words instead of every word of every term.
 *
 * Ranking lives in `search-core.ts` (the fuzzy pass in `search-fuzzy.ts`); highlighting in
 * `search-highlight.ts`.
 */
import Fuse from 'fuse.js';
import type { Fact, PackTerm } from '../../data/schema';
import { compactKey, normalizeKey } from '../shared/text-tokens';

/** Which part of a term a word comes from, best first. Encoded in postings as `term * 4 + field`. */
export const FIELD = { name: 0, expansion: 1, text: 2 } as const;
export type Field = (typeof FIELD)[keyof typeof FIELD];

/** A term as a search result shows it. */
export interface SearchTerm {
  /** Its id; an imported pack's terms are qualified, `packId~termId`. */
  id: string;
  name: string;
  expansion: string;
  /** One of the bundled categories, or an imported pack's own ('' when it has none). */
  category: string;
  /** The imported pack it comes from; absent for the pack built into Gloss. */
  pack?: { id: string; title: string };
}

/** What the index reads of a term: the bundled pack's and an imported pack's both fit. */
export type IndexedTerm = Pick<PackTerm, 'id' | 'name' | 'aliases' | 'expansion' | 'summary'> & {
  category?: string;
  facts: readonly Pick<Fact, 'text'>[];
  pack?: SearchTerm['pack'];
};

/** Fuse's serialised index (the shape of `FuseIndex.toJSON()`). */
export type FuseIndexJson = ReturnType<ReturnType<typeof Fuse.createIndex<string>>['toJSON']>;

/** The shipped search index. Arrays run in parallel: `phraseTerms[i]` belongs to `phrases[i]`. */
export interface SearchIndex {
  version: 4;
  /** A–Z by name (`compareNames`), so the popup lists them without sorting when it opens. */
  terms: SearchTerm[];
  /** Normalised and compact names and aliases, sorted by UTF-16 code unit. */
  phrases: string[];
  /** Term positions each phrase names. */
  phraseTerms: number[][];
  /** Every word of every term, sorted. */
  words: string[];
  /** Postings `term * 4 + field` of each word, one per term (its best field). */
  wordPostings: number[][];
  /** Fuzzy buckets by first character: positions in `words`, and Fuse's index of those words. */
  fuzzy: Record<string, FuzzyBucket>;
}

/**
 * The words of one fuzzy bucket, in Fuse's document order, and Fuse's index of them. An index
 * built in the popup (imported packs) leaves `index` out: Fuse indexes a bucket's few hundred
 * words on the first fuzzy look-up of its letter instead of every bucket up front.
 */
export interface FuzzyBucket {
  words: number[];
  index?: FuseIndexJson;
}

/** Fuse options for the fuzzy word pass; the same at build time and at search time. */
export const FUZZY_OPTIONS = {
  includeScore: true,
  threshold: 0.34,
  // Words are short; a small distance lets the bitap search stop early on long misses.
  distance: 24,
  ignoreFieldNorm: true,
  minMatchCharLength: 2,
} as const;

/**
 * Words that say nothing about a term: left out of the text field (a name keeps all its words),
 * so "the" does not list every term.
 */
export const STOP_WORDS = new Set(
  'a an and are as at be by for from has had have in into is it its of on or that the their this to was were which with'.split(
    ' ',
  ),
);

/** True for words worth fuzzy matching: three or more characters, at least one a letter. */
export function isFuzzyWord(word: string): boolean {
  return word.length >= 3 && /\p{L}/u.test(word);
}

/** The fuzzy bucket of a word: its first character (a whole code point). */
export function fuzzyBucketOf(word: string): string {
  return String.fromCodePoint(word.codePointAt(0) ?? 0);
}

/** Code-unit order, the order the binary searches assume (not `localeCompare`). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function add<K>(map: Map<K, Map<number, number>>, key: K, term: number, field: number): void {
  let postings = map.get(key);
  if (!postings) map.set(key, (postings = new Map()));
  const best = postings.get(term);
  if (best === undefined || field < best) postings.set(term, field);
}

/**
 * The order of names in lists: alphabetical in English, ignoring case and accents. Applied at
 * build time: the first comparison with these options loads the collation data, which costs the
 * popup milliseconds when it opens.
 */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** `terms` A–Z by name (a stable sort): the order of `SearchIndex.terms`. */
export function sortByName<T extends { name: string }>(terms: readonly T[]): T[] {
  // One collator for every comparison: the same order as `compareNames`, several times faster
  // than `localeCompare` per pair when the popup sorts a 10,000-term pack.
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...terms].sort((a, b) => collator.compare(a.name, b.name));
}

/** Fuse's index of a bucket's words, as the build ships it. */
function fuseIndexOf(words: string[]): FuseIndexJson {
  return Fuse.createIndex<string>([], words).toJSON() as FuseIndexJson;
}

/**
 * The build as steps: it yields after each term and each few hundred words, so a caller can
 * spread a large build over several tasks (`buildSearchIndexInSlices`) and returns the index.
 * Fuse comes in as `fuseIndex`, not by name: the popup's slice-wise build makes no Fuse indexes,
 * and so keeps Fuse.js out of the popup's first chunk.
 */
function* indexSteps(
  given: readonly IndexedTerm[],
  fuseIndex?: (words: string[]) => FuseIndexJson,
): Generator<void, SearchIndex> {
  const terms = sortByName(given);
  yield;
  const phraseMap = new Map<string, Map<number, number>>();
  const wordMap = new Map<string, Map<number, number>>();
  for (const [t, term] of terms.entries()) {
    for (const label of [term.name, ...term.aliases]) {
      for (const phrase of [normalizeKey(label), compactKey(label)]) {
        if (phrase) add(phraseMap, phrase, t, 0);
      }
      for (const word of normalizeKey(label).split(' '))
        if (word) add(wordMap, word, t, FIELD.name);
    }
    for (const word of normalizeKey(term.expansion).split(' ')) {
      if (word) add(wordMap, word, t, FIELD.expansion);
    }
    for (const text of [term.summary, ...term.facts.map((f) => f.text)]) {
      for (const word of normalizeKey(text).split(' ')) {
        if (word && !STOP_WORDS.has(word)) add(wordMap, word, t, FIELD.text);
      }
    }
    yield;
  }
  const phrases = [...phraseMap.keys()].sort(compareCodeUnits);
  yield;
  const words = [...wordMap.keys()].sort(compareCodeUnits);
  yield;
  const wordPostings: number[][] = [];
  for (const [i, w] of words.entries()) {
    wordPostings.push(
      [...(wordMap.get(w) ?? new Map<number, number>())]
        .map(([term, field]) => term * 4 + field)
        .sort((a, b) => a - b),
    );
    if (i % 256 === 255) yield;
  }
  const buckets = new Map<string, number[]>();
  words.forEach((word, i) => {
    const postings = wordPostings[i] ?? [];
    if (!isFuzzyWord(word) || postings.every((p) => p % 4 === FIELD.text)) return;
    const letter = fuzzyBucketOf(word);
    const bucket = buckets.get(letter);
    if (bucket) bucket.push(i);
    else buckets.set(letter, [i]);
  });
  yield;
  const fuzzy: Record<string, FuzzyBucket> = {};
  for (const letter of [...buckets.keys()].sort(compareCodeUnits)) {
    const positions = buckets.get(letter) ?? [];
    if (!fuseIndex) {
      fuzzy[letter] = { words: positions };
      continue;
    }
    fuzzy[letter] = { words: positions, index: fuseIndex(positions.map((i) => words[i] ?? '')) };
    yield;
  }
  const phraseTerms: number[][] = [];
  for (const [i, p] of phrases.entries()) {
    phraseTerms.push([...(phraseMap.get(p)?.keys() ?? [])].sort((a, b) => a - b));
    if (i % 1024 === 1023) yield;
  }
  return {
    version: 4,
    terms: terms.map((t) => ({
      id: t.id,
      name: t.name,
      expansion: t.expansion,
      category: t.category ?? '',
      ...(t.pack ? { pack: t.pack } : {}),
    })),
    phrases,
    phraseTerms,
    words,
    wordPostings,
    fuzzy,
  };
}

/**
 * Builds the search index for `given` (kept A–Z by name). Pure and deterministic. `fuseIndexes:
 * false` leaves Fuse's pre-built indexes out (see `FuzzyBucket`).
 */
export function buildSearchIndex(
  given: readonly IndexedTerm[],
  { fuseIndexes = true }: { fuseIndexes?: boolean } = {},
): SearchIndex {
  const steps = indexSteps(given, fuseIndexes ? fuseIndexOf : undefined);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same index without Fuse's indexes, built in slices of about `sliceMs` with `pause()`
 * awaited between them (the popup passes a yield to the event loop), so indexing a 10,000-term
 * pack never holds the page up for long: the reader can type, scroll and switch tabs meanwhile.
 */
export async function buildSearchIndexInSlices(
  given: readonly IndexedTerm[],
  options: { sliceMs?: number; now?: () => number },
  pause: () => Promise<void>,
): Promise<SearchIndex> {
  const { sliceMs = 8, now = () => performance.now() } = options;
  const steps = indexSteps(given);
  let start = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - start >= sliceMs) {
      await pause();
      start = now();
    }
  }
}

/** The first position in the sorted `list` whose entry is ≥ `key`. */
export function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
