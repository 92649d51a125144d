/**
 * Builds the matcher's index from the fact base, at build time (see `wxt.config.ts`), so a page
 * pays only for parsing it. The index holds every alias with its newspaper variants, keyed by its
 * normalised first token: matching a word then costs one dictionary look-up, however many terms
 * there are.
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
 * One alias variant, compact for shipping: its tokens in their original case joined by spaces,
 * the term's position in `terms`, 1 when the term is case-sensitive (else 0), and the rule's
 * position in `rules` (or -1). The page lower-cases and groups them when it compiles the index.
 */
export type EntrySpec = [tokens: string, term: number, caseSensitive: 0 | 1, rule: number];

/** The serialised matcher index shipped in the content script. */
export interface MatcherIndex {
  version: 2;
  /** Term ids; entries refer to terms by position here. */
  terms: string[];
  rules: RuleSpec[];
  entries: EntrySpec[];
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
  return { version: 2, terms: terms.map((t) => t.id), rules, entries };
}
