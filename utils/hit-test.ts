/**
 * Maps a pointer position to the occurrence under it. Two ways in: the element the browser
 * already hit-tested for the pointer event (its few marked text nodes are checked by their
 * rectangles), or, where an element holds too many marks for that, a text position from the
 * browser (caretPositionFromPoint) and a binary search over that node's occurrences. Either way
 * rectangles confirm the pointer is really on the occurrence.
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

/** How to read an occurrence's rectangles: its bounding box, and its boxes line by line. */
export interface RectReader<T> {
  boundsOf(candidate: T): RectLike;
  rectsOf(candidate: T): ArrayLike<RectLike>;
}

/**
 * True when (x, y) is on `candidate`. The bounding box alone settles most cases (every miss
 * outside it, and every hit on a one-line occurrence); the per-line boxes are read only when an
 * occurrence that wraps onto several lines has the pointer inside its bounding box.
 */
export function occurrenceContains<T>(
  candidate: T,
  reader: RectReader<T>,
  x: number,
  y: number,
): boolean {
  if (!rectContains(reader.boundsOf(candidate), x, y)) return false;
  const rects = reader.rectsOf(candidate);
  return rects.length === 1 || rectsContain(rects, x, y);
}

/**
 * The first of `candidates` that (x, y) is on, trying `first` before the others (the occurrence
 * the pointer was on: while it stays there, one rectangle read settles it).
 */
export function firstContaining<T>(
  candidates: readonly T[],
  first: T | null,
  reader: RectReader<T>,
  x: number,
  y: number,
): T | null {
  if (first !== null && candidates.includes(first) && occurrenceContains(first, reader, x, y)) {
    return first;
  }
  for (const c of candidates) {
    if (c !== first && occurrenceContains(c, reader, x, y)) return c;
  }
  return null;
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
