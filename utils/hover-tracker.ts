/**
 * Turns pointer movement into "the reader rests on this occurrence". One passive listener, at most
 * one look-up per animation frame, and a hover-intent delay, so crossing a term on the way
 * somewhere else never opens a card.
 */
import { rectsContain, spansAtOffset, type RectLike } from './hit-test';
import type { Occurrence, OccurrenceStore } from './occurrence-store';

/** What the tracker needs from the page; passed in so it can be tested without a browser. */
export interface HoverEnv {
  /** The text position under a point (caretPositionFromPoint, or caretRangeFromPoint). */
  caretAt(x: number, y: number): { node: Node; offset: number } | null;
  /** The client rectangles of an occurrence. */
  rectsOf(occurrence: Occurrence): Iterable<RectLike>;
  requestFrame(callback: () => void): unknown;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HoverCallbacks {
  /** The pointer arrived on an occurrence (prefetch its card). */
  enter(occurrence: Occurrence): void;
  /** The pointer rested on it for the hover delay (open its card). */
  intent(occurrence: Occurrence, x: number, y: number): void;
  /** The pointer left the occurrence it was on. */
  leave(occurrence: Occurrence): void;
}

/** Finds the painted occurrence under (x, y), or null. */
export function occurrenceAtPoint(
  store: OccurrenceStore,
  env: Pick<HoverEnv, 'caretAt' | 'rectsOf'>,
  x: number,
  y: number,
): Occurrence | null {
  const caret = env.caretAt(x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const o of spansAtOffset(store.get(caret.node), caret.offset)) {
    if (o.range && rectsContain(env.rectsOf(o), x, y)) return o;
  }
  return null;
}

export class HoverTracker {
  private x = 0;
  private y = 0;
  private framePending = false;
  private current: Occurrence | null = null;
  private timer: unknown = null;
  private readonly controller = new AbortController();

  constructor(
    target: EventTarget,
    private readonly store: OccurrenceStore,
    private readonly env: HoverEnv,
    private readonly callbacks: HoverCallbacks,
    private delay: number,
  ) {
    const options = { passive: true, capture: true, signal: this.controller.signal };
    target.addEventListener('pointermove', (e) => this.onMove(e as PointerEvent), options);
    // Leaving the window: nothing is under the pointer any more.
    target.addEventListener(
      'pointerout',
      (e) => {
        if ((e as PointerEvent).relatedTarget === null) this.update(null);
      },
      options,
    );
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
    if (this.framePending) return;
    this.framePending = true;
    this.env.requestFrame(() => {
      this.framePending = false;
      if (this.controller.signal.aborted) return;
      this.update(occurrenceAtPoint(this.store, this.env, this.x, this.y));
    });
  }

  private update(next: Occurrence | null): void {
    if (next === this.current) return;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    const previous = this.current;
    this.current = next;
    if (previous) this.callbacks.leave(previous);
    if (!next) return;
    this.callbacks.enter(next);
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      if (this.current === next) this.callbacks.intent(next, this.x, this.y);
    }, this.delay);
  }

  destroy(): void {
    this.controller.abort();
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.current = null;
  }
}
