// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { nearestRect, rectsContain, spansAtOffset } from '../../../components/page/hit-test';
import { inDocumentOrder, nextOccurrence } from '../../../components/page/keyboard-nav';
import type { Occurrence } from '../../../components/page/occurrence-store';

const spans = [
  { start: 0, end: 5 },
  { start: 10, end: 15 },
  { start: 15, end: 20 },
  { start: 30, end: 31 },
];

describe('spansAtOffset', () => {
  test.each([
    [0, [0]],
    [3, [0]],
    [5, [0]],
    [7, []],
    [15, [1, 2]],
    [17, [2]],
    [31, [3]],
    [40, []],
  ])('offset %i touches spans %j', (offset, expected) => {
    expect(spansAtOffset(spans, offset)).toEqual(expected.map((i) => spans[i]));
  });

  test('agrees with a linear scan on random layouts', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      const list: { start: number; end: number }[] = [];
      let at = 0;
      for (let k = 0; k < 30; k++) {
        at += Math.floor(rand() * 5);
        const end = at + 1 + Math.floor(rand() * 6);
        list.push({ start: at, end });
        at = end;
      }
      for (let offset = 0; offset <= at + 2; offset++) {
        const linear = list.filter((s) => s.start <= offset && offset <= s.end);
        expect(spansAtOffset(list, offset)).toEqual(linear);
      }
    }
  });
});

test('rectsContain honours the slop', () => {
  const rects = [{ left: 10, right: 50, top: 10, bottom: 30 }];
  expect(rectsContain(rects, 30, 20)).toBe(true);
  expect(rectsContain(rects, 51, 20)).toBe(true);
  expect(rectsContain(rects, 53, 20)).toBe(false);
  expect(rectsContain(rects, 30, 40, 0)).toBe(false);
});

test('nearestRect picks the line under the pointer', () => {
  const lines = [
    { left: 300, right: 400, top: 0, bottom: 20 },
    { left: 0, right: 60, top: 20, bottom: 40 },
  ];
  expect(nearestRect(lines, 20, 30)).toBe(lines[1]);
  expect(nearestRect(lines, 350, 5)).toBe(lines[0]);
  expect(nearestRect([], 0, 0)).toBeNull();
});

describe('keyboard order', () => {
  function occurrences(): Occurrence[] {
    document.body.innerHTML = '<p>aa bb</p><div><p>cc</p></div><p>dd</p>';
    const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const make = (node: Text, start: number): Occurrence => ({
      node,
      start,
      end: start + 2,
      term: 0,
      painted: false,
      range: null,
    });
    return [
      make(texts[2] as Text, 0),
      make(texts[0] as Text, 3),
      make(texts[1] as Text, 0),
      make(texts[0] as Text, 0),
    ];
  }

  test('sorts by document position, then offset', () => {
    const ordered = inDocumentOrder(occurrences());
    expect(ordered.map((o) => o.node.data.slice(o.start, o.end))).toEqual(['aa', 'bb', 'cc', 'dd']);
  });

  test('moves forward, skips unusable ones and wraps', () => {
    const ordered = inDocumentOrder(occurrences());
    const text = (o: Occurrence | null) => (o ? o.node.data.slice(o.start, o.end) : null);
    expect(text(nextOccurrence(ordered, null, () => true))).toBe('aa');
    expect(text(nextOccurrence(ordered, ordered[0] ?? null, () => true))).toBe('bb');
    expect(text(nextOccurrence(ordered, ordered[1] ?? null, (o) => o !== ordered[2]))).toBe('dd');
    expect(text(nextOccurrence(ordered, ordered[3] ?? null, () => true))).toBe('aa');
    expect(nextOccurrence(ordered, null, () => false)).toBeNull();
  });
});
