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
import type { Term } from '../../data/schema';
import { isSymbolCode, startsWithCapital, tokenStrings } from './text-tokens';

/** A context rule as the page needs it: lower-case words and a window. */
export interface RuleSpec {
  unless: string[];
  only: string[];
  window: number;
}

/**
 * How an alias may be written in a page. `exact`: only as in the fact base (acronyms that are
 * ordinary words in lower case). `name`: each word capitalised in the alias must start with a
 * capital in the page ("Modi", "MODI", not "modi"). `any`: in any case.
 */
export type CaseMode = 'exact' | 'name' | 'any';

/**
 * One alias variant: its tokens in their original case joined by spaces, the term's position in
 * `terms`, how its case must match, and the rule's position in `rules` (or -1).
 */
export type EntrySpec = [tokens: string, term: number, mode: CaseMode, rule: number];

/** The case mode of a term's aliases: names by default, unless the term says otherwise. */
export function caseModeOf(term: Pick<Term, 'caseSensitive' | 'anyCase'>): CaseMode {
  if (term.caseSensitive) return 'exact';
  return term.anyCase ? 'any' : 'name';
}

/** The serialised matcher index shipped in the content script. */
export interface MatcherIndex {
  version: 4;
  /** Term ids; entries refer to terms by position here. */
  terms: string[];
  /** The terms' language, a primary subtag ("en"): text declared in another is not matched. */
  language: string;
  rules: RuleSpec[];
  /**
   * The alias variants grouped by lower-cased first token, one line per first token, lines sorted
   * by first token in UTF-16 code-unit order and each ended by `~`: `first;entry;entry~`. An entry
   * is `tokens|term|mode|rule`, trailing empty fields left out: the other tokens in lower case
   * joined by spaces (for an alias marked `c`, matched exactly, or `n`, with capitalised words
   * that must stay capitalised, all its tokens in their original case), the term's position and
   * the rule's position in base 36. Within a line, variants with more tokens
   * come first, so the first that matches is the longest. Tokens never hold `~;| `.
   */
  table: string;
  /** Bits of a token's probe (see `probe`): the filter has `2 ** probeBits` bits. */
  probeBits: number;
  /**
   * The probe filter, 4 bits per character from `@` (code 64, so the low four bits of each
   * character's code are its bits): bit `p` is set when some first token, or some one-token alias
   * plus a plural "s", has probe `p`.
   */
  filter: string;
  /**
   * The second-stage filter, in the same form and size: bit `pairProbe(first, 0)` is set when a
   * one-token alias (or its plural) is `first`, bit `pairProbe(first, second)` when an alias starts
   * with the tokens `first second` (a last token also with "s" or "es"), both as full probes. A
   * word that passes `filter` but starts only longer aliases ("India", "Ministry") is let through
   * to a look-up only when the word after it fits. Absent in indexes stored before 2026-12-07,
   * which work as before.
   */
  second?: string;
}

/** True for a stored value that is a matcher index of this format (a page checks before use). */
export function isMatcherIndex(value: unknown): value is MatcherIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<MatcherIndex>;
  return (
    v.version === 4 &&
    Array.isArray(v.terms) &&
    Array.isArray(v.rules) &&
    typeof v.table === 'string' &&
    typeof v.filter === 'string' &&
    typeof v.language === 'string' &&
    typeof v.probeBits === 'number' &&
    v.filter.length === (1 << v.probeBits) >>> 2 &&
    (v.second === undefined ||
      (typeof v.second === 'string' && v.second.length === v.filter.length))
  );
}

/** Separators of the packed table. */
export const LINE_END = '~';
export const ENTRY_SEP = ';';
export const FIELD_SEP = '|';

/**
 * A cheap hash of a lower-case token `text[start, end)`, `bits` wide: its length and its first,
 * second and last code units, mixed. The same function runs at build time and on every word of
 * a page.
 */
export function probe(text: string, start: number, end: number, bits: number): number {
  const len = end - start;
  return probeCodes(
    text.charCodeAt(start),
    len > 1 ? text.charCodeAt(start + 1) : 0,
    text.charCodeAt(end - 1),
    len,
    bits,
  );
}

/**
 * `probe` from the code units themselves (the second is 0 for a one-unit token), so a page can
 * hash a word without lower-casing its whole text first.
 */
