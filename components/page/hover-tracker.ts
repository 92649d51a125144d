/**
 * Turns pointer movement into "the reader rests on this occurrence". One passive listener, at most
 * about one look-up per frame, and a hover-intent delay, so crossing a term on the way somewhere
 * else never opens a card (nor asks the background for it).
 *
 * The look-up starts from the pointer event's own target: the browser has already hit-tested the
 * pointer to the element whose text or box is under it, so only the marks in that element's own
 * text nodes can be under the pointer, and most elements have none or a few. Their rectangles
 * settle it (read once and reused while valid: see hover-geometry.ts); a second browser hit test
 * (a text position from the point) is needed only for an element with many marks.
 */
import { rectsContain, spansAtOffset, type RectLike } from './hit-test';
import { HoverGeometry, type GeometryReader } from './hover-geometry';
import type { Occurrence, OccurrenceStore } from './occurrence-store';

/** What the tracker needs from the page; passed in so it can be tested without a browser. */
export interface HoverEnv extends GeometryReader {
  /** The innermost element a pointer event was dispatched to (inside open shadow roots too). */
  targetOf(event: PointerEvent): EventTarget | null;
  /** The text position under a point (caretPositionFromPoint, or caretRangeFromPoint). */
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
  /**
   * Calls `listener` whenever something may have moved text: scrolling, resizing, a font
   * loading, the page changing size. Returns the remover.
   */
  watchLayout(listener: () => void): () => void;
  requestFrame(callback: () => void): unknown;
  /** Runs `callback` when the page is idle (soon, at the latest). */
  requestIdle(callback: () => void): void;
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
  /** The pointer left the occurrence it had settled on (the one `enter` was called for). */
  leave(occurrence: Occurrence): void;
}

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
 * The page is watched for layout changes only while the pointer moves over it: after this long
 * without a move (or once it leaves the window), watching stops, so a page that keeps changing
 * (a live blog) costs nothing while nobody points at it.
 */
export const WATCH_IDLE_MS = 5000;

/**
 * The painted occurrence at the browser's text position for (x, y), or null: for elements with
 * too many occurrences to check each one's rectangles.
 */
