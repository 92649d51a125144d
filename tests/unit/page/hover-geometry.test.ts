import { describe, expect, test } from 'vitest';
import {
  GEOMETRY_MAX_AGE_MS,
  HoverGeometry,
  MAX_RECT_CHECKS,
  READ_AHEAD_EVERY_MS,
  occurrencesIn,
} from '../../../components/page/hover-geometry';
import { FakePage, rect, textNode } from './hover-fakes';

/** A paragraph with two text nodes: one term on the first line, two on the second. */
function paragraph() {
  const page = new FakePage();
  const p = new EventTarget();
  const [a] = page.add(p, textNode(), [[0, 5, [rect(10, 0, 50, 20)]]]);
  const [b, c] = page.add(p, textNode(), [
    [0, 4, [rect(0, 20, 40, 20)]],
    [10, 16, [rect(100, 20, 60, 20)]],
  ]);
  const geometry = new HoverGeometry(page.store, page.env);
  return { page, p, a: a!, b: b!, c: c!, geometry };
}

describe('HoverGeometry.find', () => {
  test('finds the occurrence under the point among the element’s own, and nothing elsewhere', () => {
    const { p, a, b, c, geometry } = paragraph();
    expect(geometry.find(p, 30, 10, 0, null)).toBe(a);
    expect(geometry.find(p, 20, 30, 0, null)).toBe(b);
    expect(geometry.find(p, 130, 30, 0, null)).toBe(c);
    expect(geometry.find(p, 70, 30, 0, null)).toBeNull();
    expect(geometry.find(p, 30, 45, 0, null)).toBeNull();
    // An element without marked text has nothing under the pointer, whatever the rectangles.
    expect(geometry.find(new EventTarget(), 30, 10, 0, null)).toBeNull();
  });

  test('a line of a term that wraps counts, the gap beside it does not', () => {
    const page = new FakePage();
    const p = new EventTarget();
    const [o] = page.add(p, textNode(), [[0, 12, [rect(300, 0, 100, 20), rect(0, 20, 40, 20)]]]);
    const geometry = new HoverGeometry(page.store, page.env);
    expect(geometry.find(p, 350, 10, 0, null)).toBe(o);
    expect(geometry.find(p, 20, 30, 0, null)).toBe(o);
    expect(geometry.find(p, 200, 10, 0, null)).toBeNull();
  });

  test('unpainted occurrences are never found', () => {
    const { p, a, geometry } = paragraph();
    a.painted = false;
    expect(geometry.find(p, 30, 10, 0, null)).toBeNull();
  });

  test('an element with more occurrences than are worth checking one by one is left to the browser', () => {
    const page = new FakePage();
    const pre = new EventTarget();
    const spans: [number, number, ReturnType<typeof rect>[]][] = [];
    for (let k = 0; k <= MAX_RECT_CHECKS; k++) spans.push([k * 10, k * 10 + 5, [rect(0, 0, 1, 1)]]);
    page.add(pre, textNode(), spans);
    const geometry = new HoverGeometry(page.store, page.env);
    expect(geometry.find(pre, 0, 0, 0, null)).toBeUndefined();
    expect(page.reads).toBe(0);
  });

  test('rectangles are read once and reused while nothing moved', () => {
    const { page, p, a, geometry } = paragraph();
    expect(geometry.find(p, 30, 45, 0, null)).toBeNull();
    expect(page.reads).toBe(3);
    expect(page.listings).toBe(1);
    expect(geometry.find(p, 20, 30, 16, null)).not.toBeNull();
    expect(geometry.find(p, 30, 10, 32, a)).toBe(a);
    expect(page.reads).toBe(3);
    expect(page.listings).toBe(1);
  });

  test('only the rectangles needed are read: a hit stops the search', () => {
    const { page, p, a, geometry } = paragraph();
    expect(geometry.find(p, 30, 10, 0, null)).toBe(a);
    expect(page.reads).toBe(1);
    // Elsewhere: a, already read, costs nothing; b and c are read now.
    expect(geometry.find(p, 130, 30, 0, null)).not.toBeNull();
    expect(page.reads).toBe(3);
  });

  test('the occurrence the pointer was on is tried first', () => {
    const { page, p, c, geometry } = paragraph();
    expect(geometry.find(p, 130, 30, 0, c)).toBe(c);
    expect(page.reads).toBe(1);
  });

  test('invalidate, age and a change to the marks each make it read again', () => {
    const { page, p, a, b, geometry } = paragraph();
    geometry.find(p, 30, 10, 0, null);
    expect(page.reads).toBe(1);
    // The page scrolled: a moved up out from under the pointer, b came under it.
    page.layout.set(a, [rect(10, -40, 50, 20)]);
    page.layout.set(b, [rect(0, 0, 40, 20)]);
    expect(geometry.find(p, 30, 10, 10, null)).toBe(a); // Not told yet: the old rectangles.
    geometry.invalidate();
    expect(geometry.find(p, 30, 10, 20, null)).toBe(b);
    const reads = page.reads;
    page.layout.set(b, [rect(0, 100, 40, 20)]);
    expect(geometry.find(p, 30, 10, 20 + GEOMETRY_MAX_AGE_MS, b)).toBe(b);
    expect(geometry.find(p, 30, 10, 21 + GEOMETRY_MAX_AGE_MS, b)).toBeNull();
    expect(page.reads).toBeGreaterThan(reads);
    // New marks in the element are found without any layout event.
    const [d] = page.add(p, textNode(), [[0, 3, [rect(200, 200, 30, 20)]]]);
    expect(page.listings).toBe(1);
    expect(geometry.find(p, 210, 210, 22 + GEOMETRY_MAX_AGE_MS, null)).toBe(d);
    expect(page.listings).toBe(2);
  });

  test('marks changing elsewhere keep what was read here; marks gone from here are dropped', () => {
    const { page, p, a, b, c, geometry } = paragraph();
    geometry.find(p, 30, 45, 0, null);
    expect(page.reads).toBe(3);
    page.add(new EventTarget(), textNode(), [[0, 3, [rect(500, 500, 10, 10)]]]);
    expect(geometry.find(p, 20, 30, 10, null)).toBe(b);
    expect(page.reads).toBe(3);
    expect(page.listings).toBe(2);
    page.store.set(b.node, [c]);
    expect(geometry.find(p, 20, 30, 20, null)).toBeNull();
    expect(geometry.find(p, 30, 10, 20, null)).toBe(a);
    expect(page.reads).toBe(3);
  });

  test('confirm reads the page as it is now', () => {
    const { page, p, a, geometry } = paragraph();
    expect(geometry.find(p, 30, 10, 0, null)).toBe(a);
    page.layout.set(a, [rect(10, 100, 50, 20)]);
    expect(geometry.confirm(a, 30, 10)).toBe(false);
    expect(geometry.confirm(a, 30, 110)).toBe(true);
  });
});

