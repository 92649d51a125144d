/**
 * What the hover tracker knows about the elements a pointer event can report: the occurrences in
 * each element's own text, and their rectangles. Reading a rectangle is the dearest part of a
 * look-up (the first layout read in an event costs more than everything else the tracker does),
 * and a pointer moving across a paragraph asks about the same few occurrences dozens of times a
 * second. So rectangles are read once and reused while nothing that moves text has happened, and
 * those of the marks near the viewport are read ahead in idle time (`readAhead`), so that most
 * pointer moves read no layout at all.
 *
 * What invalidates them: a change to the marks (the store's version), anything the page reports
 * that moves text (scrolling any scroller, resizing, a font loading, the page changing size:
 * `invalidate`), and age: rectangles older than GEOMETRY_MAX_AGE_MS are read again, which bounds
 * how long a change nothing reports (an animation, a style edited by script, a hover style that
 * moves text) can mislead. The tracker reads the occurrence's rectangles again before opening a
 * card, so a stale rectangle can delay a card by a move, never open a wrong one.
 */
import { rectsContain, type RectLike } from './hit-test';
import type { Occurrence, OccurrenceStore } from './occurrence-store';

/** Rectangles read longer ago than this are read again. */
export const GEOMETRY_MAX_AGE_MS = 1000;
/** While the pointer moves, reading ahead is repeated when the last one is older than this. */
export const READ_AHEAD_EVERY_MS = 500;
/** At most this many rectangles are read ahead at a time. */
export const READ_AHEAD_MAX = 256;
/**
 * Above this many occurrences in the pointer's element, one browser hit test is cheaper than
 * reading each one's rectangles.
 */
export const MAX_RECT_CHECKS = 6;

/** What the geometry reads from the page. */
export interface GeometryReader {
  /**
   * The text nodes whose text the browser reports as `target` when the pointer is on it, or
   * null when `target` has too many children to list cheaply.
   */
  textNodesOf(target: EventTarget): Iterable<Node> | null;
  /** The client rectangles of an occurrence, one per line (or per bidi run). */
  rectsOf(occurrence: Occurrence): ArrayLike<RectLike>;
  /** The elements pointer events report for the marks near the viewport, to read ahead. */
  nearbyTargets(): Iterable<EventTarget>;
}

interface Known {
  /** The store's version when `candidates` were listed. */
  version: number;
  /** The element's occurrences; null when there are too many to check one by one. */
  candidates: readonly Occurrence[] | null;
  /** The layout generation and the time of the oldest rectangles in `rects`. */
  generation: number;
  readAt: number;
  rects: Map<Occurrence, readonly RectLike[]>;
}

/**
 * The occurrences of `nodes` (the text nodes of the pointer's element), or null when there are
 * more than `max`.
 */
export function occurrencesIn(
  store: OccurrenceStore,
  nodes: Iterable<Node>,
  max = MAX_RECT_CHECKS,
): Occurrence[] | null {
  const out: Occurrence[] = [];
  for (const node of nodes) {
    for (const o of store.get(node)) out.push(o);
    if (out.length > max) return null;
  }
  return out;
}

/** Copies a DOMRectList into plain rectangles (a DOMRect's fields are each a call into the page). */
function copyRects(rects: ArrayLike<RectLike>): RectLike[] {
  const out: RectLike[] = [];
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i] as RectLike;
    out.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  }
  return out;
}

/** Occurrences and rectangles by pointer target, reused while valid. */
export class HoverGeometry {
  private generation = 0;
  private readonly known = new WeakMap<object, Known>();
  /**
   * From when reading ahead would help: at once after something moved, later as it ages. Set
   * here only; a field, not a method, as the tracker looks at it on every move.
   */
  readAheadDue = -Infinity;

  constructor(
    private readonly store: OccurrenceStore,
    private readonly reader: GeometryReader,
    private readonly maxAgeMs = GEOMETRY_MAX_AGE_MS,
  ) {}

  /** Something may have moved text on the page: every rectangle is read again. */
  invalidate(): void {
    this.generation++;
    this.readAheadDue = -Infinity;
  }

  /**
   * The painted occurrence of `target` under (x, y), or null; undefined when `target` has too
   * many occurrences to check one by one (ask the browser for a text position instead).
   * `current`, the occurrence the pointer was on, is tried first.
   */
  find(
    target: EventTarget,
    x: number,
    y: number,
    now: number,
    current: Occurrence | null,
  ): Occurrence | null | undefined {
    const known = this.entry(target, now);
    const candidates = known.candidates;
    if (candidates === null) return undefined;
    if (candidates.length === 0) return null;
    if (current?.painted && candidates.includes(current) && this.contains(known, current, x, y)) {
      return current;
    }
    // Those already read first: a hit among them needs no read at all.
    let unread = false;
    for (const o of candidates) {
      if (!o.painted) continue;
      const rects = known.rects.get(o);
      if (!rects) unread = true;
      else if (rectsContain(rects, x, y)) return o;
    }
    if (!unread) return null;
    for (const o of candidates) {
      if (o.painted && !known.rects.has(o) && this.contains(known, o, x, y)) return o;
    }
    return null;
  }

  /**
   * Reads the rectangles of the marks near the viewport (in idle time), so that the moves that
   * follow find them known. At most `max` rectangles.
   */
  readAhead(now: number, max = READ_AHEAD_MAX): void {
    this.readAheadDue = now + READ_AHEAD_EVERY_MS;
    let reads = 0;
    for (const target of this.reader.nearbyTargets()) {
      const known = this.entry(target, now, READ_AHEAD_EVERY_MS);
      for (const o of known.candidates ?? []) {
        if (!o.painted || known.rects.has(o)) continue;
        known.rects.set(o, copyRects(this.reader.rectsOf(o)));
        if (++reads >= max) return;
      }
    }
  }

  /** True when (x, y) is on `occurrence` as the page lays it out now (a fresh read). */
  confirm(occurrence: Occurrence, x: number, y: number): boolean {
    return rectsContain(this.reader.rectsOf(occurrence), x, y);
  }

  private contains(known: Known, o: Occurrence, x: number, y: number): boolean {
    if (!o.painted) return false;
    let rects = known.rects.get(o);
    if (!rects) {
      rects = copyRects(this.reader.rectsOf(o));
      known.rects.set(o, rects);
    }
    return rectsContain(rects, x, y);
  }

  /** What is known of `target`, its rectangles dropped if older than `maxAge`. */
  private entry(target: EventTarget, now: number, maxAge = this.maxAgeMs): Known {
    let known = this.known.get(target);
    if (!known) {
      known = {
        version: -1,
        candidates: [],
        generation: this.generation,
        readAt: now,
        rects: new Map(),
      };
      this.known.set(target, known);
    }
    if (known.generation !== this.generation || now - known.readAt > maxAge) {
      known.rects.clear();
      known.generation = this.generation;
      known.readAt = now;
    }
    const version = this.store.version;
    if (known.version !== version) {
      // The marks changed somewhere (on a live page, all the time): list this element's again,
      // keeping the rectangles of those still there. What moves them is a layout change, which
      // is handled like any other.
      const nodes = this.reader.textNodesOf(target);
      known.version = version;
      known.candidates = nodes ? occurrencesIn(this.store, nodes) : null;
      const kept = new Set(known.candidates);
      for (const o of known.rects.keys()) if (!kept.has(o)) known.rects.delete(o);
    }
    return known;
  }
}
