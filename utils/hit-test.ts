/**
 * Maps a pointer position to the occurrence under it. The browser gives a text node and an offset
 * (caretPositionFromPoint); a binary search over that node's occurrences finds the candidate, and
 * its rectangles confirm the pointer is really on it (a caret offset is only the nearest boundary).
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

/** True when (x, y) is inside one of `rects`, with `slop` pixels of tolerance. */
export function rectsContain(rects: Iterable<RectLike>, x: number, y: number, slop = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) {
      return true;
    }
  }
  return false;
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
