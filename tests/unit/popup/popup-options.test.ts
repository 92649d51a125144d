import { expect, test } from 'vitest';
import { browseGroups, flatOptions, moveActive, resultGroups } from '../../../utils/popup-options';
import type { SearchTerm } from '../../../utils/search';

const t = (id: string, name: string, category: SearchTerm['category']): SearchTerm => ({
  id,
  name,
  expansion: `${name} in full`,
  category,
});
const terms = [t('sco', 'SCO', 'geopolitics'), t('s-400', 'S-400', 'defence'), t('ak-203', 'AK-203', 'defence')];

test('an empty box: terms on the page (most marked first), then categories in order, A–Z', () => {
  const groups = browseGroups(terms, {
    host: 'news.example',
    enabled: true,
    terms: [
      { id: 's-400', count: 1 },
      { id: 'sco', count: 4 },
      { id: 'unknown', count: 9 },
    ],
  });
  expect(groups.map((g) => g.label)).toEqual(['On this page', 'Defence', 'Groupings and geopolitics']);
  expect(groups[0]?.options.map((o) => [o.term.id, o.count])).toEqual([
    ['sco', 4],
    ['s-400', 1],
  ]);
  expect(groups[1]?.options.map((o) => o.term.id)).toEqual(['ak-203', 's-400']);
  const ids = flatOptions(groups).map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('no page terms: no "On this page" group', () => {
  expect(browseGroups(terms, null)[0]?.label).toBe('Defence');
});

test('results are one unlabelled group in rank order', () => {
  const groups = resultGroups([
    { index: 0, term: terms[0]!, score: 0, via: 'name' },
    { index: 1, term: terms[1]!, score: 0.5, via: 'text' },
  ]);
  expect(groups).toHaveLength(1);
  expect(flatOptions(groups).map((o) => o.term.id)).toEqual(['sco', 's-400']);
});

test('arrow keys wrap; Home and End; nothing to move over', () => {
  expect(moveActive(-1, 1, 3)).toBe(0);
  expect(moveActive(-1, -1, 3)).toBe(2);
  expect(moveActive(2, 1, 3)).toBe(0);
  expect(moveActive(0, -1, 3)).toBe(2);
  expect(moveActive(1, 'first', 3)).toBe(0);
  expect(moveActive(1, 'last', 3)).toBe(2);
  expect(moveActive(0, 1, 0)).toBe(-1);
});
