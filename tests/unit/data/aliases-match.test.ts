/**
 * Every alias must be findable on a page: run the real matcher over each alias as written (with a
 * word its context rule asks for) and expect its own term back. This catches aliases the matcher
 * can never see, such as ones with a comma inside (a comma ends a name).
 */
import { expect, test } from 'vitest';
import { termSchema, type Term } from '../../../data/schema';
import { buildMatcherIndex } from '../../../components/shared/matcher-index';
import { compileMatcher } from '../../../components/page/matcher';
import { allTerms } from './load';

test('the matcher finds every alias, as written, for its own term', () => {
  // Parsed as the build parses them, so schema defaults (a rule's window) apply.
  const terms: Term[] = allTerms().map(({ file: _file, ...term }) => termSchema.parse(term));
  const matcher = compileMatcher(buildMatcherIndex(terms));
  const problems: string[] = [];
  terms.forEach((term, index) => {
    for (const alias of term.aliases) {
      const rule = term.contextRules?.find((r) => r.alias === alias);
      // A full stop keeps the context word out of the name itself.
      const text = rule?.onlyNear?.length ? `${rule.onlyNear[0]}. ${alias}.` : `${alias}.`;
      const found = matcher.find(text);
      if (!found.some((m) => m.term === index)) {
        const got = found.map((m) => `${terms[m.term]?.id} "${text.slice(m.start, m.end)}"`);
        problems.push(
          `term ${term.id}: alias "${alias}" is not found in "${text}"` +
            (got.length ? ` (found ${got.join(', ')} instead)` : ''),
        );
      }
    }
  });
  expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
});
