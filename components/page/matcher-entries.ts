/**
 * The packed table's entries as the page reads them: one line of the matcher index (the aliases
 * that start with one token) turned into what the matcher checks, the first time a page has that
 * token.
 */
import { ENTRY_SEP, FIELD_SEP, type RuleSpec } from '../shared/matcher-index';
import { startsWithCapital } from '../shared/text-tokens';

/** One alias variant, ready to check. */
export interface Entry {
  rest: string[];
  term: number;
  /** Every token as written, for an alias matched exactly; else null. */
  cased: string[] | null;
  /** Bit k is set when token k must start with a capital (a name alias). */
  caps: number;
  rule: RuleSpec | null;
}

/** Reads one line of the packed table into entries (see `MatcherIndex.table`). */
export function parseLine(line: string, rules: readonly RuleSpec[]): Entry[] {
  const items = line.split(ENTRY_SEP);
  const entries: Entry[] = [];
  for (let k = 1; k < items.length; k++) {
    const [tokens = '', term = '0', flags = '', rule = ''] = (items[k] as string).split(FIELD_SEP);
    const written = flags === '' ? null : tokens.split(' ');
    let caps = 0;
    if (flags === 'n' && written) {
      written.forEach((t, i) => {
        if (startsWithCapital(t)) caps |= 1 << i;
      });
    }
    const rest = written
      ? written.slice(1).map((t) => t.toLowerCase())
      : tokens === ''
        ? []
        : tokens.split(' ');
    entries.push({
      rest,
      term: parseInt(term, 36),
      cased: flags === 'c' ? written : null,
      caps,
      rule: rule === '' ? null : (rules[parseInt(rule, 36)] ?? null),
    });
  }
  return entries;
}
