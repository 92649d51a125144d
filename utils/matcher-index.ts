/**
 * Builds the matcher's index from the fact base, at build time (see `wxt.config.ts`), so a page
 * pays only for loading it. The index holds every alias with its newspaper variants, grouped by
 * its normalised first token: matching a word then costs one bit-table probe and, for the few
 * words that pass it, one look-up, however many terms there are.
 *
 * The index ships packed, ready to use: a sorted table of text lines that the page searches by
 * bisection, and the probe filter as a bit string. A page never builds a dictionary of every
 * alias, so its set-up cost stays the same at 80 terms or at 10,000.
 */
import type { Term } from '../data/schema';
import { isSymbolCode, tokenStrings } from './text-tokens';

/** A context rule as the page needs it: lower-case words and a window. */
export interface RuleSpec {
  unless: string[];
  only: string[];
  window: number;
}

/**
 * One alias variant: its tokens in their original case joined by spaces, the term's position in
 * `terms`, 1 when the term is case-sensitive (else 0), and the rule's position in `rules` (or -1).
 */
export type EntrySpec = [tokens: string, term: number, caseSensitive: 0 | 1, rule: number];

/** The serialised matcher index shipped in the content script. */
export interface MatcherIndex {
  version: 3;
  /** Term ids; entries refer to terms by position here. */
  terms: string[];
  rules: RuleSpec[];
  /**
   * The alias variants grouped by lower-cased first token, one line per first token, lines sorted
   * by first token in UTF-16 code-unit order: `first\tentry\tentry…\n`. An entry is
   * `rest|term|cased|rule`: the other lower-case tokens joined by spaces, the term's position
   * (base 36), every token in its original case joined by spaces when the term is case-sensitive
   * (else empty), and the rule's position (base 36, or empty). Within a line, variants with more
   * tokens come first, so the first that matches is the longest. Tokens never hold `|`, tabs,
   * spaces or line breaks.
   */
  table: string;
  /**
   * The probe filter: bit `p` is set when some first token, or some one-token alias plus a
   * plural "s", has probe `p` (see `probe`). Six bits per character, from code 48 ('0').
   */
  filter: string;
}

/** Bits of a token's probe; the filter has `1 << PROBE_BITS` bits. */
export const PROBE_BITS = 15;

/** The filter's bits per character, and the code of the character for no bits set. */
export const FILTER_CHAR_BITS = 6;
export const FILTER_CHAR_BASE = 48;

/**
 * A cheap hash of a lower-case token `text[start, end)`: its length and its first, second and
 * last code units, mixed. The same function runs at build time and on every word of a page.
 */
export function probe(text: string, start: number, end: number): number {
  const len = end - start;
  const c0 = text.charCodeAt(start);
  const c1 = len > 1 ? text.charCodeAt(start + 1) : 0;
  const cl = text.charCodeAt(end - 1);
  let h =
    Math.imul(c0, 0x9e3779b1) ^
    Math.imul(c1 + 0x3b, 0x85ebca77) ^
    Math.imul(cl + 0x71, 0xc2b2ae3d) ^
    Math.imul(len, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h >>> 17) & ((1 << PROBE_BITS) - 1);
}

function hasLetter(token: string): boolean {
  return /\p{L}/u.test(token);
}

/** The token lists one alias is matched by: as written, and joined ("Su-30" also as "Su30"). */
export function aliasVariants(alias: string): string[][] {
  const tokens = tokenStrings(alias.normalize('NFC'));
  if (tokens.length === 0) return [];
  const variants = [tokens];
  const allWords = tokens.every((t) => !isSymbolCode(t.charCodeAt(0)));
  // Joining is how "Su30" and "S400" get printed; only for names that start with a letter, so
  // that "2 2" never becomes "22".
  if (tokens.length > 1 && tokens.length <= 3 && allWords && hasLetter(tokens[0] ?? '')) {
    variants.push([tokens.join('')]);
  }
  return variants;
}

/** Builds the index for `terms`, in the order given. Throws on an alias with no tokens. */
export function buildMatcherIndex(terms: readonly Term[]): MatcherIndex {
  const entries: EntrySpec[] = [];
  const rules: RuleSpec[] = [];
  const seen = new Set<string>();
  terms.forEach((term, termIndex) => {
    for (const alias of term.aliases) {
      const variants = aliasVariants(alias);
      if (variants.length === 0) throw new Error(`Alias "${alias}" of ${term.id} has no words`);
      const rule = term.contextRules?.find((r) => r.alias === alias);
      let ruleIndex = -1;
      if (rule) {
        ruleIndex = rules.length;
        rules.push({
          unless: (rule.unlessNear ?? []).map((w) => w.toLowerCase()),
          only: (rule.onlyNear ?? []).map((w) => w.toLowerCase()),
          window: rule.window,
        });
      }
      for (const tokens of variants) {
        const text = term.caseSensitive ? tokens.join(' ') : tokens.join(' ').toLowerCase();
        const dedupe = `${termIndex}|${text}|${ruleIndex}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        entries.push([text, termIndex, term.caseSensitive ? 1 : 0, ruleIndex]);
      }
    }
  });
  return { version: 3, terms: terms.map((t) => t.id), rules, ...packEntries(entries) };
}

/** Groups `entries` by lower-case first token into the table and the probe filter. */
export function packEntries(entries: readonly EntrySpec[]): Pick<MatcherIndex, 'table' | 'filter'> {
  const groups = new Map<string, { rest: string[]; line: string }[]>();
  const bits = new Uint8Array(1 << PROBE_BITS);
  for (const [tokens, term, caseSensitive, rule] of entries) {
    const lower = tokens.toLowerCase().split(' ');
    const first = lower[0] as string;
    const rest = lower.slice(1);
    const line = [
      rest.join(' '),
      term.toString(36),
      caseSensitive === 1 ? tokens : '',
      rule >= 0 ? rule.toString(36) : '',
    ].join('|');
    const group = groups.get(first);
    if (group) group.push({ rest, line });
    else groups.set(first, [{ rest, line }]);
    bits[probe(first, 0, first.length)] = 1;
    // A one-token alias also matches with a plural "s" ("AK203s").
    if (rest.length === 0) bits[probe(`${first}s`, 0, first.length + 1)] = 1;
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let table = '';
  for (const key of keys) {
    // Longest variant first (a stable sort keeps the fact base's order among equals).
    const group = (groups.get(key) ?? []).sort((a, b) => b.rest.length - a.rest.length);
    table += `${key}\t${group.map((g) => g.line).join('\t')}\n`;
  }
  let filter = '';
  for (let i = 0; i < bits.length; i += FILTER_CHAR_BITS) {
    let v = 0;
    for (let b = 0; b < FILTER_CHAR_BITS; b++) v |= (bits[i + b] ?? 0) << b;
    filter += String.fromCharCode(FILTER_CHAR_BASE + v);
  }
  return { table, filter };
}
