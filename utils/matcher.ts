/**
 * Finds every alias of every term in a string in one left-to-right pass. Each word costs a
 * bit-table probe and, for the few words that could start an alias, one Map look-up, so the cost
 * follows the length of the text and not the number of terms (one giant regular expression would
 * not: V8 stops optimising patterns past about 20 KB).
 */
import type { MatcherIndex, RuleSpec } from './matcher-index';
import { isJoinerCode, isSymbolCode, isWordCode } from './text-tokens';

interface Entry {
  rest: string[];
  term: number;
  cased: string[] | null;
  rule: RuleSpec | null;
}

/** A match in a string: `[start, end)` in UTF-16 units and the term's position in `termIds`. */
export interface Match {
  start: number;
  end: number;
  term: number;
}

/** A compiled index, ready to match. */
export interface Matcher {
  termIds: readonly string[];
  find(text: string): Match[];
}

const FILTER_BITS = 15;

/** A cheap hash of a token's length and first two (lower-case) code units. */
function probe(lower: string, start: number, end: number): number {
  const len = end - start;
  const c0 = lower.charCodeAt(start);
  const c1 = len > 1 ? lower.charCodeAt(start + 1) : 0;
  return ((len & 31) << 10) | ((c0 & 31) << 5) | (c1 & 31);
}

function tokenEnd(text: string, start: number): number {
  if (isSymbolCode(text.charCodeAt(start))) return start + 1;
  let j = start + 1;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Skips what may stand between two tokens of one name. Returns the next token's start, or -1
 * when the gap holds something that ends a name (or is too long to be a separator).
 */
function skipGap(text: string, pos: number, prevTokenLength: number): number {
  let g = pos;
  // "S. Jaishankar": a full stop after an initial is part of the name.
  if (prevTokenLength === 1 && text.charCodeAt(g) === 46) g++;
  // HTML source wraps lines anywhere, so white space may run long; other joiners may not.
  let marks = 0;
  while (g < text.length && g - pos < 64) {
    const c = text.charCodeAt(g);
    if (!isJoinerCode(c)) break;
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0 && ++marks > 2) return -1;
    g++;
  }
  if (g >= text.length) return -1;
  const c = text.charCodeAt(g);
  if (!isWordCode(c) && !isSymbolCode(c)) return -1;
  // Two word tokens are always separated by something; a zero-width gap only sits next to a symbol.
  if (g === pos && !isSymbolCode(c) && !isSymbolCode(text.charCodeAt(pos - 1))) return -1;
  return g;
}

function sameToken(actual: string, wanted: string, last: boolean): boolean {
  return actual === wanted || (last && (actual === wanted + 's' || actual === wanted + 'es'));
}

function nearWords(lower: string, start: number, end: number, window: number): Set<string> {
  const words = new Set<string>();
  let count = 0;
  for (let i = start - 1; i >= 0 && count < window;) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i--;
      continue;
    }
    let s = i;
    while (s > 0 && isWordCode(lower.charCodeAt(s - 1))) s--;
    words.add(lower.slice(s, i + 1));
    count++;
    i = s - 1;
  }
  count = 0;
  for (let i = end; i < lower.length && count < window;) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const e = tokenEnd(lower, i);
    words.add(lower.slice(i, e));
    count++;
    i = e;
  }
  return words;
}

function ruleAllows(rule: RuleSpec, lower: string, start: number, end: number): boolean {
  const near = nearWords(lower, start, end, rule.window);
  if (rule.unless.some((w) => near.has(w))) return false;
  if (rule.only.length > 0 && !rule.only.some((w) => near.has(w))) return false;
  return true;
}

/** Compiles a serialised index. Costs one pass over the entries; do it once per page. */
export function compileMatcher(index: MatcherIndex): Matcher {
  const map = new Map<string, Entry[]>();
  const filter = new Uint8Array(1 << FILTER_BITS);
  for (const [tokens, term, caseSensitive, rule] of index.entries) {
    const original = tokens.split(' ');
    const lower = tokens.toLowerCase().split(' ');
    const key = lower[0] as string;
    const entry: Entry = {
      rest: lower.slice(1),
      term,
      cased: caseSensitive === 1 ? original : null,
      rule: rule >= 0 ? (index.rules[rule] ?? null) : null,
    };
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
    filter[probe(key, 0, key.length)] = 1;
  }
  // Longest variant first, so the first one that matches is the longest match at its position.
  for (const list of map.values())
    if (list.length > 1) list.sort((a, b) => b.rest.length - a.rest.length);

  /** Tries one entry whose first token is `text[i, j)`; returns the match end or -1. */
  function tryEntry(entry: Entry, text: string, lower: string, i: number, j: number): number {
    const cased = entry.cased;
    const single = entry.rest.length === 0;
    if (cased && !sameToken(text.slice(i, j), cased[0] as string, single)) return -1;
    let end = j;
    let prevLength = j - i;
    for (let k = 0; k < entry.rest.length; k++) {
      const g = skipGap(text, end, prevLength);
      if (g < 0) return -1;
      const e = tokenEnd(text, g);
      const last = k === entry.rest.length - 1;
      if (!sameToken(lower.slice(g, e), entry.rest[k] as string, last)) return -1;
      if (cased && !sameToken(text.slice(g, e), cased[k + 1] as string, last)) return -1;
      prevLength = e - g;
      end = e;
    }
    return end;
  }

  function find(text: string): Match[] {
    const out: Match[] = [];
    let lower = text.toLowerCase();
    // Lower-casing can change the length (a dotted capital I); keep offsets aligned.
    if (lower.length !== text.length)
      lower = text.replace(/[^]/gu, (ch) => ch.toLowerCase()[0] ?? ch);
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c) && !isSymbolCode(c)) {
        i++;
        continue;
      }
      const j = tokenEnd(text, i);
      let list: Entry[] | undefined;
      if (filter[probe(lower, i, j)] === 1) list = map.get(lower.slice(i, j));
      // A plural first token ("AK203s") can only end a one-token alias.
      let pluralList: Entry[] | undefined;
      if (j - i > 2 && lower.charCodeAt(j - 1) === 115 && filter[probe(lower, i, j - 1)] === 1) {
        pluralList = map.get(lower.slice(i, j - 1));
      }
      let matchedEnd = -1;
      if (list) {
        for (const entry of list) {
          const end = tryEntry(entry, text, lower, i, j);
          if (end >= 0 && (!entry.rule || ruleAllows(entry.rule, lower, i, end))) {
            out.push({ start: i, end, term: entry.term });
            matchedEnd = end;
            break;
          }
        }
      }
      if (matchedEnd < 0 && pluralList) {
        for (const entry of pluralList) {
          if (entry.rest.length > 0) continue;
          if (entry.cased && text.slice(i, j) !== `${entry.cased[0]}s`) continue;
          if (entry.rule && !ruleAllows(entry.rule, lower, i, j)) continue;
          out.push({ start: i, end: j, term: entry.term });
          matchedEnd = j;
          break;
        }
      }
      i = matchedEnd >= 0 ? matchedEnd : j;
    }
    return out;
  }

  return { termIds: index.terms, find };
}