describe('HoverGeometry.readAhead', () => {
  test('reads the marks near the viewport, so the moves that follow read nothing', () => {
    const { page, p, a, b, c, geometry } = paragraph();
    const aside = new EventTarget();
    const [d] = page.add(aside, textNode(), [[0, 4, [rect(900, 0, 40, 20)]]]);
    expect(geometry.readAheadDue).toBe(-Infinity);
    geometry.readAhead(0);
    expect(page.reads).toBe(4);
    expect(geometry.readAheadDue).toBe(READ_AHEAD_EVERY_MS);
    expect(geometry.find(p, 30, 10, 5, null)).toBe(a);
    expect(geometry.find(p, 20, 30, 10, a)).toBe(b);
    expect(geometry.find(p, 130, 30, 15, b)).toBe(c);
    expect(geometry.find(p, 70, 30, 20, c)).toBeNull();
    expect(geometry.find(aside, 910, 10, 25, null)).toBe(d);
    expect(page.reads).toBe(4);
    // Once something moved, it is wanted again at once, and rectangles are read anew.
    geometry.invalidate();
    expect(geometry.readAheadDue).toBe(-Infinity);
    expect(geometry.find(p, 30, 10, 30, null)).toBe(a);
    expect(page.reads).toBe(5);
  });

  test('reads at most the number of rectangles it is given', () => {
    const { page, geometry } = paragraph();
    geometry.readAhead(0, 2);
    expect(page.reads).toBe(2);
  });

  test('refreshes rectangles that are ageing, keeps the fresh ones', () => {
    const { page, p, geometry } = paragraph();
    geometry.readAhead(0);
    expect(page.reads).toBe(3);
    geometry.readAhead(READ_AHEAD_EVERY_MS);
    expect(page.reads).toBe(3);
    geometry.readAhead(READ_AHEAD_EVERY_MS + 1);
    expect(page.reads).toBe(6);
    expect(geometry.find(p, 30, 10, READ_AHEAD_EVERY_MS + 2, null)).not.toBeNull();
    expect(page.reads).toBe(6);
  });
});

test('occurrencesIn lists the occurrences of the nodes, or null past the limit', () => {
  const { page, a, b, c } = paragraph();
  const nodes = [a.node, b.node];
  expect(occurrencesIn(page.store, nodes)).toEqual([a, b, c]);
  expect(occurrencesIn(page.store, nodes, 2)).toBeNull();
  expect(occurrencesIn(page.store, [textNode()])).toEqual([]);
});
