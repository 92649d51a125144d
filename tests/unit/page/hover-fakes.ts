/**
 * A page for the hover tracker without a browser: text nodes and elements are plain objects,
 * rectangles come from a table the test edits (to stand for layout changes), and time moves only
 * when the test says so.
 */
import type { RectLike } from '../../../components/page/hit-test';
import type { HoverEnv } from '../../../components/page/hover-tracker';
import { OccurrenceStore, type Occurrence } from '../../../components/page/occurrence-store';

/** A text node as far as the tracker can tell. */
export function textNode(): Text {
  return { nodeType: 3 } as unknown as Text;
}

/** A rectangle from its left, top, width and height. */
export function rect(left: number, top: number, width: number, height: number): RectLike {
  return { left, top, right: left + width, bottom: top + height };
}

/** A fake page: elements (any event target) with text nodes, occurrences with rectangles, timers. */
export class FakePage {
  readonly store = new OccurrenceStore();
  /** Each element's text nodes (null: too many to list). */
  readonly children = new Map<EventTarget, Text[] | null>();
  /** Each occurrence's rectangles as the page lays it out now. */
  readonly layout = new Map<Occurrence, RectLike[]>();
  caret: { node: Node; offset: number } | null = null;
  clock = 0;
  reads = 0;
  listings = 0;
  timersSet = 0;
  layoutListener: (() => void) | null = null;
  watching = false;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private frames: (() => void)[] = [];
  private idles: (() => void)[] = [];
  private nextId = 1;

  /** Adds `node` under `element` with occurrences [start, end, rects], painted. */
  add(element: EventTarget, node: Text, spans: [number, number, RectLike[]][]): Occurrence[] {
    const list = this.children.get(element) ?? [];
    list.push(node);
    this.children.set(element, list);
    const occurrences = spans.map(([start, end, rects]) => {
      const o: Occurrence = { node, start, end, term: 0, painted: true, range: null };
      this.layout.set(o, rects);
      return o;
    });
    this.store.set(node, occurrences);
    return occurrences;
  }

  readonly env: HoverEnv = {
    targetOf: (event) => (event as unknown as { el: EventTarget | null }).el,
    textNodesOf: (target) => {
      this.listings++;
      const list = this.children.get(target);
      return list === undefined ? [] : list;
    },
    nearbyTargets: () => this.children.keys(),
    caretAt: () => this.caret,
    rectsOf: (o) => {
      this.reads++;
      return this.layout.get(o) ?? [];
    },
    watchLayout: (listener) => {
      this.layoutListener = listener;
      this.watching = true;
      return () => {
        this.watching = false;
        this.layoutListener = null;
      };
    },
    requestFrame: (fn) => this.frames.push(fn),
    requestIdle: (fn) => void this.idles.push(fn),
    now: () => this.clock,
    setTimeout: (fn, ms) => {
      this.timersSet++;
      const id = this.nextId++;
      this.timers.push({ at: this.clock + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      this.timers = this.timers.filter((t) => t.id !== id);
    },
  };

  /** How many timers are waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock on by `ms`, running the timers that fall due, in order. */
  advance(ms: number): void {
    const end = this.clock + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.clock = Math.max(this.clock, next.at);
      next.fn();
    }
    this.clock = end;
  }

  /** How many idle callbacks are waiting. */
  get idleWaiting(): number {
    return this.idles.length;
  }

  /** Runs the idle callbacks requested so far. */
  idle(): void {
    const idles = this.idles;
    this.idles = [];
    for (const fn of idles) fn();
  }

  /** Runs the animation-frame callbacks requested so far. */
  frame(): void {
    const frames = this.frames;
    this.frames = [];
    for (const fn of frames) fn();
  }
}

/** A pointer event over `el` at (x, y), at the page's current time. */
export function pointer(
  page: FakePage,
  type: string,
  el: EventTarget | null,
  x = 0,
  y = 0,
  pointerType = 'mouse',
): Event {
  const event = new Event(type);
  Object.assign(event, { el, clientX: x, clientY: y, pointerType });
  Object.defineProperty(event, 'timeStamp', { value: page.clock });
  return event;
}
