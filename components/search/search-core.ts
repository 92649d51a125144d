/**
 * Searching the pre-built index of `search.ts`. A query is normalised the way names are
 * (punctuation and case never matter), then scored in three passes, cheapest first:
 *
 * 1. the whole query against every name and alias (exact, then prefix), by binary search;
 * 2. each query word against the word index: name and alias words outrank expansion words,
 *    which outrank a passing mention in the summary or a fact; every word must match (AND);
 * 3. a query word that matches no word at all is looked up fuzzily (`FuzzyLookup`), among the
 *    name, alias and expansion words with the same first letter.
 *
 * The fuzzy look-up is passed in, not imported: Fuse.js is the larger part of the search code,
 * and the popup loads it after its first paint (`search-fuzzy.ts`), so opening the popup never
 * waits for it. `search-query.ts` puts the two together for everything else.
 *
 * Lower scores rank first; ties go to the shorter, then alphabetically earlier, name. Scores live
 * in typed arrays reused across queries, so a query touching 10,000 terms allocates little.
 */
import { compactKey, normalizeKey } from '../shared/text-tokens';
import {
  FIELD,
  STOP_WORDS,
  fuzzyBucketOf,
  lowerBound,
  type SearchIndex,
  type SearchTerm,
} from './search-index';

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
  /** Every term, A–Z by name (the order the index keeps them in). */
  readonly terms: readonly SearchTerm[];
  search(query: string, limit?: number): SearchHit[];
}

/**
 * The words of fuzzy bucket `letter` close to `word`, best first: positions in
 * `SearchIndex.words` with Fuse-style scores (0 exact … 1 unrelated).
 */
export type FuzzyLookup = (
  letter: string,
  word: string,
  limit: number,
) => readonly { position: number; score: number }[];

/** A searcher whose fuzzy pass can be switched on later, once its code has loaded. */
export interface CoreSearcher extends Searcher {
  /** True when the last search skipped a word that only a fuzzy look-up could have matched. */
  readonly missedFuzzy: boolean;
  setFuzzy(fuzzy: FuzzyLookup): void;
}

const KINDS: MatchKind[] = ['name', 'expansion', 'text', 'fuzzy'];
const FUZZY = 3;

/** Score of a word match by field (exact, prefix, fuzzy base). */
const WORD_SCORE: Record<number, [exact: number, prefix: number, fuzzy: number]> = {
  [FIELD.name]: [0.2, 0.25, 0.3],
  [FIELD.expansion]: [0.4, 0.45, 0.5],
  [FIELD.text]: [0.6, 0.65, 0.7],
};

/** At most this many query words are scored (a pasted paragraph must not stall the popup). */
const MAX_WORDS = 6;

/** Best score and match kind per term, with the list of terms touched, reset after use. */
class Scores {
  readonly score: Float64Array;
  readonly kind: Uint8Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.score = new Float64Array(size).fill(Infinity);
    this.kind = new Uint8Array(size);
  }
  keep(term: number, score: number, kind: number): void {
    const old = this.score[term] ?? Infinity;
    if (old === Infinity) this.touched.push(term);
    if (score < old) {
      this.score[term] = score;
      this.kind[term] = kind;
    }
  }
  reset(): void {
    for (const t of this.touched) this.score[t] = Infinity;
    this.touched.length = 0;
  }
}

