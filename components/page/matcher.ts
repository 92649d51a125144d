/**
 * Finds every alias of every term in a string in one left-to-right pass. Each word costs a
 * bit-table probe and, for the few words that could start an alias, one Map look-up, so the cost
 * follows the length of the text and not the number of terms (one giant regular expression would
 * not: V8 stops optimising patterns past about 20 KB).
 *
 * Loading the index costs next to nothing at any size: the probe filter is decoded from a short
 * string, and the aliases that start with a word are read from the packed table (by bisection)
 * the first time the page has that word, then remembered.
 */
import {
  ENTRY_SEP,
  FULL_PROBE_BITS,
  LINE_END,
  pairProbe,
  probeCodes,
  type MatcherIndex,
} from '../shared/matcher-index';
import { isIgnorableCode, isWordCode, withoutIgnorable } from '../shared/text-tokens';
import { parseLine, type Entry } from './matcher-entries';
import {
  ASCII_CLASS,
  ASCII_LOWER,
  lowerCased,
  ruleAllows,
  sameToken,
  skipGap,
  tokenEnd,
} from './matcher-text';

/** A match in a string: `[start, end)` in UTF-16 units and the term's position in `termIds`. */
export interface Match {
  start: number;
  end: number;
  term: number;
}

/**
 * Makes the record a match is returned as. The annotator makes its occurrences here, so each
 * occurrence on a page is one object rather than a match copied into one (12,813 of each on the
 * large page).
 */
export type MakeMatch<T extends Match> = (start: number, end: number, term: number) => T;

/** A compiled index, ready to match. */
export interface Matcher {
  termIds: readonly string[];
  /** The terms' language (a primary subtag such as "en"); '' when they fit any. */
  language: string;
  /**
   * The matches in `text`, in order, made by `make` (plain records by default). A text with
   * none (most of a page's) gets one shared empty array, frozen.
   */
  find(text: string): readonly Match[];
  find<T extends Match>(text: string, make: MakeMatch<T>): readonly T[];
}

const NONE: readonly never[] = Object.freeze([]);

const plainMatch: MakeMatch<Match> = (start, end, term) => ({ start, end, term });

