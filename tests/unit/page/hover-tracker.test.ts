import { describe, expect, test } from 'vitest';
import {
  ENTER_MS,
  HoverTracker,
  WATCH_IDLE_MS,
  occurrenceAtCaret,
} from '../../../components/page/hover-tracker';
import { MAX_RECT_CHECKS } from '../../../components/page/hover-geometry';
import type { Occurrence } from '../../../components/page/occurrence-store';
import { FakePage, pointer, rect, textNode } from './hover-fakes';

const DELAY = 300;

/** A document with a paragraph holding two terms on one line, and what the tracker reported. */
function setup() {
  const page = new FakePage();
  const doc = new EventTarget();
  const p = new EventTarget();
  const [a, b] = page.add(p, textNode(), [
    [0, 5, [rect(0, 0, 50, 20)]],
    [10, 15, [rect(100, 0, 50, 20)]],
  ]);
  const log: string[] = [];
  const name = (o: Occurrence) => (o === a ? 'a' : o === b ? 'b' : '?');
  const tracker = new HoverTracker(
    doc,
    page.store,
    page.env,
    {
      enter: (o) => log.push(`enter ${name(o)}`),
      intent: (o, x, y) => log.push(`intent ${name(o)} ${x},${y}`),
      leave: (o) => log.push(`leave ${name(o)}`),
    },
    DELAY,
  );
  /** Moves the pointer to (x, y) over `el` (the paragraph unless told), `ms` after the last move. */
  const move = (x: number, y: number, ms = 16, el: EventTarget | null = p) => {
    page.advance(ms);
    doc.dispatchEvent(pointer(page, 'pointermove', el, x, y));
  };
  return { page, doc, p, a: a!, b: b!, log, tracker, move };
}

