/**
 * Geometry for mapping a pointer position to the occurrence under it: the occurrences touching a
 * text position (from caretPositionFromPoint, for elements with many marks), and rectangle tests
 * that confirm the pointer is really on one (a caret offset is only the nearest boundary).
 */

/** The part of an occurrence hit-testing needs. */
export interface Span {
  start: number;
  end: number;
}

/** Rectangles as returned by Range#getClientRects. */
export interface RectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The occurrences of `spans` (sorted by start, non-overlapping) whose bounds touch `offset`: at
 * most two, when one ends where the next starts.
 */
export function spansAtOffset<T extends Span>(spans: readonly T[], offset: number): T[] {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as T;
    if (span.end < offset) lo = mid + 1;
    else if (span.start > offset) hi = mid - 1;
    else {
      const out: T[] = [];
      const prev = spans[mid - 1];
      if (prev && prev.end === offset) out.push(prev);
      out.push(span);
      const next = spans[mid + 1];
      if (next && next.start === offset) out.push(next);
      return out;
    }
  }
  return [];
}

/**
 * True when (x, y) is inside one of `rects`, with `slop` pixels of tolerance. Indexed rather than
 * iterated: a DOMRectList's iterator costs more than the test itself.
 */
export function rectsContain(rects: ArrayLike<RectLike>, x: number, y: number, slop = 1): boolean {
  for (let i = 0; i < rects.length; i++)
    if (rectContains(rects[i] as RectLike, x, y, slop)) return true;
  return false;
}

/** True when (x, y) is inside `r`, give or take `slop` pixels; the vertical test first, as
 * most rectangles checked are on another line. */
export function rectContains(r: RectLike, x: number, y: number, slop = 1): boolean {
  return y >= r.top - slop && y <= r.bottom + slop && x >= r.left - slop && x <= r.right + slop;
}

/** The rectangle of `rects` nearest to (x, y): the line the pointer is on, for placing the card. */
export function nearestRect<R extends RectLike>(
  rects: readonly R[],
  x: number,
  y: number,
): R | null {
  let best: R | null = null;
  let bestDistance = Infinity;
  for (const r of rects) {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = r;
    }
  }
  return best;
}
