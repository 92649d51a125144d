/**
 * Which painted marks the browser holds on a page with many of them: those near the viewport.
 * Chromium rebuilds its markers for every registered range in each frame after any change to the
 * DOM (and a dotted underline costs an ink-overflow update per marked text node), so 10,000
 * registered ranges would cost a page tens of milliseconds per frame, forever. Near means within
 * a quarter of a screen; the set follows scrolling and resizing (in the next frame) and a
 * shifting layout (at most five times a second), each update costing a few hit tests and a few
 * rectangle reads whatever the size of the page. New marks alone are placed by an intersection
 * observer, which reads no layout.
 */
import { RESIZE_CHECK_MS, type ViewportEnv } from './highlight-env';
import type { DocumentOrder } from './document-order';
import type { Occurrence } from './occurrence-store';

/** Marks within this share of the viewport's height above or below it are registered too. */
const MARGIN = 0.25;
/** Registered marks further away than this share of the viewport's height are dropped. */
const DROP_MARGIN = 0.5;
/** Nodes in a row outside the band before the search in document order stops. */
const MISSES = 6;
/** Where the viewport is probed (shares of its width and height): down the middle, and both sides. */
const SAMPLES = [
  [0.5, 0.05],
  [0.5, 0.5],
  [0.5, 0.95],
  [0.15, 0.5],
  [0.85, 0.5],
] as const;
/** While marks keep arriving (a long first scan, a live blog), update at most this often. */
const PAINT_UPDATE_MS = 200;
/** More new nodes than this at once are placed by the full search rather than one by one. */
const FRESH_LIMIT = 256;

/** The painter's state the window reads, and the highlight it registers ranges in. */
export interface WindowedMarks {
  byNode: ReadonlyMap<Text, readonly Occurrence[]>;
  order: DocumentOrder;
  /** Painted nodes in open shadow roots: few, not in `order`, always registered. */
  loose: ReadonlySet<Text>;
  marks: Highlight;
  /** A painted occurrence's range, made when first asked for. */
  rangeOf(o: Occurrence): AbstractRange;
}

/** Registers only the marks near the viewport, following it until destroyed. */
export class ViewportWindow {
  /** Nodes whose ranges are registered with the browser. */
  readonly shown = new Set<Text>();
  /** Nodes painted since the last look at the viewport, not registered yet. */
  private readonly fresh = new Set<Text>();
  private live = true;
  private framePending = false;
  private timerPending = false;
  private lastUpdate = -Infinity;
  /** The next look at the viewport must be the full search (the view moved or layout shifted). */
  private fullPending = false;
  private resizeCheckPending = false;
  private lastResizeCheck = -Infinity;
  /** The first and last registered nodes and where they were at the last update. */
  private anchors: { node: Text; top: number }[] = [];
  private readonly unwatch: () => void;

  /**
   * Narrows (or, with `registered` false, first chooses) the registered marks after the next
   * frame. `registered`: every painted node's marks are registered already.
   */
  constructor(
    private readonly viewport: ViewportEnv,
    private readonly state: WindowedMarks,
    registered = true,
  ) {
    if (registered) for (const node of state.byNode.keys()) this.shown.add(node);
    this.unwatch = viewport.watch((viewChanged) =>
      viewChanged ? this.schedule('view') : this.resized(),
    );
    this.schedule('layout');
  }

  /** `o` was painted on `node` (`first` when the node had none): registers it if in view. */
  painted(node: Text, o: Occurrence, first: boolean): void {
    if (first) this.fresh.add(node);
    if (this.shown.has(node)) this.state.marks.add(this.state.rangeOf(o));
  }

  /** `node` lost its last mark. */
  forget(node: Text): void {
    this.shown.delete(node);
  }

  /** Places the nodes painted since the last call, after the next frame. */
  flush(): void {
    if (this.fresh.size > 0) this.schedule('fresh');
  }

  /** Stops following the viewport; pending callbacks do nothing. */
  destroy(): void {
    this.live = false;
    this.unwatch();
  }

  /**
   * Looks at the viewport after the next frame: right away when the view moved (scrolling,
   * resizing), at most every PAINT_UPDATE_MS when the layout shifted or marks arrive. New marks
   * alone need only their own rectangles read (a live blog adding paragraphs out of view costs
   * one read each); anything else, or many new marks at once (a first scan), needs the full search.
   */
  private schedule(why: 'view' | 'layout' | 'fresh'): void {
    const viewport = this.viewport;
    if (why !== 'fresh') this.fullPending = true;
    if (why === 'view' ? this.framePending : this.framePending || this.timerPending) return;
    const afterFrame = () => {
      this.framePending = true;
      // Right after the frame, when layout is fresh: reading rectangles then forces no layout.
      viewport.requestFrame(() =>
        viewport.setTimeout(() => {
          this.framePending = false;
          if (!this.live) return;
          this.lastUpdate = viewport.now();
          if (this.fullPending || this.fresh.size > FRESH_LIMIT) this.update();
          else this.showFresh();
        }, 0),
      );
    };
    const wait = this.lastUpdate + PAINT_UPDATE_MS - viewport.now();
    if (why === 'view' || wait <= 0) {
      afterFrame();
      return;
    }
    this.timerPending = true;
    viewport.setTimeout(() => {
      this.timerPending = false;
      if (!this.framePending) afterFrame();
    }, wait);
  }

