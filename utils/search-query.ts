/**
 * Searching the pre-built index of `search.ts`. A query is normalised the way names are
 * (punctuation and case never matter), then scored in three passes, cheapest first:
 *
 * 1. the whole query against every name and alias (exact, then prefix), by binary search;
 * 2. each query word against the word index: name and alias words outrank expansion words,
 *    which outrank a passing mention in the summary or a fact; every word must match (AND);
 * 3. a query word that matches no word at all is looked up fuzzily with Fuse, among name,
 *    alias and expansion words only.
 *
 * Lower scores rank first; ties go to the shorter, then alphabetically earlier, name.
 */
import Fuse from 'fuse.js';
import { compactKey, normalizeKey } from './text-tokens';
import {
  FIELD,
  FUZZY_OPTIONS,
  STOP_WORDS,
  lowerBound,
  type SearchIndex,
  type SearchTerm,
} from './search';

/** How a result matched, for the result list's hint. */
export type MatchKind = 'name' | 'expansion' | 'text' | 'fuzzy';

/** One ranked result. */
export interface SearchHit {
  /** Position of the term in `SearchIndex.terms`. */
  index: number;
  term: SearchTerm;
  score: number;
  via: MatchKind;
}

/** A loaded index, ready to answer queries. */
export interface Searcher {
  readonly terms: readonly SearchTerm[];
  search(query: string, limit?: number): SearchHit[];
}

/** Score of a word match by field, exact or prefix. The fuzzy score is added to the base. */
const WORD_SCORE = {
  [FIELD.name]: { exact: 0.2, prefix: 0.25, fuzzy: 0.3 },
  [FIELD.expansion]: { exact: 0.4, prefix: 0.45, fuzzy: 0.5 },
  [FIELD.text]: { exact: 0.6, prefix: 0.65, fuzzy: 0.7 },
} as const;

const VIA: Record<number, MatchKind> = {
  [FIELD.name]: 'name',
  [FIELD.expansion]: 'expansion',
  [FIELD.text]: 'text',
};

/** At most this many query words are scored (a pasted paragraph must not stall the popup). */
const MAX_WORDS = 6;

interface Scored {
  score: number;
  via: MatchKind;
}

function keep(map: Map<number, Scored>, term: number, score: number, via: MatchKind): void {
  const old = map.get(term);
  if (!old || score < old.score) map.set(term, { score, via });
}

/** Loads `index` (Fuse's part is parsed, not rebuilt) and returns its searcher. */
export function createSearcher(index: SearchIndex): Searcher {
  const { terms, phrases, phraseTerms, words, wordPostings } = index;
  let fuse: Fuse<string> | undefined;
  const fuzzy = () =>
    (fuse ??= new Fuse(
      index.fuzzyWords.map((i) => words[i] ?? ''),
      FUZZY_OPTIONS,
      Fuse.parseIndex<string>(index.fuzzyIndex),
    ));

  /** Pass 1: the whole query as a name or alias, or the start of one. */
  function phrasePass(key: string, out: Map<number, Scored>): void {
    for (let i = lowerBound(phrases, key); i < phrases.length; i++) {
      const phrase = phrases[i] ?? '';
      if (!phrase.startsWith(key)) break;
      const score = phrase === key ? 0 : 0.1 + 0.08 * (1 - key.length / phrase.length);
      for (const t of phraseTerms[i] ?? []) keep(out, t, score, 'name');
    }
  }

  /** Pass 2 and 3 for one query word: the best score of each term that has it. */
  function wordPass(word: string): Map<number, Scored> {
    const out = new Map<number, Scored>();
    // One- and two-character words must match whole words: "v" in "Sputnik V", "1" in "Sakhalin-1".
    const prefix = word.length >= 3 || /^\d+$/.test(word);
    for (let i = lowerBound(words, word); i < words.length; i++) {
      const w = words[i] ?? '';
      const exact = w === word;
      if (!exact && !(prefix && w.startsWith(word))) break;
      for (const p of wordPostings[i] ?? []) {
        const field = (p % 4) as 0 | 1 | 2;
        const score = WORD_SCORE[field][exact ? 'exact' : 'prefix'];
        keep(out, p >> 2, score, VIA[field] ?? 'text');
      }
    }
    if (out.size === 0 && word.length >= 3) {
      for (const hit of fuzzy().search(word, { limit: 24 })) {
        const position = index.fuzzyWords[hit.refIndex] ?? -1;
        for (const p of wordPostings[position] ?? []) {
          const field = (p % 4) as 0 | 1 | 2;
          if (field === FIELD.text) continue;
          keep(out, p >> 2, WORD_SCORE[field].fuzzy + (hit.score ?? 0) / 2, 'fuzzy');
        }
      }
    }
    return out;
  }

  function search(query: string, limit = 50): SearchHit[] {
    const key = normalizeKey(query);
    if (!key) return [];
    const scores = new Map<number, Scored>();
    phrasePass(key, scores);
    const compact = compactKey(query);
    if (compact !== key) phrasePass(compact, scores);

    let queryWords = key.split(' ').slice(0, MAX_WORDS);
    if (queryWords.length > 1) {
      const meaningful = queryWords.filter((w) => !STOP_WORDS.has(w));
      if (meaningful.length > 0) queryWords = meaningful;
    }
    // Every query word must match; the term's word score is the mean of its word scores.
    let combined: Map<number, Scored> | undefined;
    for (const word of queryWords) {
      const found = wordPass(word);
      if (!combined) {
        combined = found;
        continue;
      }
      const next = new Map<number, Scored>();
      for (const [t, s] of combined) {
        const other = found.get(t);
        if (!other) continue;
        const worse = other.score > s.score ? other : s;
        next.set(t, { score: s.score + other.score, via: worse.via });
      }
      combined = next;
      if (combined.size === 0) break;
    }
    for (const [t, s] of combined ?? []) {
      keep(scores, t, s.score / Math.max(1, queryWords.length) + 0.001, s.via);
    }

    const ranked = [...scores].sort(
      ([ta, a], [tb, b]) =>
        a.score - b.score ||
        (terms[ta]?.name.length ?? 0) - (terms[tb]?.name.length ?? 0) ||
        ((terms[ta]?.name ?? '') < (terms[tb]?.name ?? '') ? -1 : 1),
    );
    return ranked.slice(0, limit).map(([index, s]) => ({
      index,
      term: terms[index] as SearchTerm,
      score: s.score,
      via: s.via,
    }));
  }

  return { terms, search };
}
