/**
 * Turns pointer movement into "the reader rests on this occurrence". One passive listener, at most
 * about one look-up per frame, and a hover-intent delay, so crossing a term on the way somewhere
 * else never opens a card (nor asks the background for it).
 *
 * The look-up starts from the pointer event's own target: the browser has already hit-tested the
 * pointer to the element whose text or box is under it, so only the marks in that element's own
 * text nodes can be under the pointer, and most elements have none or a few. Those few are
 * checked by their rectangles; a second browser hit test (a text position from the point) is
 * needed only for an element with many marks. Rectangles are read when needed, never cached, so
 * reflow, transforms, scrolled containers and shadow roots need no invalidation.
 */
import { firstContaining, occurrenceContains, spansAtOffset, type RectLike } from './hit-test';
import type { Occurrence, OccurrenceStore } from './occurrence-store';

/** What the tracker needs from the page; passed in so it can be tested without a browser. */
export interface HoverEnv {
  /** The innermost element a pointer event was dispatched to (inside open shadow roots too). */
  targetOf(event: PointerEvent): EventTarget | null;
  /**
   * The text nodes whose text the browser reports as `target` when the pointer is on it (an
   * element's child text nodes; a slot's assigned ones), or null when `target` has too many
   * children to list cheaply.
   */
  textNodesOf(target: EventTarget): Iterable<Node> | null;
  /** The text position under a point (caretPositionFromPoint, or caretRangeFromPoint). */
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
  /** The client rectangles of an occurrence, one per line (or per bidi run). */
  rectsOf(occurrence: Occurrence): ArrayLike<RectLike>;
  /** The bounding client rectangle of an occurrence. */
  boundsOf(occurrence: Occurrence): RectLike;
  requestFrame(callback: () => void): unknown;
  /** The clock of pointer events' `timeStamp` (performance.now). */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HoverCallbacks {
  /**
   * The pointer settled on an occurrence (stayed ENTER_MS, or the hover delay if shorter):
   * prefetch its card. Not called for an occurrence merely crossed.
   */
  enter(occurrence: Occurrence): void;
  /** The pointer rested on it for the hover delay (open its card). */
  intent(occurrence: Occurrence, x: number, y: number): void;
  /** The pointer left the occurrence it was on. */
  leave(occurrence: Occurrence): void;
}

/**
 * Above this many occurrences in the pointer's element, one browser hit test is cheaper than
 * reading each one's rectangles.
 */
export const MAX_RECT_CHECKS = 6;
/**
 * How long the pointer stays on an occurrence before its card is prefetched: a pointer crossing
 * a term at reading speed spends less than this on it.
 */
export const ENTER_MS = 100;
/**
 * Look-ups closer together than this wait for the next frame. Chromium and Firefox already
 * deliver at most one pointermove per frame, so this only guards against browsers that do not.
 */
const MIN_LOOKUP_INTERVAL_MS = 8;

/**
 * The occurrences in `nodes` (the text nodes of the pointer's element), or null when there are
 * more than `max`: then a browser hit test narrows them down faster than their rectangles.
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

/**
 * Finds the painted occurrence under (x, y), or null. `candidates` are the occurrences of the
 * pointer's element (null: too many, ask the browser for the text position instead); `current`
 * is the occurrence the pointer was on, checked first.
 */
export function occurrenceAtPoint(
  store: OccurrenceStore,
  env: Pick<HoverEnv, 'caretAt' | 'rectsOf' | 'boundsOf'>,
  x: number,
  y: number,
  candidates: readonly Occurrence[] | null,
  current: Occurrence | null = null,
): Occurrence | null {
  if (candidates) {
    const painted = candidates.filter((o) => o.range !== null);
    return painted.length === 0 ? null : firstContaining(painted, current, env, x, y);
  }
  const caret = env.caretAt(x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const o of spansAtOffset(store.get(caret.node), caret.offset)) {
    if (o.range && occurrenceContains(o, env, x, y)) return o;
  }
  return null;
}

export class HoverTracker {
  private x = 0;
  private y = 0;
  private target: EventTarget | null = null;
  private framePending = false;
  private lastLookup = -Infinity;
  private current: Occurrence | null = null;
  /** When the pointer arrived on `current` (the pointer events' clock). */
  private since = 0;
  /** Whether `enter` was called for `current`. */
  private entered = false;
  private timer: unknown = null;
  private readonly controller = new AbortController();
  /**
   * The occurrences of each element the pointer was over, while the store is unchanged: moving
   * within a paragraph then reads no DOM to find them.
   */
  private readonly candidates = new WeakMap<
    object,
    { version: number; list: readonly Occurrence[] | null }
  >();

