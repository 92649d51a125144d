/**
 * The packed matcher index: a page loads it without building anything, and it finds the same
 * names at 80 terms as at thousands (the probe filter and the table's bisection scale).
 */
import { describe, expect, test } from 'vitest';
import {
  buildMatcherIndex,
  fullProbe,
  isMatcherIndex,
  packEntries,
  pairProbe,
  probe,
} from '../../../components/shared/matcher-index';
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

  test('the second stage has a bit for each alias start: a word alone, or with the next', () => {
    const { second, probeBits } = packEntries([
      ['Ministry of Defence', 0, 'name', -1],
      ['Indian Navy', 1, 'name', -1],
      ['Kudankulam', 2, 'name', -1],
    ]);
    expect(second).toBeDefined();
    const bit = (p: number) => ((second!.charCodeAt(p >>> 2) - 64) >>> (p & 3)) & 1;
    const pair = (a: string, b: string) =>
      bit(pairProbe(fullProbe(a), b === '' ? 0 : fullProbe(b), probeBits));
    expect(pair('ministry', 'of')).toBe(1);
    expect(pair('indian', 'navy')).toBe(1);
    // The last token of an alias may be plural.
    expect(pair('indian', 'navys')).toBe(1);
    expect(pair('indian', 'navyes')).toBe(1);
    expect(pair('kudankulam', '')).toBe(1);
    expect(pair('kudankulams', '')).toBe(1);
    // What no alias starts with stays clear (a collision is possible, but not for these few).
    expect(pair('ministry', '')).toBe(0);
    expect(pair('indian', 'ocean')).toBe(0);
    expect(pair('ministry', 'defence')).toBe(0);
  });

  test('the second stage finds what the index without it finds (indexes stored before it)', () => {
    const index = buildMatcherIndex([...TEST_TERMS, ...syntheticTerms(500)]);
    const { second, ...older } = index;
    expect(second?.length).toBe(index.filter.length);
    expect(isMatcherIndex(older)).toBe(true);
    expect(isMatcherIndex({ ...index, second: second!.slice(1) })).toBe(false);
    const texts = [
      TEXT,
      'The Indian Navy and the Russian Navy; the ministry said, and the Ministry of Defence agreed.',
      'India–Russia ties: S. Jaishankar met Lavrov; the S 400, S400s and AK-203 rifles.',
      `${syntheticWord(7)} alone, then ${syntheticWord(7)} Accord, and ${syntheticWord(12)}s.`,
    ];
    const withSecond = compileMatcher(index);
    const without = compileMatcher(older);
    for (const text of texts) {
      expect(withSecond.find(text), text).toEqual(without.find(text));
    }
    expect(texts.flatMap((t) => withSecond.find(t)).length).toBeGreaterThan(8);
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
