/**
 * The checkers the data tests rely on, tried on made-up text, so a checker that silently accepts
 * everything fails here instead of letting bad data through.
 */
import { describe, expect, test } from 'vitest';
import {
  dateYears,
  designations,
  factNumbers,
  firstCopiedRun,
  normaliseAlias,
  sourceHasDesignation,
  sourceNumbers,
  wordRuns,
} from './load';

const keys = (text: string) => factNumbers(text).map((n) => n.keys);

describe('number extraction', () => {
  test('a source supports numbers as written, scaled units and number words', () => {
    const s = sourceNumbers(
      'trade of US$8.1 billion, over six lakh rifles, 10,300 km, the 21st summit, 2008-2012',
    );
    for (const n of ['8.1', '8100000000', '6', '600000', '10300', '21', '2008', '2012']) {
      expect(s.has(n), `source numbers should include ${n}`).toBe(true);
    }
    expect(s.has('7.5')).toBe(false);
    expect(sourceNumbers('a target of $30 bn').has('30000000000')).toBe(true);
    expect(sourceNumbers('1 crore doses').has('10000000')).toBe(true);
  });

  test('a fact yields its figures, with scaled readings where a unit follows', () => {
    expect(keys('US$8.1 billion in 2019')).toEqual([['8.1', '8100000000'], ['2019']]);
    expect(keys('more than 600,000 rifles')).toEqual([['600000']]);
    expect(keys('79 percent in 2008–2012')).toEqual([['79'], ['2008'], ['2012']]);
    expect(keys('the 21st summit')).toEqual([['21']]);
  });

  test('"2+2" and designations are not figures', () => {
    expect(keys('the 2+2 dialogue and the 2 + 2 format')).toEqual([]);
    expect(keys('the S-400, AK-203 and Su30')).toEqual([]);
    expect(designations('the S-400 and AK-203 but not mid-2021')).toEqual(['S-400', 'AK-203']);
    expect(keys('mid-2021')).toEqual([['2021']]);
  });

  test('designations match any separator spelling, plurals included', () => {
    expect(sourceHasDesignation('Russian AK203 assault rifles', 'AK-203')).toBe(true);
    expect(sourceHasDesignation('the S-400 Triumph', 'S-400s')).toBe(true);
    expect(sourceHasDesignation('Kamov helicopters', 'Ka-226')).toBe(false);
  });

  test('date years are read from dates and periods', () => {
    expect(dateYears('2021-12-06')).toEqual(['2021']);
    expect(dateYears('2008/2012')).toEqual(['2008', '2012']);
  });
});

describe('copy detection', () => {
  // An invented "source" sentence: the detector is generic, so the test needs no real article.
  const runs = wordRuns([
    'The two delegations quietly agreed eleven memoranda, several of them between ministries.',
  ]);

  test('finds a copied run of eight words, ignoring case and punctuation', () => {
    expect(
      firstCopiedRun(
        'Reportedly THE two delegations quietly agreed eleven memoranda; several were minor',
        runs,
      ),
    ).toBe('the two delegations quietly agreed eleven memoranda several');
  });

  test('accepts a paraphrase', () => {
    expect(
      firstCopiedRun('The sides signed 11 memoranda, a few of them between ministries.', runs),
    ).toBeUndefined();
  });
});

describe('alias normalisation', () => {
  test('ignores case and hyphen, en dash, em dash and space', () => {
    const forms = ['Su-30', 'su 30', 'SU–30', 'Su—30', 'Su30'];
    expect(new Set(forms.map(normaliseAlias)).size).toBe(1);
    expect(normaliseAlias('INSTC')).not.toBe(normaliseAlias('INST'));
  });
});
