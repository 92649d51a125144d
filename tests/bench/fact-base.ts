/**
 * The fact base as each benchmark build sees it (the bundled terms plus `extra` synthetic ones,
 * as `GLOSS_EXTRA_TERMS` does in `wxt.config.ts`), and what the competitors get from it: the
 * names to mark and mark.js's best single pattern.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Term } from '../../data/schema';
import { parseFactBase } from '../../data/fact-base';
import { aliasVariants } from '../../components/shared/matcher-index';
import { syntheticTerms } from '../../data/synthetic-terms';
import { repoRoot } from '../e2e/harness';

export function benchTerms(extra: number): Term[] {
  const dir = join(repoRoot, 'data');
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(join(dir, 'terms'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    files[name] = JSON.parse(readFileSync(join(dir, 'terms', name), 'utf8'));
  }
  const base = parseFactBase(files, JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')));
  return [...base.terms, ...syntheticTerms(extra)];
}

/** Every name as the fact base writes it, plus the joined spelling Gloss also accepts ("S400"). */
export function markNames(terms: readonly Term[]): string[] {
  const names = new Set<string>();
  for (const term of terms) {
    for (const alias of term.aliases) {
      names.add(alias);
      for (const tokens of aliasVariants(alias).slice(1)) names.add(tokens.join(''));
    }
  }
  return [...names];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEPARATOR = "[\\s\\u00a0'\\u2019\\u2010-\\u2015-]+";

/**
 * mark.js at its best: one pattern for every name variant, longest alternatives first, word
 * bounded, separators as loose as Gloss's, case-insensitive where the term is (`(?i:…)`).
 */
export function bestPattern(terms: readonly Term[]): string {
  const alternatives: string[] = [];
  for (const term of terms) {
    for (const alias of term.aliases) {
      for (const tokens of aliasVariants(alias)) {
        let source = '';
        tokens.forEach((token, k) => {
          const symbol = token === '+' || token === '&';
          const previous = tokens[k - 1];
          if (k > 0) {
            source += symbol || previous === '+' || previous === '&' ? '\\s*' : SEPARATOR;
          }
          source += escape(token);
        });
        alternatives.push(term.caseSensitive ? source : `(?i:${source})`);
      }
    }
  }
  const unique = [...new Set(alternatives)].sort((a, b) => b.length - a.length);
  return `\\b(?:${unique.join('|')})\\b`;
}
