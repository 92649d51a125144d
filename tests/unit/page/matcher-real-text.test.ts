/**
 * The matcher on text as real news pages write it: invisible code units inside words, and names
 * that must not match as ordinary lower-case words.
 */
import { describe, expect, test } from 'vitest';
import { buildMatcherIndex, caseModeOf } from '../../../components/shared/matcher-index';
import { compileMatcher } from '../../../components/page/matcher';
import {
  normalizeKey,
  stripIgnorable,
  withoutIgnorable,
} from '../../../components/shared/text-tokens';
import { termSchema } from '../../../data/schema';
import { TEST_TERMS } from './terms';

const matcher = compileMatcher(buildMatcherIndex(TEST_TERMS));

/** Each match as `term:text`, the text cut from the original string by the match's offsets. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${matcher.termIds[m.term]}:${text.slice(m.start, m.end)}`);
}

describe('invisible code units', () => {
  test.each([
    ['Vladi\u00admir Putin spoke', 'putin:Vladi\u00admir Putin'],
    ['the Kudan\u00adku\u00adlam plant', 'kudankulam:Kudan\u00adku\u00adlam'],
    ['Kudan\u200bkulam', 'kudankulam:Kudan\u200bkulam'],
    ['Kudan\u200ckulam', 'kudankulam:Kudan\u200ckulam'],
    ['Kudan\u200dkulam', 'kudankulam:Kudan\u200dkulam'],
    ['Kudan\u2060kulam', 'kudankulam:Kudan\u2060kulam'],
    ['\ufeffINSTC', 'instc:INSTC'],
    ['Narendra\u00a0Modi', 'modi:Narendra\u00a0Modi'],
    ['Narendra\u202fModi', 'modi:Narendra\u202fModi'],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  test('offsets point into the original text, before and after the invisible units', () => {
    const text = 'INSTC and Vladi\u00admir Pu\u00adtin, then the Quad.';
    const matches = matcher.find(text);
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [0, 5],
      [10, 26],
      [37, 41],
    ]);
    expect(text.slice(37, 41)).toBe('Quad');
  });

  test('a soft hyphen at either end of a match stays outside it', () => {
    expect(found('\u00adPutin\u00ad')).toEqual(['putin:Putin']);
  });

  test('the stripped text maps every code unit back', () => {
    const { text, positions } = withoutIgnorable('a\u00adb\u200b\u200bc');
    expect(text).toBe('abc');
    expect([...positions]).toEqual([0, 2, 5]);
    expect(stripIgnorable('Kudan\u00adkulam')).toBe('Kudankulam');
  });

  test('keys for search ignore them too', () => {
    expect(normalizeKey('Kudan\u00adkulam')).toBe('kudankulam');
  });
});

describe('names match capitalised or in capitals only', () => {
  test.each([
    ['Modi met Putin', ['modi:Modi', 'putin:Putin']],
    ['MODI MEETS PUTIN', ['modi:MODI', 'putin:PUTIN']],
    ['Narendra Modi', ['modi:Narendra Modi']],
    ['Kudankulams', ['kudankulam:Kudankulams']],
    [
      'Strategic Autonomy and strategic autonomy',
      ['strategic-autonomy:Strategic Autonomy', 'strategic-autonomy:strategic autonomy'],
    ],
    ['covid-19 and COVID-19', ['covid:covid-19', 'covid:COVID-19']],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['Lorem ipsum modi tempora incidunt, quia modi sint.'],
    ['narendra modi'],
    ['putin'],
    ['kudankulams'],
    ['vladimir putin'],
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('a capitalised first word does not let a lower-case name word through', () => {
    // "Narendra" alone is no alias; "Narendra modi" must not match the two-word alias.
    expect(found('Narendra modi')).toEqual([]);
  });

  test('a term says which rule it follows', () => {
    expect(caseModeOf({ caseSensitive: true })).toBe('exact');
    expect(caseModeOf({ caseSensitive: false })).toBe('name');
    expect(caseModeOf({ caseSensitive: false, anyCase: true })).toBe('any');
    const [base] = TEST_TERMS;
    expect(termSchema.safeParse({ ...base, caseSensitive: true, anyCase: true }).success).toBe(
      false,
    );
  });
});