describe('HoverTracker', () => {
  test('resting on a term prefetches it after a moment and asks for its card after the delay', () => {
    const { page, log, tracker, a, move } = setup();
    move(20, 10);
    expect(tracker.hovered).toBe(a);
    page.advance(ENTER_MS - 1);
    expect(log).toEqual([]);
    page.advance(1);
    expect(log).toEqual(['enter a']);
    page.advance(DELAY - ENTER_MS);
    expect(log).toEqual(['enter a', 'intent a 20,10']);
    page.advance(5000);
    expect(log).toHaveLength(2);
  });

  test('crossing terms on the way elsewhere prefetches nothing and opens nothing', () => {
    const { page, log, tracker, move } = setup();
    for (let x = 0; x <= 200; x += 10) move(x, 10, 10);
    move(500, 10, 10);
    expect(tracker.hovered).toBeNull();
    page.advance(5000);
    expect(log).toEqual([]);
    // One dwell timer at a time, not one per term.
    expect(page.timersSet).toBeLessThanOrEqual(3);
  });

  test('moving within a term keeps its timer; arriving on another restarts the wait', () => {
    const { page, log, move } = setup();
    move(10, 10);
    move(30, 10, 90);
    move(40, 10, 90); // 180 ms on a: entered, not yet intended.
    expect(log).toEqual(['enter a']);
    move(120, 10, 90); // On b from 270 ms.
    move(300, 10, 50); // Off b before it settled: b is never entered, so never left.
    move(121, 10, 50); // On b again from 370 ms.
    page.advance(DELAY - 1);
    expect(log).toEqual(['enter a', 'leave a', 'enter b']);
    page.advance(1);
    expect(log).toEqual(['enter a', 'leave a', 'enter b', 'intent b 121,10']);
  });

  test('leaving the document leaves the term', () => {
    const { page, doc, log, move } = setup();
    move(20, 10);
    page.advance(ENTER_MS);
    doc.dispatchEvent(pointer(page, 'pointerleave', null));
    page.advance(5000);
    expect(log).toEqual(['enter a', 'leave a']);
  });

  test('touch pointers are ignored', () => {
    const { page, doc, log, tracker } = setup();
    doc.dispatchEvent(pointer(page, 'pointermove', new EventTarget(), 20, 10, 'touch'));
    page.advance(5000);
    expect(tracker.hovered).toBeNull();
    expect(log).toEqual([]);
  });

  test('a tap on a term opens its card at once; a tap elsewhere or a mouse click opens none', () => {
    const { page, doc, p, log } = setup();
    doc.dispatchEvent(pointer(page, 'pointerup', p, 120, 10, 'touch'));
    expect(log).toEqual(['enter b', 'intent b 120,10']);
    log.length = 0;
    doc.dispatchEvent(pointer(page, 'pointerup', p, 70, 10, 'touch'));
    doc.dispatchEvent(pointer(page, 'pointerup', p, 20, 10, 'mouse'));
    page.advance(5000);
    expect(log).toEqual([]);
  });

  test('a tap reads the layout as it is now, not as an earlier look-up left it', () => {
    const { page, doc, p, a, log } = setup();
    doc.dispatchEvent(pointer(page, 'pointerup', p, 20, 10, 'touch'));
    expect(log).toEqual(['enter a', 'intent a 20,10']);
    log.length = 0;
    page.layout.set(a, [rect(0, 200, 50, 20)]);
    doc.dispatchEvent(pointer(page, 'pointerup', p, 20, 10, 'touch'));
    expect(log).toEqual([]);
  });

  test('before the card opens, the term is read again: if it moved away, no card', () => {
    const { page, log, a, b, move } = setup();
    move(20, 10);
    // Something nobody reported (an animation) moves the line: b is now under the pointer.
    page.layout.set(a, [rect(-100, 0, 50, 20)]);
    page.layout.set(b, [rect(0, 0, 50, 20)]);
    page.advance(DELAY);
    expect(log).toEqual(['enter a', 'leave a']);
    page.advance(DELAY);
    expect(log).toEqual(['enter a', 'leave a', 'enter b', 'intent b 20,10']);
  });

  test('a reported layout change makes the next move read the rectangles again', () => {
    const { page, a, b, tracker, move } = setup();
    move(20, 10);
    const reads = page.reads;
    page.layout.set(a, [rect(-100, 0, 50, 20)]);
    page.layout.set(b, [rect(0, 0, 50, 20)]);
    move(21, 10);
    expect(tracker.hovered).toBe(a);
    page.layoutListener?.();
    move(22, 10);
    expect(tracker.hovered).toBe(b);
    expect(page.reads).toBeGreaterThan(reads);
  });

  test('moves closer together than a frame are looked up at the next frame', () => {
    const { page, tracker, a, move } = setup();
    move(300, 10);
    move(20, 10, 2);
    expect(tracker.hovered).toBeNull();
    page.frame();
    expect(tracker.hovered).toBe(a);
  });

  test('the first move has the marks near the viewport read in idle time, once', () => {
    const { page, tracker, a, b, move } = setup();
    move(300, 10);
    expect(page.idleWaiting).toBe(1);
    move(310, 10);
    expect(page.idleWaiting).toBe(1);
    page.idle();
    const reads = page.reads;
    move(20, 10);
    expect(tracker.hovered).toBe(a);
    move(120, 10);
    expect(tracker.hovered).toBe(b);
    expect(page.reads).toBe(reads);
    expect(page.idleWaiting).toBe(0);
    // Scrolling (or anything else that moves text) asks for it again.
    page.layoutListener?.();
    move(121, 10);
    expect(page.idleWaiting).toBe(1);
  });

  test('the page is watched for layout changes only while the pointer moves over it', () => {
    const { page, doc, tracker, a, b, move } = setup();
    expect(page.watching).toBe(false);
    move(20, 10);
    expect(page.watching).toBe(true);
    // A layout change long after the last move stops the watching…
    page.advance(WATCH_IDLE_MS + 1);
    page.layoutListener?.();
    expect(page.watching).toBe(false);
    // …and the pointer coming back finds the page as it is now.
    page.layout.set(a, [rect(-100, 0, 50, 20)]);
    page.layout.set(b, [rect(0, 0, 50, 20)]);
    move(21, 10);
    expect(page.watching).toBe(true);
    expect(tracker.hovered).toBe(b);
    doc.dispatchEvent(pointer(page, 'pointerleave', null));
    expect(page.watching).toBe(false);
  });

  test('destroy stops everything', () => {
    const { page, log, tracker, move } = setup();
    move(20, 10);
    tracker.destroy();
    expect(page.watching).toBe(false);
    expect(page.pending).toBe(0);
    move(120, 10);
    page.advance(5000);
    expect(log).toEqual([]);
    expect(tracker.hovered).toBeNull();
  });

  test('an element with many terms is looked up by the browser’s text position', () => {
    const { page, tracker, move } = setup();
    const pre = new EventTarget();
    const node = textNode();
    const spans: [number, number, ReturnType<typeof rect>[]][] = [];
    for (let k = 0; k <= MAX_RECT_CHECKS; k++) {
      spans.push([k * 10, k * 10 + 5, [rect(k * 100, 100, 50, 20)]]);
    }
    const list = page.add(pre, node, spans);
    page.caret = { node, offset: 32 };
    move(320, 110, 16, pre);
    expect(tracker.hovered).toBe(list[3]);
    page.caret = { node, offset: 36 };
    move(380, 110, 16, pre);
    expect(tracker.hovered).toBeNull();
  });
});

test('occurrenceAtCaret checks the candidates at the caret by their rectangles', () => {
  const page = new FakePage();
  const node = textNode();
  const [a, b] = page.add(new EventTarget(), node, [
    [0, 5, [rect(0, 0, 50, 20)]],
    [5, 9, [rect(50, 0, 40, 20)]],
  ]);
  page.caret = { node, offset: 5 };
  expect(occurrenceAtCaret(page.store, page.env, 70, 10)).toBe(b);
  expect(occurrenceAtCaret(page.store, page.env, 10, 10)).toBe(a);
  expect(occurrenceAtCaret(page.store, page.env, 10, 50)).toBeNull();
  page.caret = { node: {} as Node, offset: 0 };
  expect(occurrenceAtCaret(page.store, page.env, 10, 10)).toBeNull();
});