export function occurrenceAtCaret(
  store: OccurrenceStore,
  env: { caretAt: HoverEnv['caretAt']; rectsOf(o: Occurrence): ArrayLike<RectLike> },
  x: number,
  y: number,
): Occurrence | null {
  const caret = env.caretAt(x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const o of spansAtOffset(store.get(caret.node), caret.offset)) {
    if (o.painted && rectsContain(env.rectsOf(o), x, y)) return o;
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
  private aheadPending = false;
  private lastMove = -Infinity;
  private readonly geometry: HoverGeometry;
  /** Stops watching the page for layout changes; null while not watching. */
  private unwatch: (() => void) | null = null;
  private readonly controller = new AbortController();

  constructor(
    target: EventTarget,
    private readonly store: OccurrenceStore,
    private readonly env: HoverEnv,
    private readonly callbacks: HoverCallbacks,
    private delay: number,
  ) {
    this.geometry = new HoverGeometry(store, env);
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
    const gone = (e: Event) => {
      this.update(null, e.timeStamp);
      this.stopWatching();
    };
    const root = (target as Partial<Document>).documentElement;
    target.addEventListener('pointerleave', gone, { passive: true, signal });
    root?.addEventListener('pointerleave', gone, { passive: true, signal });
    // A touch screen has no hover: a tap on a mark opens its card at once. `pointerup` and not
    // `click`: a scroll or a pinch ends in `pointercancel`, so only taps (and long presses) reach
    // it, and the page's own click handling (a mark inside a link) goes on untouched.
    target.addEventListener('pointerup', (e) => this.onTap(e as PointerEvent), {
      passive: true,
      capture: true,
      signal,
    });
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
    const now = event.timeStamp;
    this.lastMove = now;
    if (this.unwatch === null) this.startWatching();
    if (now - this.lastLookup >= MIN_LOOKUP_INTERVAL_MS) {
      this.lastLookup = now;
      this.update(this.lookUp(now), now);
      if (!this.aheadPending && now >= this.geometry.readAheadDue) this.readAheadSoon();
      return;
    }
    this.framePending = true;
    this.env.requestFrame(() => {
      this.framePending = false;
      if (this.controller.signal.aborted) return;
      const later = (this.lastLookup = this.env.now());
      this.update(this.lookUp(later), later);
    });
  }

  /** A tap: the occurrence under the finger, checked against the layout as it is now, opens. */
  private onTap(event: PointerEvent): void {
    if (event.pointerType !== 'touch') return;
    this.x = event.clientX;
    this.y = event.clientY;
    this.target = this.env.targetOf(event);
    // Nothing watches the layout between taps: read it afresh.
    this.geometry.invalidate();
    const o = this.lookUp(event.timeStamp);
    if (!o) return;
    this.callbacks.enter(o);
    this.callbacks.intent(o, this.x, this.y);
  }

  /** Watches the page for layout changes; what was read before may be out of date. */
  private startWatching(): void {
    this.geometry.invalidate();
    this.unwatch = this.env.watchLayout(() => {
      this.geometry.invalidate();
      if (this.env.now() - this.lastMove > WATCH_IDLE_MS) this.stopWatching();
    });
  }

  /** Stops watching; nothing read so far can be trusted after this. */
  private stopWatching(): void {
    if (this.unwatch === null) return;
    this.unwatch();
    this.unwatch = null;
    this.geometry.invalidate();
  }

  /** Has the rectangles near the viewport read in idle time (they are not known, or ageing). */
  private readAheadSoon(): void {
    this.aheadPending = true;
    this.env.requestIdle(() => {
      this.aheadPending = false;
      if (this.controller.signal.aborted) return;
      try {
        this.geometry.readAhead(this.env.now());
      } catch {
        // A mark whose text was just edited: the moves that follow read what they need.
      }
    });
  }

  private lookUp(now: number): Occurrence | null {
    const target = this.target;
    if (!target) return null;
    try {
      const found = this.geometry.find(target, this.x, this.y, now, this.current);
      return found !== undefined ? found : occurrenceAtCaret(this.store, this.env, this.x, this.y);
    } catch {
      // An occurrence whose text was just edited (re-scanned a moment later) can have offsets
      // past its node's end: for this move, nothing is under the pointer.
      return null;
    }
  }

  /**
   * Moves to `next`. The dwell timers are lazy: arriving starts one only when none is pending,
   * leaving never clears it, and when it fires it looks at what the pointer is on now and how
   * long it has been there, then calls back or waits for the rest. A pointer crossing the marks
   * of a paragraph arms one timer, not one per mark, and never clears one.
   */
  private update(next: Occurrence | null, now: number): void {
    if (next === this.current) return;
    const previous = this.current;
    const entered = this.entered;
    this.current = next;
    this.since = now;
    this.entered = false;
    // An occurrence merely crossed was never entered: nothing to tell.
    if (previous && entered) this.callbacks.leave(previous);
    if (next && this.timer === null) this.arm(Math.min(ENTER_MS, this.delay));
  }

  private arm(ms: number): void {
    this.timer = this.env.setTimeout(() => this.dwell(), Math.max(0, ms));
  }

  private dwell(): void {
    this.timer = null;
    const o = this.current;
    // Gone, or no longer marked (its text was edited): nothing to open.
    if (!o?.painted) return;
    const now = this.env.now();
    const stayed = now - this.since;
    const enterAfter = Math.min(ENTER_MS, this.delay);
    if (!this.entered) {
      if (stayed < enterAfter) return this.arm(enterAfter - stayed);
      this.entered = true;
      this.callbacks.enter(o);
      // The callback may have moved things on (destroyed the tracker, say).
      if (this.current !== o) return;
    }
    if (stayed < this.delay) return this.arm(this.delay - stayed);
    // The look-up may have used rectangles read a moment ago: before a card opens, make sure
    // the pointer is on the occurrence as the page is laid out now.
    let still = false;
    try {
      still = this.geometry.confirm(o, this.x, this.y);
    } catch {
      // Its text changed under it: not there any more.
    }
    if (still) {
      this.callbacks.intent(o, this.x, this.y);
      return;
    }
    // Something moved that nothing reported: read everything again and start over.
    this.geometry.invalidate();
    this.update(this.lookUp(now), now);
  }

  destroy(): void {
    this.controller.abort();
    this.stopWatching();
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }
}