/** Loads `index` and returns its searcher; without `fuzzy`, misspelt words match nothing yet. */
export function createCoreSearcher(index: SearchIndex, fuzzy?: FuzzyLookup): CoreSearcher {
  const { terms, phrases, phraseTerms, words, wordPostings } = index;
  let missedFuzzy = false;
  const n = terms.length;
  const best = new Scores(n);
  const word = new Scores(n);
  // Across the words of a query: the sum of word scores, how many words matched, the worst kind.
  const sum = new Float64Array(n);
  const matched = new Uint8Array(n);
  const worst = new Float64Array(n);
  const worstKind = new Uint8Array(n);
  /** Pass 1: the whole query as a name or alias, or the start of one. */
  function phrasePass(key: string): void {
    for (let i = lowerBound(phrases, key); i < phrases.length; i++) {
      const phrase = phrases[i] ?? '';
      if (!phrase.startsWith(key)) break;
      const score = phrase === key ? 0 : 0.1 + 0.08 * (1 - key.length / phrase.length);
      for (const t of phraseTerms[i] ?? []) best.keep(t, score, 0);
    }
  }

  /** Passes 2 and 3 for one query word, into `word`. */
  function wordPass(w: string): void {
    // One- and two-letter words must match whole words: "v" in "Sputnik V".
    const prefix = w.length >= 3 || /^\d+$/.test(w);
    for (let i = lowerBound(words, w); i < words.length; i++) {
      const candidate = words[i] ?? '';
      const exact = candidate === w;
      if (!exact && !(prefix && candidate.startsWith(w))) break;
      for (const p of wordPostings[i] ?? []) {
        const field = p & 3;
        word.keep(p >> 2, WORD_SCORE[field]![exact ? 0 : 1], field);
      }
    }
    if (word.touched.length > 0 || w.length < 3) return;
    const letter = fuzzyBucketOf(w);
    if (!index.fuzzy[letter]) return;
    if (!fuzzy) {
      missedFuzzy = true;
      return;
    }
    for (const hit of fuzzy(letter, w, 24)) {
      for (const p of wordPostings[hit.position] ?? []) {
        const field = p & 3;
        if (field !== FIELD.text) word.keep(p >> 2, WORD_SCORE[field]![2] + hit.score / 2, FUZZY);
      }
    }
  }

  function search(query: string, limit = 50): SearchHit[] {
    missedFuzzy = false;
    const key = normalizeKey(query);
    if (!key) return [];
    phrasePass(key);
    const compact = compactKey(query);
    if (compact !== key) phrasePass(compact);

    let queryWords = key.split(' ').slice(0, MAX_WORDS);
    if (queryWords.length > 1) {
      const meaningful = queryWords.filter((w) => !STOP_WORDS.has(w));
      if (meaningful.length > 0) queryWords = meaningful;
    }
    // Every query word must match; a term's word score is the mean of its word scores.
    let candidates: number[] = [];
    queryWords.forEach((w, j) => {
      wordPass(w);
      const next: number[] = [];
      for (const t of word.touched) {
        if (matched[t] !== j) continue;
        const s = word.score[t] ?? 0;
        sum[t] = (j === 0 ? 0 : (sum[t] ?? 0)) + s;
        if (j === 0 || s > (worst[t] ?? 0)) {
          worst[t] = s;
          worstKind[t] = word.kind[t] ?? 0;
        }
        matched[t] = j + 1;
        next.push(t);
      }
      for (const t of candidates) if (matched[t] === j) matched[t] = 0;
      word.reset();
      candidates = next;
    });
    for (const t of candidates) {
      best.keep(t, (sum[t] ?? 0) / queryWords.length + 0.001, worstKind[t] ?? 0);
      matched[t] = 0;
    }

    const hits = rank(best.touched, limit);
    const out = hits.map((t) => ({
      index: t,
      term: terms[t] as SearchTerm,
      score: best.score[t] ?? 0,
      via: KINDS[best.kind[t] ?? 0] ?? 'text',
    }));
    best.reset();
    return out;
  }

  /** The `limit` best of `touched`: a numeric cut-off first, so only a few are fully compared. */
  function rank(touched: readonly number[], limit: number): number[] {
    let pool = touched;
    if (touched.length > limit * 2) {
      const sorted = Float64Array.from(touched, (t) => best.score[t] ?? Infinity).sort();
      const cut = sorted[limit - 1] ?? Infinity;
      pool = touched.filter((t) => (best.score[t] ?? Infinity) <= cut);
    }
    const name = (t: number) => terms[t]?.name ?? '';
    return [...pool]
      .sort(
        (a, b) =>
          (best.score[a] ?? 0) - (best.score[b] ?? 0) ||
          name(a).length - name(b).length ||
          (name(a) < name(b) ? -1 : 1),
      )
      .slice(0, limit);
  }

  return {
    terms,
    search,
    get missedFuzzy() {
      return missedFuzzy;
    },
    setFuzzy(next) {
      fuzzy = next;
    },
  };
}
