import { expect, test } from 'vitest';
import { findSnippet, highlightRanges } from '../../../components/search/search-highlight';

const marked = (text: string, query: string) =>
  highlightRanges(text, query)
    .map(([s, e]) => text.slice(s, e))
    .join('|');

test.each([
  ['Sputnik V', 'sput', 'Sput'],
  ['Sputnik V', 'sputnick', 'Sputni'],
  ['Sukhoi Su-30MKI', 'su30', 'Su|30'],
  ['S-400 Triumf', 's400', 'S|400'],
  ['Sakhalin-1', 'sakhalin 1', 'Sakhalin|1'],
  ['International North–South Transport Corridor', 'north south', 'North|South'],
  ['Afghanistan and the Taliban', 'taliban', 'Taliban'],
  ['CAATSA', 'zzz', ''],
])('%s / %s', (text, query, expected) => {
  expect(marked(text, query)).toBe(expected);
});

test('ranges are in the original string, with its case and dashes', () => {
  expect(highlightRanges('Sakhalin–1', 'SAKHALIN1')).toEqual([
    [0, 8],
    [9, 10],
  ]);
});

test('findSnippet cuts around the first matching word and marks it', () => {
  const texts = [
    'A summary that does not mention it.',
    'After the Taliban took Kabul in August 2021, India and Russia agreed to consult closely on Afghanistan and the region around it.',
  ];
  const snippet = findSnippet(texts, 'kabul', 60);
  expect(snippet?.text).toContain('Kabul');
  expect(snippet?.text.endsWith('…')).toBe(true);
  const [start, end] = snippet!.ranges[0]!;
  expect(snippet!.text.slice(start, end)).toBe('Kabul');
  expect(findSnippet(texts, 'moscow')).toBeUndefined();
});
