/**
 * The packed matcher index: a page loads it without building anything, and it finds the same
 * names at 80 terms as at thousands (the probe filter and the table's bisection scale).
 */
import { describe, expect, test } from 'vitest';
import { buildMatcherIndex, probe } from '../../../components/shared/matcher-index';
import { compileMatcher } from '../../../components/page/matcher';
import { syntheticTerms, syntheticWord } from '../../../data/synthetic-terms';
import { TEST_TERMS } from '../page/terms';

const TEXT =
  'In Moscow the S-400 deal, two AK-203s and the Su30 fleet were discussed; Sakhalin 1 too.';

function found(terms: Parameters<typeof buildMatcherIndex>[0], text: string): string[] {
  const matcher = compileMatcher(buildMatcherIndex(terms));
  return matcher.find(text).map((m) => `${matcher.termIds[m.term]}:${text.slice(m.start, m.end)}`);
}

describe('the packed index', () => {
  test('lines are sorted by first token, so the page can bisect them', () => {
    const { table } = buildMatcherIndex([...TEST_TERMS, ...syntheticTerms(300)]);
    const keys = table
      .split('~')
      .filter(Boolean)
      .map((line) => line.slice(0, line.indexOf(';')));
    expect(keys.length).toBeGreaterThan(300);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the filter has a bit for every first token and its plural', () => {
    const index = buildMatcherIndex(TEST_TERMS);
    const bit = (p: number) => ((index.filter.charCodeAt(p >>> 2) - 64) >>> (p & 3)) & 1;
    for (const line of index.table.split('~').filter(Boolean)) {
      const key = line.slice(0, line.indexOf(';'));
      expect(bit(probe(key, 0, key.length, index.probeBits)), key).toBe(1);
    }
  });

  test('thousands of extra terms change nothing for the names already there', () => {
    const small = found(TEST_TERMS, TEXT);
    expect(small.length).toBeGreaterThan(3);
    expect(found([...TEST_TERMS, ...syntheticTerms(3000)], TEXT)).toEqual(small);
  });

  test('every synthetic term is found, alone and with its second word', () => {
    const terms = syntheticTerms(2000);
    const matcher = compileMatcher(buildMatcherIndex(terms));
    for (const i of [0, 1, 999, 1999]) {
      const word = syntheticWord(i);
      const hits = matcher.find(`Yesterday ${word} and the ${word} Accord.`);
      expect(hits.map((h) => matcher.termIds[h.term])).toEqual([
        `synthetic-${i}`,
        `synthetic-${i}`,
      ]);
      expect(hits[1]?.end).toBe(`Yesterday ${word} and the ${word} Accord`.length);
    }
  });
});
