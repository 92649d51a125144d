import { expect, test } from 'vitest';
import {
  BROWSE_PAGE,
  browseGroups,
  flatOptions,
  moveActive,
  RESULTS_PAGE,
  resultGroups,
  revealLabel,
  savedTermFilter,
} from '../../../components/popup/popup-options';
import type { SearchHit } from '../../../components/search/search-core';
import type { Option } from '../../../components/popup/popup-options';
import type { SearchTerm } from '../../../components/search/search-index';

const termId = (o: Option | undefined) => (o?.kind === 'term' ? o.term.id : o?.kind);

const t = (id: string, name: string, category: SearchTerm['category']): SearchTerm => ({
  id,
  name,
  expansion: `${name} in full`,
  category,
});
// A–Z by name, as the search index keeps them.
const terms = [
  t('ak-203', 'AK-203', 'defence'),
  t('s-400', 'S-400', 'defence'),
  t('sco', 'SCO', 'geopolitics'),
];

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
  expect(groups.map((g) => g.label)).toEqual([
    'On this page',
    'Defence',
    'Groupings and geopolitics',
  ]);
  expect(groups[0]?.options.map((o) => [termId(o), o.kind === 'term' && o.count])).toEqual([
    ['sco', 4],
    ['s-400', 1],
  ]);
  expect(groups[1]?.options.map(termId)).toEqual(['ak-203', 's-400']);
  const ids = flatOptions(groups).map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
});

test('no page terms: no "On this page" group', () => {
  expect(browseGroups(terms, null)[0]?.label).toBe('Defence');
});

test('results are one unlabelled group in rank order', () => {
  const groups = resultGroups([
    { index: 2, term: terms[2]!, score: 0, via: 'name' },
    { index: 1, term: terms[1]!, score: 0.5, via: 'text' },
  ]);
  expect(groups).toHaveLength(1);
  expect(flatOptions(groups).map(termId)).toEqual(['sco', 's-400']);
});

const hits = (n: number): SearchHit[] =>
  Array.from({ length: n }, (_, i) => ({
    index: i,
    term: t(`t-${i}`, `Term ${i}`, 'defence'),
    score: i,
    via: 'name' as const,
  }));

test('a long result list shows its first page, then one option that shows all of them', () => {
  const options = flatOptions(resultGroups(hits(40), RESULTS_PAGE));
  expect(options).toHaveLength(RESULTS_PAGE + 1);
  expect(options.slice(0, RESULTS_PAGE).map(termId)).toEqual(
    hits(RESULTS_PAGE).map((h) => h.term.id),
  );
  const last = options[RESULTS_PAGE];
  expect(last).toEqual({ kind: 'all', id: 'opt-all-results', total: 40 });
  expect(last?.kind === 'all' && revealLabel(last)).toBe('Show all 40 results');
  // Without a limit (after "Show all"), every result in rank order and no extra option.
  expect(flatOptions(resultGroups(hits(40))).map(termId)).toEqual(hits(40).map((h) => h.term.id));
});

test('a list one or two longer than the page is shown whole: no option to reveal one result', () => {
  expect(flatOptions(resultGroups(hits(RESULTS_PAGE + 2), RESULTS_PAGE))).toHaveLength(
    RESULTS_PAGE + 2,
  );
  expect(flatOptions(resultGroups(hits(RESULTS_PAGE + 3), RESULTS_PAGE)).at(-1)?.kind).toBe('all');
  expect(flatOptions(resultGroups(hits(3), RESULTS_PAGE)).map((o) => o.kind)).toEqual([
    'term',
    'term',
    'term',
  ]);
});

test('a category\'s "Show more" says how many are not shown', () => {
  expect(revealLabel({ kind: 'more', id: 'x', category: 'defence', hidden: 1234 })).toBe(
    'Show more (1,234 not shown)',
  );
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

test('the Saved filter lists each term with bookmarks once, with its count, by name', () => {
  const items = [{ termId: 'sco' }, { termId: 's-400' }, { termId: 'sco' }];
  const names: Record<string, string> = { sco: 'SCO', 's-400': 'S-400' };
  expect(savedTermFilter(items, (id) => names[id] ?? id)).toEqual([
    { id: 's-400', name: 'S-400', count: 1 },
    { id: 'sco', name: 'SCO', count: 2 },
  ]);
});

test('a long category shows a page of terms and a "more" option; more pages on request', () => {
  const many = Array.from({ length: BROWSE_PAGE + 7 }, (_, i) =>
    t(`t-${String(i).padStart(3, '0')}`, `T ${String(i).padStart(3, '0')}`, 'economy'),
  );
  const [group] = browseGroups(many, null);
  expect(group?.options).toHaveLength(BROWSE_PAGE + 1);
  expect(group?.options.at(-1)).toEqual({
    kind: 'more',
    id: 'opt-more-economy',
    category: 'economy',
    hidden: 7,
  });
  const [all] = browseGroups(many, null, { economy: BROWSE_PAGE * 2 });
  expect(all?.options.every((o) => o.kind === 'term')).toBe(true);
  expect(all?.options).toHaveLength(BROWSE_PAGE + 7);
});

test('a budget renders only the first options (the first paint), page terms first', () => {
  const groups = browseGroups(
    terms,
    { host: 'h', enabled: true, terms: [{ id: 'sco', count: 2 }] },
    {},
    2,
  );
  expect(flatOptions(groups).map(termId)).toEqual(['sco', 'ak-203']);
  // What a short category leaves of the budget goes to the next one.
  expect(flatOptions(browseGroups(terms, null, {}, 3)).map(termId)).toEqual([
    'ak-203',
    's-400',
    'sco',
  ]);
});