  /** Registers the newly painted nodes that turn out to be near the viewport. */
  private showFresh(): void {
    const fresh = [...this.fresh];
    this.fresh.clear();
    const { loose } = this.state;
    for (const node of fresh) if (loose.has(node)) this.show(node);
    this.viewport.whenNear(
      fresh.filter((node) => !loose.has(node)),
      MARGIN,
      (node) => this.show(node),
    );
  }

  private show(node: Text): void {
    if (!this.live || this.shown.has(node) || !this.state.byNode.has(node)) return;
    this.shown.add(node);
    this.setRegistered(node, true);
  }

  private setRegistered(node: Text, on: boolean): void {
    const { marks } = this.state;
    for (const o of this.state.byNode.get(node) ?? []) {
      if (!o.painted) continue;
      if (on) marks.add(this.state.rangeOf(o));
      else if (o.range) marks.delete(o.range);
    }
  }

  /** The nodes near the viewport: a few hit tests, then walks through `order` both ways. */
  private nearNodes(top: number, bottom: number): Set<Text> {
    const viewport = this.viewport;
    const { width, height } = viewport.size();
    const ordered = this.state.order.list;
    const next = new Set<Text>();
    if (ordered.length === 0) return next;
    const near = (k: number): boolean => {
      const e = viewport.extent(ordered[k] as Text);
      return e !== null && e.bottom >= top && e.top <= bottom;
    };
    const seen = new Set<number>();
    /** Walks `ordered` from `at` in direction `step` until MISSES nodes in a row are away. */
    const walk = (at: number, step: 1 | -1): void => {
      for (let k = at, misses = 0; k >= 0 && k < ordered.length && misses < MISSES; k += step) {
        if (seen.has(k)) return;
        seen.add(k);
        if (near(k)) {
          next.add(ordered[k] as Text);
          misses = 0;
        } else misses++;
      }
    };
    // Each spot of the viewport (main column, sidebar…) is a run of nodes in document order.
    for (const [fx, fy] of SAMPLES) {
      const hit = viewport.nodeAt(width * fx, height * fy);
      if (!hit || hit.getRootNode() !== hit.ownerDocument) continue;
      const at = Math.min(this.state.order.lowerBound(hit), ordered.length - 1);
      if (seen.has(at)) continue;
      walk(at, 1);
      walk(at - 1, -1);
    }
    if (seen.size === 0) walk(0, 1);
    return next;
  }

  /** Registers the marks near the viewport and drops those far from it. */
  private update(): void {
    const viewport = this.viewport;
    const { height } = viewport.size();
    this.fullPending = false;
    this.fresh.clear();
    const next = this.nearNodes(-MARGIN * height, (1 + MARGIN) * height);
    // Nodes outside the main document (open shadow roots) are few: always registered.
    for (const node of this.state.loose) next.add(node);
    // Keep what is still within the wider band, so small scrolls do not churn the registry.
    for (const node of this.shown) {
      if (next.has(node) || !this.state.byNode.has(node)) continue;
      const e = viewport.extent(node);
      const keep =
        e !== null && e.bottom >= -DROP_MARGIN * height && e.top <= (1 + DROP_MARGIN) * height;
      if (keep) next.add(node);
    }
    for (const node of this.shown) if (!next.has(node)) this.setRegistered(node, false);
    for (const node of next) if (!this.shown.has(node)) this.setRegistered(node, true);
    this.shown.clear();
    for (const node of next) this.shown.add(node);
    this.anchors = [];
    let first: Text | null = null;
    let last: Text | null = null;
    for (const node of next) {
      if (!this.state.order.has(node)) continue;
      first ??= node;
      last = node;
    }
    for (const node of first === last ? [first] : [first, last]) {
      const e = node ? viewport.extent(node) : null;
      if (node && e) this.anchors.push({ node, top: e.top });
    }
  }

  /**
   * The page changed size (a live blog grew, an image loaded). When the registered marks at the
   * top and bottom of the view have not moved, what is in view has not changed: nothing to do.
   * Called right after layout (resize observations are), so reading rectangles is cheap.
   */
  private resized(): void {
    const viewport = this.viewport;
    // A growing page resizes every frame: look at most every RESIZE_CHECK_MS, and once more
    // when it stops.
    const now = viewport.now();
    if (now - this.lastResizeCheck >= RESIZE_CHECK_MS) {
      this.lastResizeCheck = now;
      this.checkAnchors();
      return;
    }
    if (this.resizeCheckPending) return;
    this.resizeCheckPending = true;
    viewport.setTimeout(() => {
      this.resizeCheckPending = false;
      if (viewport.now() - this.lastResizeCheck >= RESIZE_CHECK_MS) this.resized();
    }, RESIZE_CHECK_MS);
  }

  private checkAnchors(): void {
    if (!this.live) return;
    if (this.anchors.length > 0) {
      const still = this.anchors.every(({ node, top }) => {
        const e = node.isConnected ? this.viewport.extent(node) : null;
        return e !== null && Math.abs(e.top - top) < 1;
      });
      if (still) return;
    }
    this.schedule('layout');
  }
}
