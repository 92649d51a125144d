// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { DocumentOrder } from '../../../components/page/document-order';

/** Three paragraphs of one text node each, in a fresh body. */
function page(): Text[] {
  const nodes = ['one', 'two', 'three'].map((t) => document.createTextNode(t));
  document.body.replaceChildren(
    ...nodes.map((n) => {
      const p = document.createElement('p');
      p.append(n);
      return p;
    }),
  );
  return nodes;
}

describe('DocumentOrder', () => {
  test('keeps nodes in document order whatever order they are added in', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const order = new DocumentOrder(() => true);
    order.add(c);
    order.add(a);
    order.add(b);
    expect(order.list).toEqual([a, b, c]);
    expect(order.lowerBound(b)).toBe(1);
    expect(order.lowerBound(document.body)).toBe(0);
  });

  test('drops a released node once it has no marks, and lists it again when repainted', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const painted = new Set([a, b, c]);
    const order = new DocumentOrder((n) => painted.has(n));
    for (const n of [a, b, c]) order.add(n);
    painted.delete(b);
    order.release(b);
    expect(order.list).toEqual([a, c]);
    expect(order.has(b)).toBe(false);
    painted.add(b);
    order.add(b);
    expect(order.list).toEqual([a, b, c]);
  });

  test('a node painted again while still listed moves to where it now is', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const order = new DocumentOrder(() => true);
    for (const n of [a, b, c]) order.add(n);
    // The page moves the first paragraph to the end.
    document.body.append(a.parentNode as Node);
    order.release(a);
    order.add(a);
    expect(order.list).toEqual([b, c, a]);
  });

  test('a node added after the last one listed, as the walk vouches, is not compared', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      const order = new DocumentOrder(() => true);
      order.add(a);
      order.add(b, a);
      order.add(c, b);
      expect(order.list).toEqual([a, b, c]);
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  });

  test('a vouched node whose predecessor is not the last listed is placed by comparing', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const order = new DocumentOrder(() => true);
    order.add(c);
    // `a` comes before `b`, but `c` was listed last: `b` must still go before `c`.
    order.add(a);
    order.add(b, a);
    expect(order.list).toEqual([a, b, c]);
  });

  test('nodes added one after another above the last listed are placed with a few comparisons', () => {
    // A live blog: its updates arrive above the footer, whose mark is listed last.
    const feed = document.createElement('section');
    const footer = document.createTextNode('footer');
    document.body.replaceChildren(feed, footer);
    const order = new DocumentOrder(() => true);
    const earlier = Array.from({ length: 40 }, (_, i) => {
      const p = feed.appendChild(document.createElement('p'));
      return p.appendChild(document.createTextNode(`earlier ${i}`));
    });
    for (const n of earlier) order.add(n);
    order.add(footer);
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      const updates: Text[] = [];
      for (let i = 0; i < 20; i++) {
        const p = feed.appendChild(document.createElement('p'));
        const first = p.appendChild(document.createTextNode(`update ${i}`));
        const second = p.appendChild(document.createTextNode(` more ${i}`));
        order.add(first);
        order.add(second, first);
        updates.push(first, second);
      }
      expect(order.list).toEqual([...earlier, ...updates, footer]);
      // The first is found by a binary search; each later node costs at most three comparisons
      // (the end, the node placed before it unless vouched for, the node that follows).
      expect(compare.mock.calls.length).toBeLessThanOrEqual(8 + 39 * 3);
    } finally {
      compare.mockRestore();
    }
  });

  test('a node that does not go after the one placed last is still placed by a search', () => {
    const [a, b, c] = page() as [Text, Text, Text];
    const order = new DocumentOrder(() => true);
    order.add(c);
    order.add(b); // placed before `c`: the next node is first checked against this spot
    order.add(a);
    expect(order.list).toEqual([a, b, c]);
    const d = document.createTextNode('between');
    (b.parentNode as Node).insertBefore(d, b);
    order.add(d, a);
    expect(order.list).toEqual([a, d, b, c]);
  });
});
