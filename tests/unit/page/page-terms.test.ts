// @vitest-environment jsdom
import { expect, test } from 'vitest';
import type { Occurrence } from '../../../components/page/occurrence-store';
import { countVisibleTerms } from '../../../components/page/page-terms';

test('counts the painted occurrences of each term in text the reader can see', () => {
  document.body.innerHTML = '<p>INSTC and RELOS</p><p hidden>INSTC</p><p>INSTC</p>';
  const [a, hidden, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const o = (node: Text, term: number, painted = true): Occurrence => ({
    node: node as Text,
    start: 0,
    end: 5,
    term,
    painted,
    range: null,
  });
  // jsdom lays nothing out: the hidden paragraph answers checkVisibility() with false here.
  (hidden?.parentElement as Element).checkVisibility = () => false;
  const terms = countVisibleTerms(
    [o(a as Text, 0), o(a as Text, 1, false), o(hidden as Text, 0), o(b as Text, 0)],
    ['instc', 'relos'],
  );
  expect(terms).toEqual([{ id: 'instc', count: 2 }]);
});