  constructor(
    target: EventTarget,
    private readonly store: OccurrenceStore,
    private readonly env: HoverEnv,
    private readonly callbacks: HoverCallbacks,
    private delay: number,
  ) {
    const signal = this.controller.signal;
    target.addEventListener('pointermove', (e) => this.onMove(e as PointerEvent), {
      passive: true,
      capture: true,
      signal,
    });
    // Leaving the window: nothing is under the pointer any more. `pointerleave` does not bubble,
    // so these listeners (not capturing) run only when the pointer leaves the whole document
    // (Chromium dispatches it to the document, Firefox to the root element), not at every
    // element boundary as a `pointerout` listener would.
    const gone = (e: Event) => this.update(null, e.timeStamp);
    const root = (target as Partial<Document>).documentElement;
    target.addEventListener('pointerleave', gone, { passive: true, signal });
    root?.addEventListener('pointerleave', gone, { passive: true, signal });
  }

  /** The occurrence the pointer is on, if any. */
  get hovered(): Occurrence | null {
    return this.current;
  }

  setDelay(ms: number): void {
    this.delay = ms;
  }

  private onMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.x = event.clientX;
    this.y = event.clientY;
    this.target = this.env.targetOf(event);
    if (this.framePending) return;
    if (event.timeStamp - this.lastLookup >= MIN_LOOKUP_INTERVAL_MS) {
      this.lastLookup = event.timeStamp;
      this.lookUp(event.timeStamp);
      return;
    }
    this.framePending = true;
    this.env.requestFrame(() => {
      this.framePending = false;
      if (this.controller.signal.aborted) return;
      this.lastLookup = this.env.now();
      this.lookUp(this.lastLookup);
    });
  }

  private lookUp(now: number): void {
    let next: Occurrence | null = null;
    try {
      const candidates = this.target ? this.candidatesOf(this.target) : [];
      next = occurrenceAtPoint(this.store, this.env, this.x, this.y, candidates, this.current);
    } catch {
      // An occurrence whose text was just edited (re-scanned a moment later) can have offsets
      // past its node's end: for this move, nothing is under the pointer.
    }
    this.update(next, now);
  }

  private candidatesOf(target: EventTarget): readonly Occurrence[] | null {
    const version = this.store.version;
    let known = this.candidates.get(target);
    if (known?.version !== version) {
      const nodes = this.env.textNodesOf(target);
      known = { version, list: nodes ? occurrencesIn(this.store, nodes) : null };
      this.candidates.set(target, known);
    }
    return known.list;
  }

  /**
   * Moves to `next`. The dwell timers are lazy: arriving starts one only when none is pending,
   * leaving never clears it, and when it fires it looks at what the pointer is on now and how
   * long it has been there, then calls back or waits for the rest. A pointer crossing the marks
   * of a paragraph costs no timer calls per mark (each costs more than the look-up itself).
   */
  private update(next: Occurrence | null, now: number): void {
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    this.since = now;
    this.entered = false;
    if (previous) this.callbacks.leave(previous);
    if (next && this.timer === null) this.arm(Math.min(ENTER_MS, this.delay));
  }

  private arm(ms: number): void {
    this.timer = this.env.setTimeout(() => this.dwell(), Math.max(0, ms));
  }

  private dwell(): void {
    this.timer = null;
    const o = this.current;
    // Gone, or no longer marked (its text was edited): nothing to open.
    if (!o?.range) return;
    const stayed = this.env.now() - this.since;
    const enterAfter = Math.min(ENTER_MS, this.delay);
    if (!this.entered) {
      if (stayed < enterAfter) return this.arm(enterAfter - stayed);
      this.entered = true;
      this.callbacks.enter(o);
      // The callback may have moved things on (destroyed the tracker, say).
      if (this.current !== o) return;
    }
    if (stayed < this.delay) return this.arm(this.delay - stayed);
    this.callbacks.intent(o, this.x, this.y);
  }

  destroy(): void {
    this.controller.abort();
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }
}
