import { describe, expect, test } from 'vitest';
import { skipGap } from '../../../components/page/matcher-text';

describe('skipGap', () => {
  test('steps over white space of any length up to the limit, and a full stop after an initial', () => {
    expect(skipGap('India  \n\t Russia', 5, 5)).toBe(10);
    expect(skipGap('S. Jaishankar', 1, 1)).toBe(3);
    // A full stop after a longer word ends the name.
    expect(skipGap('India. Russia', 5, 5)).toBe(-1);
    expect(skipGap(`a${' '.repeat(70)}b`, 1, 1)).toBe(-1);
  });

  test('allows two joiners that are not white space, whether ASCII or not, and no more', () => {
    expect(skipGap('India--Russia', 5, 5)).toBe(7);
    expect(skipGap('India - \u2013 Russia', 5, 5)).toBe(10);
    expect(skipGap('India---Russia', 5, 5)).toBe(-1);
    // The thin space and the narrow no-break space count as joiners, not as white space.
    expect(skipGap('India\u2009\u202f\u2009Russia', 5, 5)).toBe(-1);
    expect(skipGap('India\u2019s', 5, 5)).toBe(6);
  });

  test('ends the name at other punctuation, at the end of the text, and at a word with no gap', () => {
    expect(skipGap('India, Russia', 5, 5)).toBe(-1);
    expect(skipGap('India ', 5, 5)).toBe(-1);
    expect(skipGap('S', 1, 1)).toBe(-1);
    expect(skipGap('2+2', 1, 1)).toBe(1);
    expect(skipGap('ab', 1, 1)).toBe(-1);
  });
});
