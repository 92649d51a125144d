import { describe, expect, test } from 'vitest';
import { buildMatcherIndex } from '../../../components/shared/matcher-index';
import { compileMatcher } from '../../../components/page/matcher';
import {
  compactKey,
  isWordCode,
  normalizeKey,
  tokenStrings,
} from '../../../components/shared/text-tokens';
import { TEST_TERMS } from './terms';

const matcher = compileMatcher(buildMatcherIndex(TEST_TERMS));

/** The matched substrings and their term ids. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${matcher.termIds[m.term]}:${text.slice(m.start, m.end)}`);
}

describe('normalising', () => {
  test.each([
    ['Sakhalin–1', 'sakhalin 1'],
    ['SAKHALIN-1', 'sakhalin 1'],
    ['sakhalin\u00a01', 'sakhalin 1'],
    ['2 + 2', '2 + 2'],
    ['2+2', '2 + 2'],
    ['Russia’s', 'russia s'],
  ])('%s has the key %s', (text, key) => {
    expect(normalizeKey(text)).toBe(key);
  });

  test('compact keys drop every separator', () => {
    expect(compactKey('Su-30')).toBe(compactKey('Su30'));
    expect(compactKey('S–400')).toBe('s400');
  });

  test('symbols are tokens of their own, other punctuation separates', () => {
    expect(tokenStrings('R&D, (AK-203)!')).toEqual(['R', '&', 'D', 'AK', '203']);
  });

  test('the blocks decided without the Unicode expression agree with it', () => {
    const unicodeWord = /[\p{L}\p{N}\p{M}]/u;
    const differ: string[] = [];
    const ranges = [
      [0x80, 0x250],
      [0x300, 0x370],
      [0x2000, 0x2070],
    ] as const;
    for (const [from, to] of ranges) {
      for (let code = from; code < to; code++) {
        if (isWordCode(code) !== unicodeWord.test(String.fromCharCode(code)))
          differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
    // Outside them, the expression still decides: Cyrillic, Devanagari, CJK punctuation.
    expect(tokenStrings('Путин’s ‘S–400’ देश 。x')).toEqual(['Путин', 's', 'S', '400', 'देश', 'x']);
  });
});

describe('spellings that must match', () => {
  test.each([
    ['the AK-203 rifle', 'ak-203:AK-203'],
    ['AK 203 rifles', 'ak-203:AK 203'],
    ['AK–203 (en dash)', 'ak-203:AK–203'],
    ['AK203 rifles', 'ak-203:AK203'],
    ['two AK-203s arrived', 'ak-203:AK-203s'],
    ['the S-400 Triumf system', 's-400:S-400 Triumf'],
    ['an S400 battery', 's-400:S400'],
    ['S‑400 with a non-breaking hyphen', 's-400:S‑400'],
    ['Su30 jets', 'su-30:Su30'],
    ['the SU-30 fleet', 'su-30:SU-30'],
    ['Sukhoi Su-30MKI fighters', 'su-30:Sukhoi Su-30MKI'],
    ['stakes in Sakhalin–1', 'sakhalin-1:Sakhalin–1'],
    ['stakes in Sakhalin 1', 'sakhalin-1:Sakhalin 1'],
    ['the 2+2 dialogue', 'two-plus-two:2+2 dialogue'],
    ['the first 2 + 2 meeting', 'two-plus-two:2 + 2'],
    ['the 2 Plus 2 format', 'two-plus-two:2 Plus 2'],
    ['trade through the INSTC.', 'instc:INSTC'],
    [
      'the International North–South\n      Transport Corridor',
      'instc:International North–South\n      Transport Corridor',
    ],
    ['the Asia Pacific', 'asia-pacific:Asia Pacific'],
    ['Putin’s visit', 'putin:Putin'],
    ["Putin's visit", 'putin:Putin'],
    ['PUTIN ARRIVES', 'putin:PUTIN'],
    ['S. Jaishankar said', 'jaishankar:S. Jaishankar'],
    [
      'Countering America’s Adversaries Through Sanctions Act',
      'caatsa:Countering America’s Adversaries Through Sanctions Act',
    ],
    ['a seat in the NSG for nuclear trade', 'nsg:NSG'],
    ['the SCO summit in Dushanbe', 'sco:SCO'],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });
});

describe('spellings that must not match', () => {
  test.each([
    ['an AK-2030 prototype'],
    ['a score of 32+25'],
    ['12+25 is not it'],
    ['SCOUTS meet on Saturday'],
    ['the SCO lawsuit over Unix'],
    ['a quad bike'],
    ['QUAD in capitals is shouting, not the term'],
    ['the s-400 in lower case'],
    ['instc'],
    ['Sakhalin-10 does not exist'],
    ['NSG commandos guarded the hotel'],
    ['2 2'],
    ['22 people'],
    ['S, 400 people'],
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

test('the longest alias wins where aliases overlap', () => {
  expect(found('The S-400 Triumf and the S-400')).toEqual(['s-400:S-400 Triumf', 's-400:S-400']);
  expect(found('the 2+2 dialogue')).toEqual(['two-plus-two:2+2 dialogue']);
});

test('every occurrence in a long text, in order, with exact offsets', () => {
  const text = 'INSTC, then Quad; later INSTC again and Vladimir Putin.';
  const matches = matcher.find(text);
  expect(matches.map((m) => [m.start, m.end])).toEqual([
    [0, 5],
    [12, 16],
    [24, 29],
    [40, 54],
  ]);
});

test('a word is hashed in lower case whatever its case or script (folded ASCII or the lower-cased text)', () => {
  expect(found('ÖLMARKT, ölmarkt and Ölmarkt; ÖSTERREICH OSTPOLITIK')).toEqual([
    'ostpolitik:ÖLMARKT',
    'ostpolitik:Ölmarkt',
    'ostpolitik:ÖSTERREICH OSTPOLITIK',
  ]);
});

test('text whose lower case changes length keeps offsets aligned', () => {
  const text = 'İİ then INSTC';
  const [m] = matcher.find(text);
  expect(m && text.slice(m.start, m.end)).toBe('INSTC');
});

describe('what a match is returned as', () => {
  test('the caller makes each match its own record, at positions in the text as given', () => {
    const text = 'The INSTC and the S\u00ad400 deal';
    const made = matcher.find(text, (start, end, term) => ({ start, end, term, tag: 'mine' }));
    expect(made.map((m) => [text.slice(m.start, m.end), m.tag])).toEqual([
      ['INSTC', 'mine'],
      ['S\u00ad400', 'mine'],
    ]);
    // Results are fresh arrays: matching again leaves the first ones as they were.
    const first = matcher.find('INSTC');
    matcher.find('Quad and INSTC');
    expect(first.map((m) => m.start)).toEqual([0]);
  });

  test('a text with no match gets the shared empty result, which cannot be written to', () => {
    const none = matcher.find('nothing to see here');
    expect(none).toHaveLength(0);
    expect(matcher.find('nor here')).toBe(none);
    expect(Object.isFrozen(none)).toBe(true);
  });
});