/** Loads a serialised index. Cheap at any size: aliases are read from the table when needed. */
export function compileMatcher(index: MatcherIndex): Matcher {
  const { table, rules, probeBits } = index;
  /**
   * Bit p & 3 of character p >> 2 is set where an alias may start (the low 4 bits of its code).
   * Read from the string itself: decoding it first with a TextEncoder cost a page about 1.4 ms at
   * start-up, the price of the encoder's first use in the content script's world (2026-12-07).
   */
  const filter = index.filter;
  const second = index.second ?? '';
  const shift = FULL_PROBE_BITS - probeBits;
  /** First tokens looked up so far: their entries, or null when no alias starts with them. */
  const cache = new Map<string, Entry[] | null>();
  /** The matches of the text being matched (see `findPlain`). */
  const found: Match[] = [];

  /** The entries whose first token is `key`, by bisection over the table's sorted lines. */
  function lookup(key: string): Entry[] | null {
    const known = cache.get(key);
    if (known !== undefined) return known;
    let found: Entry[] | null = null;
    // `lo` and `hi` are always line starts (or the end of the table).
    let lo = 0;
    let hi = table.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = table.lastIndexOf(LINE_END, mid - 1) + 1;
      const sep = table.indexOf(ENTRY_SEP, start);
      const lineKey = table.slice(start, sep);
      if (lineKey === key) {
        found = parseLine(table.slice(start, table.indexOf(LINE_END, sep)), rules);
        break;
      }
      if (lineKey < key) lo = table.indexOf(LINE_END, sep) + 1;
      else hi = start;
    }
    cache.set(key, found);
    return found;
  }

  /** Tries one entry whose first token is `text[i, j)`; returns the match end or -1. */
  function tryEntry(entry: Entry, text: string, lower: string, i: number, j: number): number {
    const cased = entry.cased;
    const caps = entry.caps;
    const single = entry.rest.length === 0;
    if (cased && !sameToken(text.slice(i, j), cased[0] as string, single)) return -1;
    // A capital is a code unit that lower-casing changes (offsets are kept aligned in `find`).
    if (caps & 1 && text.charCodeAt(i) === lower.charCodeAt(i)) return -1;
    let end = j;
    let prevLength = j - i;
    for (let k = 0; k < entry.rest.length; k++) {
      const g = skipGap(text, end, prevLength);
      if (g < 0) return -1;
      const e = tokenEnd(text, g);
      const last = k === entry.rest.length - 1;
      if (!sameToken(lower.slice(g, e), entry.rest[k] as string, last)) return -1;
      if (cased && !sameToken(text.slice(g, e), cased[k + 1] as string, last)) return -1;
      if ((caps >>> (k + 1)) & 1 && text.charCodeAt(g) === lower.charCodeAt(g)) return -1;
      prevLength = e - g;
      end = e;
    }
    return end;
  }

  /** The match starting with the token `text[i, j)`, pushed to `out`; returns its end or -1. */
  function matchAt(
    text: string,
    lower: string,
    i: number,
    j: number,
    out: Match[],
    make: MakeMatch<Match>,
  ): number {
    const list = lookup(lower.slice(i, j));
    if (list) {
      // The token after this one, read once: most entries fail on it ("India" then anything
      // but "Russia"), and comparing it is cheaper than trying the entry.
      let second: string | null | undefined;
      for (const entry of list) {
        if (entry.rest.length > 0) {
          if (second === undefined) {
            const g = skipGap(text, j, j - i);
            second = g < 0 ? null : lower.slice(g, tokenEnd(text, g));
          }
          if (
            second === null ||
            !sameToken(second, entry.rest[0] as string, entry.rest.length === 1)
          )
            continue;
        }
        const end = tryEntry(entry, text, lower, i, j);
        if (end >= 0 && (!entry.rule || ruleAllows(entry.rule, lower, i, end))) {
          out.push(make(i, end, entry.term));
          return end;
        }
      }
    }
    // A plural first token ("AK203s") can only end a one-token alias.
    if (j - i > 2 && lower.charCodeAt(j - 1) === 115) {
      const pluralList = lookup(lower.slice(i, j - 1));
      if (pluralList) {
        for (const entry of pluralList) {
          if (entry.rest.length > 0) continue;
          if (entry.cased && text.slice(i, j) !== `${entry.cased[0]}s`) continue;
          if (entry.caps & 1 && text.charCodeAt(i) === lower.charCodeAt(i)) continue;
          if (entry.rule && !ruleAllows(entry.rule, lower, i, j)) continue;
          out.push(make(i, j, entry.term));
          return j;
        }
      }
    }
    return -1;
  }

  /** The full probe of the token `text[s, e)` folded to lower case, or -1 when it is not ASCII. */
  function asciiProbe(text: string, s: number, e: number): number {
    const c0 = text.charCodeAt(s);
    const c1 = e - s > 1 ? text.charCodeAt(s + 1) : 0;
    const cl = text.charCodeAt(e - 1);
    if ((c0 | c1 | cl) >= 128) return -1;
    const l0 = ASCII_LOWER[c0] as number;
    return probeCodes(
      l0,
      ASCII_LOWER[c1] as number,
      ASCII_LOWER[cl] as number,
      e - s,
      FULL_PROBE_BITS,
    );
  }

  /** True when a second-stage bit (see `MatcherIndex.second`) is set. */
  function secondBit(q: number): boolean {
    return ((second.charCodeAt(q >>> 2) >>> (q & 3)) & 1) === 1;
  }

  /**
   * The second stage, for a word `text[i, j)` (full probe `head`) that passed the filter: false
   * when it cannot start a match, neither alone nor with the word after it. Reads that word in
   * place, so the text is not lower-cased for the many words that start only longer aliases.
   */
  function nextFits(text: string, i: number, j: number, head: number): boolean {
    if (secondBit(pairProbe(head, 0, probeBits))) return true;
    const g = skipGap(text, j, j - i);
    if (g < 0) return false;
    const next = asciiProbe(text, g, tokenEnd(text, g));
    // Case rules outside ASCII depend on context: leave such a word to the look-up.
    return next < 0 || secondBit(pairProbe(head, next, probeBits));
  }

  /**
   * Matches `text`; returns null when it holds an invisible code unit (a soft hyphen, say) that
   * stood where a token ended, so the caller matches again without them.
   */
  function findPlain(text: string, make: MakeMatch<Match>): readonly Match[] | null {
    // Gathered in one array for every text, copied out at its exact size when there are any.
    const out = found;
    out.length = 0;
    // Lower-cased only once a word passes the probe: most text nodes have none that does.
    let lower: string | null = null;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      let j: number;
      if (c < 128) {
        const kind = ASCII_CLASS[c];
        if (kind === 0) {
          i++;
          continue;
        }
        if (kind === 2) j = i + 1;
        else {
          j = i + 1;
          for (;;) {
            if (j >= n) break;
            const d = text.charCodeAt(j);
            if (d < 128 ? ASCII_CLASS[d] !== 1 : !isWordCode(d)) break;
            j++;
          }
        }
      } else {
        if (!isWordCode(c)) {
          // Checked only here, on a non-ASCII separator, so plain text pays nothing for it.
          if (isIgnorableCode(c)) return null;
          i++;
          continue;
        }
        j = tokenEnd(text, i);
      }
      // The probe reads the lower-cased first, second and last units: ASCII ones are folded
      // in place, any other comes from the lower-cased text (whose case rules depend on context).
      let full = asciiProbe(text, i, j);
      if (full < 0) {
        lower ??= lowerCased(text);
        const l1 = j - i > 1 ? lower.charCodeAt(i + 1) : 0;
        full = probeCodes(lower.charCodeAt(i), l1, lower.charCodeAt(j - 1), j - i, FULL_PROBE_BITS);
      }
      const p = full >>> shift;
      if (
        (filter.charCodeAt(p >>> 2) >>> (p & 3)) & 1 &&
        (second === '' || nextFits(text, i, j, full))
      ) {
        lower ??= lowerCased(text);
        const end = matchAt(text, lower, i, j, out, make);
        if (end >= 0) {
          i = end;
          continue;
        }
      }
      i = j;
    }
    return out.length === 0 ? NONE : out.slice();
  }

  function find(text: string, make: MakeMatch<Match> = plainMatch): readonly Match[] {
    const plain = findPlain(text, make);
    if (plain) return plain;
    const stripped = withoutIgnorable(text);
    const matches = findPlain(stripped.text, make) ?? NONE;
    const at = stripped.positions;
    for (const m of matches) {
      m.start = at[m.start] as number;
      m.end = (at[m.end - 1] as number) + 1;
    }
    return matches;
  }

  return { termIds: index.terms, language: index.language, find: find as Matcher['find'] };
}