export function probeCodes(c0: number, c1: number, cl: number, len: number, bits: number): number {
  let h =
    Math.imul(c0, 0x9e3779b1) ^
    Math.imul(c1 + 0x3b, 0x85ebca77) ^
    Math.imul(cl + 0x71, 0xc2b2ae3d) ^
    Math.imul(len, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h >>> (32 - bits);
}

/**
 * Bits of a full probe, of which `probe` keeps the top ones: 30, so that it is always a small
 * integer to V8 and never allocated on the heap, even in code not yet optimised.
 */
export const FULL_PROBE_BITS = 30;

/** A token's full probe (see `FULL_PROBE_BITS`). */
export function fullProbe(token: string): number {
  return probe(token, 0, token.length, FULL_PROBE_BITS);
}

/**
 * The second-stage hash of a first token and the token after it (0 for none), from their full
 * probes, `bits` wide.
 */
export function pairProbe(first: number, second: number, bits: number): number {
  let h = Math.imul(first ^ 0x5bd1e995, 0x85ebca6b) ^ Math.imul(second + 0x27d4eb2f, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x9e3779b1);
  h ^= h >>> 16;
  return h >>> (32 - bits);
}

/** A filter of `bits` bits with the given bits set, 4 bits per character from `@`. */
function packBits(positions: Iterable<number>, bits: number): string {
  const nibbles = new Uint8Array((1 << bits) >>> 2);
  for (const p of positions) nibbles[p >>> 2] = (nibbles[p >>> 2] ?? 0) | (1 << (p & 3));
  let out = '';
  for (let i = 0; i < nibbles.length; i += 4096) {
    out += String.fromCharCode(...Array.from(nibbles.subarray(i, i + 4096), (v) => v + 64));
  }
  return out;
}

/**
 * The second-stage filter (see `MatcherIndex.second`) of a table's groups: each first token with
 * the lower-case token lists of the aliases that start with it.
 */
export function buildSecondFilter(
  groups: Iterable<[first: string, rests: readonly (readonly string[])[]]>,
  bits: number,
): string {
  const set: number[] = [];
  for (const [first, rests] of groups) {
    const head = fullProbe(first);
    for (const rest of rests) {
      const next = rest[0];
      if (next === undefined) {
        set.push(pairProbe(head, 0, bits), pairProbe(fullProbe(`${first}s`), 0, bits));
        continue;
      }
      const forms = rest.length === 1 ? [next, `${next}s`, `${next}es`] : [next];
      for (const form of forms) set.push(pairProbe(head, fullProbe(form), bits));
    }
  }
  return packBits(set, bits);
}

/**
 * The probe filter of a table's first tokens, 4 bits per character. `keys` gives each first
 * token and whether a one-token alias starts with it (which also matches with a plural "s").
 */
export function buildFilter(
  keys: Iterable<[first: string, single: boolean]>,
  bits: number,
): string {
  const set: number[] = [];
  for (const [first, single] of keys) {
    set.push(probe(first, 0, first.length, bits));
    if (single) set.push(probe(`${first}s`, 0, first.length + 1, bits));
  }
  return packBits(set, bits);
}

/**
 * Enough probe bits for `count` probes to leave most of the filter clear. At least 2^14: with the
 * bundled base's few hundred keys, 2^12 let about one word in fourteen through to a look-up; the
 * larger filter costs the content script 3 KB of text.
 */
export function probeBitsFor(count: number): number {
  return Math.min(18, Math.max(14, Math.ceil(Math.log2(Math.max(1, count) * 8))));
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

/**
 * Builds the index for `terms` (written in `language`), in the order given. Throws on an alias
 * with no tokens.
 */
export function buildMatcherIndex(
  terms: readonly Pick<Term, 'id' | 'aliases' | 'caseSensitive' | 'anyCase' | 'contextRules'>[],
  language = 'en',
): MatcherIndex {
  const entries: EntrySpec[] = [];
  const rules: RuleSpec[] = [];
  const seen = new Set<string>();
  terms.forEach((term, termIndex) => {
    const termMode = caseModeOf(term);
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
        const joined = tokens.join(' ');
        // A name alias with no capitals ("strategic autonomy") matches in any case.
        const mode = termMode === 'name' && !tokens.some(startsWithCapital) ? 'any' : termMode;
        const text = mode === 'any' ? joined.toLowerCase() : joined;
        const dedupe = `${termIndex}|${text}|${mode}|${ruleIndex}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        entries.push([text, termIndex, mode, ruleIndex]);
      }
    }
  });
  return {
    version: 4,
    terms: terms.map((t) => t.id),
    language,
    rules,
    ...packEntries(entries),
  };
}

/** Groups `entries` by lower-case first token into the table and its probe filter. */
export function packEntries(
  entries: readonly EntrySpec[],
): Pick<MatcherIndex, 'table' | 'probeBits' | 'filter' | 'second'> {
  const groups = new Map<string, { rest: string[]; entry: string }[]>();
  for (const [tokens, term, mode, rule] of entries) {
    const lower = tokens.toLowerCase().split(' ');
    const first = lower[0] as string;
    const fields = [
      mode === 'any' ? lower.slice(1).join(' ') : tokens,
      term.toString(36),
      mode === 'exact' ? 'c' : mode === 'name' ? 'n' : '',
      rule >= 0 ? rule.toString(36) : '',
    ];
    while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
    const item = { rest: lower.slice(1), entry: fields.join(FIELD_SEP) };
    const group = groups.get(first);
    if (group) group.push(item);
    else groups.set(first, [item]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let table = '';
  for (const key of keys) {
    // Longest variant first (a stable sort keeps the fact base's order among equals).
    const group = (groups.get(key) ?? []).sort((a, b) => b.rest.length - a.rest.length);
    table += `${key}${ENTRY_SEP}${group.map((g) => g.entry).join(ENTRY_SEP)}${LINE_END}`;
  }
  const probeBits = probeBitsFor(keys.length * 2);
  const filter = buildFilter(
    keys.map((k) => [k, (groups.get(k) ?? []).some((g) => g.rest.length === 0)]),
    probeBits,
  );
  const second = buildSecondFilter(
    keys.map((k) => [k, (groups.get(k) ?? []).map((g) => g.rest)]),
    probeBits,
  );
  return { table, probeBits, filter, second };
}
