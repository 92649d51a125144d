/**
 * The matcher's reading of text: which code units make words, how tokens end, what may stand
 * between the tokens of one name, and the context rules. Pure functions over strings, shared by
 * the scan loop and the alias checks in matcher.ts.
 */
import type { RuleSpec } from '../shared/matcher-index';
import { isJoinerCode, isSymbolCode, isWordCode } from '../shared/text-tokens';

/** Token classes of ASCII code units: 0 separates, 1 is part of a word, 2 is a symbol token. */
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = isSymbolCode(c) ? 2 : isWordCode(c) ? 1 : 0;

/** ASCII code units in lower case, by code unit. */
export const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * What each code unit below 256 is between two tokens of one name: 0 ends the name, 1 is white
 * space, 2 is another joiner (a hyphen, an apostrophe). A table, not a chain of comparisons: V8
 * threw the optimised scan loop away the first time a page reached a comparison it had not
 * reached before ("insufficient type feedback", in V8's log of the news-site page, 2026-12-07).
 */
const GAP_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const white = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
  GAP_CLASS[c] = white ? 1 : isJoinerCode(c) ? 2 : 0;
}

/** `text` lower-cased with its offsets kept: a dotted capital I would otherwise grow by one. */
export function lowerCased(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length
    ? lower
    : text.replace(/[^]/gu, (ch) => ch.toLowerCase()[0] ?? ch);
}

/** The end of the token that starts at `start` (a symbol is a token of its own). */
export function tokenEnd(text: string, start: number): number {
  if (isSymbolCode(text.charCodeAt(start))) return start + 1;
  let j = start + 1;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Skips what may stand between two tokens of one name. Returns the next token's start, or -1
 * when the gap holds something that ends a name (or is too long to be a separator).
 */
export function skipGap(text: string, pos: number, prevTokenLength: number): number {
  let g = pos;
  // "S. Jaishankar": a full stop after an initial is part of the name.
  // Never read past the end: `charCodeAt` out of range throws the optimised scan loop away.
  if (prevTokenLength === 1 && g < text.length && text.charCodeAt(g) === 46) g++;
  // HTML source wraps lines anywhere, so white space may run long; other joiners may not.
  let marks = 0;
  while (g < text.length && g - pos < 64) {
    const c = text.charCodeAt(g);
    const kind = c < 256 ? (GAP_CLASS[c] as number) : isJoinerCode(c) ? 2 : 0;
    if (kind === 0) break;
    // Counted on every unit (white space adds 0), so the sum is never a first-time operation.
    marks += kind - 1;
    if (marks > 2) return -1;
    g++;
  }
  if (g >= text.length) return -1;
  const c = text.charCodeAt(g);
  if (!isWordCode(c) && !isSymbolCode(c)) return -1;
  // Two word tokens are always separated by something; a zero-width gap only sits next to a symbol.
  if (g === pos && !isSymbolCode(c) && !isSymbolCode(text.charCodeAt(pos - 1))) return -1;
  return g;
}

/** True when `actual` is `wanted`, or (for an alias's last token) its plural. */
export function sameToken(actual: string, wanted: string, last: boolean): boolean {
  return actual === wanted || (last && (actual === wanted + 's' || actual === wanted + 'es'));
}

/** The words within `window` words before `start` and after `end`, lower-cased. */
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

/** True when the words around `[start, end)` let a term with a context rule match there. */
export function ruleAllows(rule: RuleSpec, lower: string, start: number, end: number): boolean {
  const near = nearWords(lower, start, end, rule.window);
  if (rule.unless.some((w) => near.has(w))) return false;
  if (rule.only.length > 0 && !rule.only.some((w) => near.has(w))) return false;
  return true;
}
