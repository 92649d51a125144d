/**
 * Which characters of a displayed string a query matched, so the result list can emphasise them.
 * Works on the original string (its case, hyphens and dashes intact): the query is compared with
 * the string's word characters only, and the matches are mapped back to positions in it.
 */
import { STOP_WORDS } from './search-index';
import { compactKey, normalizeKey, tokenize } from '../shared/text-tokens';

/** A half-open range `[start, end)` of UTF-16 positions in the displayed string. */
export type Range = [start: number, end: number];

interface Letters {
  /** The string's word characters, lower-cased, joined. */
  chars: string;
  /** Position in the original string of each character of `chars`. */
  at: number[];
  /** Start (in `chars`) and length of each word. */
  words: { start: number; length: number }[];
}

/**
 * Word characters of the texts seen lately. The result list asks for the same names, expansions
 * and fact texts on every keystroke; only the query changes.
 */
const lettersCache = new Map<string, Letters>();
const LETTERS_CACHE_SIZE = 400;

function letters(text: string): Letters {
  const cached = lettersCache.get(text);
  if (cached) return cached;
  const computed = computeLetters(text);
  // Dropping everything at the limit is simpler than LRU order and costs one rebuild per 400 texts.
  if (lettersCache.size >= LETTERS_CACHE_SIZE) lettersCache.clear();
  lettersCache.set(text, computed);
  return computed;
}

function computeLetters(text: string): Letters {
  let chars = '';
  const at: number[] = [];
  const words: Letters['words'] = [];
  for (const span of tokenize(text)) {
    const start = chars.length;
    for (let i = span.start; i < span.end; i++) {
      const lower = (text[i] ?? '').toLowerCase();
      // Lower-casing can change the length of a few characters; keep the mapping one to one.
      chars += lower.length === 1 ? lower : (text[i] ?? '');
      at.push(i);
    }
    words.push({ start, length: span.end - span.start });
  }
  return { chars, at, words };
}

function toRanges(marked: Set<number>): Range[] {
  const sorted = [...marked].sort((a, b) => a - b);
  const ranges: Range[] = [];
  for (const i of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else ranges.push([i, i + 1]);
  }
  return ranges;
}

/**
 * The ranges of `text` that `query` matched: the whole query where it appears (preferring the
 * start of a word), otherwise the shared beginning of each query word and a word of `text`
 * (at least two characters, so a typo still shows where it matched).
 */
export function highlightRanges(text: string, query: string): Range[] {
  const compact = compactKey(query);
  if (!compact || !text) return [];
  const l = letters(text);
  const marked = new Set<number>();
  let found = -1;
  for (const w of l.words) {
    if (l.chars.startsWith(compact, w.start)) {
      found = w.start;
      break;
    }
  }
  if (found < 0 && compact.length >= 3) found = l.chars.indexOf(compact);
  if (found >= 0) {
    for (let i = found; i < found + compact.length; i++) marked.add(l.at[i] ?? 0);
    return toRanges(marked);
  }
  const queryWords = normalizeKey(query).split(' ').slice(0, 8);
  for (const q of queryWords) {
    if (queryWords.length > 1 && STOP_WORDS.has(q)) continue;
    for (const w of l.words) {
      let n = 0;
      while (n < q.length && n < w.length && l.chars[w.start + n] === q[n]) n++;
      const whole = n === w.length && n === q.length;
      if (n >= 2 || whole) for (let i = 0; i < n; i++) marked.add(l.at[w.start + i] ?? 0);
    }
  }
  return toRanges(marked);
}

/** A passage of a term's text that contains a query word, trimmed around the first match. */
export interface Snippet {
  text: string;
  ranges: Range[];
}

/**
 * The first of `texts` (a summary, then the facts) with a word beginning with a query word, cut
 * to about `width` characters around it; undefined when none has one.
 */
export function findSnippet(
  texts: readonly string[],
  query: string,
  width = 110,
): Snippet | undefined {
  const queryWords = normalizeKey(query)
    .split(' ')
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  if (queryWords.length === 0) return undefined;
  for (const text of texts) {
    const l = letters(text);
    const hit = l.words.find((w) =>
      queryWords.some((q) => l.chars.startsWith(q, w.start) && q.length <= w.length),
    );
    if (!hit) continue;
    const matchAt = l.at[hit.start] ?? 0;
    let start = Math.max(0, matchAt - Math.floor(width / 3));
    let end = Math.min(text.length, start + width);
    start = Math.max(0, Math.min(start, end - width));
    // Cut at word boundaries.
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    if (end < text.length)
      end = text.lastIndexOf(' ', end) > matchAt ? text.lastIndexOf(' ', end) : end;
    const head = start > 0 ? '…' : '';
    const tail = end < text.length ? '…' : '';
    const body = text.slice(start, end);
    const ranges: Range[] = [];
    const lb = letters(body);
    for (const w of lb.words) {
      const q = queryWords.find((x) => lb.chars.startsWith(x, w.start) && x.length <= w.length);
      if (q) {
        const from = (lb.at[w.start] ?? 0) + head.length;
        ranges.push([from, from + q.length]);
      }
    }
    return { text: head + body + tail, ranges };
  }
  return undefined;
}
