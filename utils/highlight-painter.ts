/**
 * Paints occurrences with the CSS Custom Highlight API, so the page's own DOM is never touched:
 * no wrapped text, no broken layouts or page scripts. StaticRange rather than Range, because the
 * browser updates every live Range on every DOM change; the scanner re-paints edited nodes itself.
 * The manifest's minimum versions (Chrome 105+, Firefox 140+) all have the API.
 *
 * Every painted occurrence gets its range, but on a page with many marks only those near the
 * viewport are handed to the browser. Chromium rebuilds its markers for every registered range in
 * each frame after any change to the DOM (and a dotted underline costs an ink-overflow update per
 * marked text node), so 10,000 registered ranges would cost a page tens of milliseconds per frame,
 * forever. Near the viewport means within a quarter of a screen of it; the set follows scrolling
 * and resizing (after the next frame) and new marks or a growing page (at most five times a
 * second), each update costing a few hit tests and a few rectangle reads whatever the size of
 * the page.
 */
import type { Occurrence } from './occurrence-store';

/** What the painter needs to tell which marks are near the viewport (absent in unit tests). */
export interface ViewportEnv {
  /** The viewport's size in CSS pixels. */
  size(): { width: number; height: number };
  /** Where `node`'s text is (or its parent's box), vertically, in viewport coordinates; null when it has no box. */
  extent(node: Text): { top: number; bottom: number } | null;
  /** The node at a viewport point (a text node or an element), or null. */
  nodeAt(x: number, y: number): Node | null;
  requestFrame(callback: () => void): void;
  now(): number;
  setTimeout(callback: () => void, ms: number): void;
  /**
   * Calls `listener(true)` when any scroller scrolls or the viewport resizes, `listener(false)`
   * when the page's size changes; returns the remover.
   */
  watch(listener: (viewChanged: boolean) => void): () => void;
}

/** What the painter needs from the page's window; passed in so it can be tested or swapped. */
export interface HighlightEnv {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
  StaticRange: typeof StaticRange;
  /** With it, a page with many marks registers only those near the viewport. */
  viewport?: ViewportEnv;
}

/** Names of the highlights; `public/gloss.css` styles them. */
export const HIGHLIGHT_NAMES = {
  underline: 'gloss-underline',
  background: 'gloss-background',
  active: 'gloss-active',
} as const;

/** Up to this many marks every one is registered (the browser's cost for them is negligible). */
export const REGISTER_ALL_LIMIT = 64;

/** Reads the highlight API from a window, or null where it is missing. */
export function highlightEnv(win: typeof globalThis): HighlightEnv | null {
  if (
    typeof win.CSS === 'undefined' ||
    !('highlights' in win.CSS) ||
    typeof win.Highlight !== 'function'
  ) {
    return null;
  }
  return {
    registry: win.CSS.highlights,
    Highlight: win.Highlight,
    StaticRange: win.StaticRange,
    viewport: viewportEnv(win),
  };
}

function viewportEnv(win: typeof globalThis): ViewportEnv | undefined {
  const doc = win.document;
  if (!doc || typeof win.requestAnimationFrame !== 'function') return undefined;
  const range = doc.createRange();
  return {
    size: () => ({ width: win.innerWidth, height: win.innerHeight }),
    extent(node) {
      // The parent element's box holds the text and is several times cheaper to read than the
      // text's own (a range). Being generous here only registers a few more marks.
      const parent = node.parentElement;
      let r: DOMRect;
      if (parent) r = parent.getBoundingClientRect();
      else {
        range.selectNodeContents(node);
        r = range.getBoundingClientRect();
      }
      return r.width === 0 && r.height === 0 ? null : { top: r.top, bottom: r.bottom };
    },
    nodeAt(x, y) {
      if (typeof doc.caretPositionFromPoint === 'function') {
        return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
      }
      return doc.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
    },
    requestFrame: (callback) => void win.requestAnimationFrame(callback),
    now: () => win.performance.now(),
    setTimeout: (callback, ms) => void win.setTimeout(callback, ms),
    watch(listener) {
      const options = { capture: true, passive: true };
      const moved = () => listener(true);
      doc.addEventListener('scroll', moved, options);
      win.addEventListener('resize', moved, options);
      // Content that grows or shrinks moves marks in or out of view without any scrolling.
      const observer =
        typeof win.ResizeObserver === 'function'
          ? new win.ResizeObserver(() => listener(false))
          : null;
      observer?.observe(doc.documentElement);
      return () => {
        doc.removeEventListener('scroll', moved, options);
        win.removeEventListener('resize', moved, options);
        observer?.disconnect();
      };
    },
  };
}

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
/** How often a resizing page is checked for marks that moved. */
const RESIZE_CHECK_MS = 100;
/** While marks keep arriving (a long first scan, a live blog), update at most this often. */
const PAINT_UPDATE_MS = 200;

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** True when `a` comes before `b` in document order (an ancestor comes before its contents). */
function before(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & (FOLLOWING | CONTAINED_BY)) !== 0;
}

/** One named highlight holding the painted occurrences, plus one for the active occurrence. */
export class HighlightPainter {
  private readonly marks: Highlight;
  private readonly active: Highlight;
  private name: string;
  /** Painted occurrences by text node. */
  private readonly byNode = new Map<Text, Occurrence[]>();
  private total = 0;
  /** Nodes whose ranges are registered with the browser. */
  private readonly shown = new Set<Text>();
  /** Painted nodes of the main document in document order (may hold unpainted ones, see `compact`). */
  private ordered: Text[] = [];
  private readonly listed = new Set<Text>();
  /** Painted nodes in open shadow roots: few, not in `ordered`, always registered. */
  private readonly loose = new Set<Text>();
  private stale = 0;
  /** True while only marks near the viewport are registered. */
  private windowed = false;
  private framePending = false;
  private timerPending = false;
  private lastUpdate = -Infinity;
  /**
   * Whether a newly painted node could be near the viewport without the view moving: true when
   * the last update's search ran into the end of `ordered` (marks appended at the end of the
   * page may show), or when a node was inserted among the others.
   */
  private openEnd = true;
  private insertedInside = false;
  /** Runs of `ordered` the last update looked at, by position (kept in step with insertions). */
  private clusters: [number, number][] = [];
  private resizeCheckPending = false;
  private lastResizeCheck = -Infinity;
  /** The first and last registered nodes and where they were at the last update. */
  private anchors: { node: Text; top: number }[] = [];
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly env: HighlightEnv,
    style: 'underline' | 'background',
  ) {
    this.marks = new env.Highlight();
    this.active = new env.Highlight();
    this.active.priority = 1;
    this.name = HIGHLIGHT_NAMES[style];
    env.registry.set(this.name, this.marks);
    env.registry.set(HIGHLIGHT_NAMES.active, this.active);
  }

  /** Paints `occurrences` (creating their ranges). */
  paint(occurrences: readonly Occurrence[]): void {
    for (const o of occurrences) {
      if (o.range) continue;
      o.range = new this.env.StaticRange({
        startContainer: o.node,
        startOffset: o.start,
        endContainer: o.node,
        endOffset: o.end,
      });
      this.total++;
      const list = this.byNode.get(o.node);
      if (list) list.push(o);
      else {
        this.byNode.set(o.node, [o]);
        this.list(o.node);
      }
      if (!this.windowed) this.marks.add(o.range);
      else if (this.shown.has(o.node)) this.marks.add(o.range);
    }
    if (!this.windowed && this.total > REGISTER_ALL_LIMIT && this.env.viewport) {
      this.windowed = true;
      this.unwatch = this.env.viewport.watch((viewChanged) =>
        viewChanged ? this.schedule(true) : this.resized(),
      );
      for (const node of this.byNode.keys()) this.shown.add(node);
    }
    if (this.windowed && (this.openEnd || this.insertedInside)) this.schedule(false);
  }

  /** Removes `occurrences` from the page. */
  unpaint(occurrences: readonly Occurrence[]): void {
    for (const o of occurrences) {
      if (!o.range) continue;
      this.marks.delete(o.range);
      this.active.delete(o.range);
      o.range = null;
      this.total--;
      const list = this.byNode.get(o.node);
      if (!list) continue;
      const at = list.indexOf(o);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) {
        this.byNode.delete(o.node);
        this.shown.delete(o.node);
        this.loose.delete(o.node);
        if (this.listed.has(o.node)) this.stale++;
      }
    }
    if (this.windowed && this.total <= REGISTER_ALL_LIMIT / 2) this.registerAll();
  }

  /** Shows `occurrence` as the active one (the card's, or the keyboard's), or none. */
  setActive(occurrence: Occurrence | null): void {
    this.active.clear();
    if (occurrence?.range) this.active.add(occurrence.range);
  }

  /** Switches between the underline and the background style without re-creating ranges. */
  setStyle(style: 'underline' | 'background'): void {
    const name = HIGHLIGHT_NAMES[style];
    if (name === this.name) return;
    this.env.registry.delete(this.name);
    this.name = name;
    this.env.registry.set(name, this.marks);
  }

  /** How many occurrences are painted. */
  get size(): number {
    return this.total;
  }

  /** How many ranges the browser holds (those near the viewport on a page with many marks). */
  get registered(): number {
    return this.marks.size;
  }

  /** Removes every mark Gloss painted. */
  destroy(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.marks.clear();
    this.active.clear();
    this.byNode.clear();
    this.shown.clear();
    this.ordered = [];
    this.listed.clear();
    this.loose.clear();
    this.total = 0;
    this.windowed = false;
    if (this.env.registry.get(this.name) === this.marks) this.env.registry.delete(this.name);
    if (this.env.registry.get(HIGHLIGHT_NAMES.active) === this.active) {
      this.env.registry.delete(HIGHLIGHT_NAMES.active);
    }
  }

  /** Back to registering every mark (few are left). */
  private registerAll(): void {
    this.windowed = false;
    this.unwatch?.();
    this.unwatch = null;
    for (const [node, list] of this.byNode) {
      if (this.shown.has(node)) continue;
      for (const o of list) if (o.range) this.marks.add(o.range);
    }
    this.shown.clear();
  }

  /** Adds a newly painted node to `ordered` (shadow-tree nodes are always registered instead). */
  private list(node: Text): void {
    if (this.listed.has(node)) {
      // Painted again (edited, or moved): take it out and put it back where it is now.
      this.stale = Math.max(0, this.stale - 1);
      const at = this.ordered.indexOf(node);
      if (at >= 0) this.ordered.splice(at, 1);
      this.listed.delete(node);
    }
    if (node.getRootNode() !== node.ownerDocument) {
      this.loose.add(node);
      return;
    }
    this.listed.add(node);
    // Positions are only comparable among nodes still in the page.
    this.compact();
    const last = this.ordered[this.ordered.length - 1];
    // The first scan paints in document order: appending is the common case.
    if (!last || before(last, node)) this.ordered.push(node);
    else {
      const at = this.lowerBound(node);
      this.ordered.splice(at, 0, node);
      // Only an insertion next to what the last update looked at can change what is in view.
      for (const run of this.clusters) {
        if (at >= run[0] - MISSES && at <= run[1] + MISSES) this.insertedInside = true;
        if (at <= run[0]) run[0]++;
        if (at <= run[1]) run[1]++;
      }
    }
  }

  /** Drops nodes that lost their marks (or left the page) from `ordered`. */
  private compact(): void {
    if (this.stale === 0) return;
    this.ordered = this.ordered.filter((n) => {
      if (this.byNode.has(n)) return true;
      this.listed.delete(n);
      return false;
    });
    this.stale = 0;
  }

  /** The first position in `ordered` whose node does not come before `node`. */
  private lowerBound(node: Node): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.ordered[mid] as Text, node)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Updates the registered set soon after the next frame, when layout is fresh (reading
   * rectangles then forces no extra layout): right after it when the view moved (scrolling,
   * resizing), at most every PAINT_UPDATE_MS when marks arrive or the page grows.
   */
  private schedule(viewChanged: boolean): void {
    const viewport = this.env.viewport;
    if (!viewport) return;
    if (viewChanged ? this.framePending : this.framePending || this.timerPending) return;
    const afterFrame = () => {
      this.framePending = true;
      viewport.requestFrame(() =>
        viewport.setTimeout(() => {
          this.framePending = false;
          if (!this.windowed) return;
          this.lastUpdate = viewport.now();
          this.update();
        }, 0),
      );
    };
    const wait = this.lastUpdate + PAINT_UPDATE_MS - viewport.now();
    if (viewChanged || wait <= 0) {
      afterFrame();
      return;
    }
    this.timerPending = true;
    viewport.setTimeout(() => {
      this.timerPending = false;
      if (!this.framePending) afterFrame();
    }, wait);
  }

  /**
   * Registers the marks near the viewport and drops those far from it. A few hit tests find
   * where the viewport is in document order; the search then walks `ordered` both ways from
   * there, reading rectangles, until several nodes in a row are outside the band.
   */
  private update(): void {
    const viewport = this.env.viewport as ViewportEnv;
    this.compact();
    const { width, height } = viewport.size();
    const top = -MARGIN * height;
    const bottom = (1 + MARGIN) * height;
    const next = new Set<Text>();
    const ordered = this.ordered;
    this.insertedInside = false;
    this.openEnd = ordered.length === 0;
    this.clusters = [];
    if (ordered.length > 0) {
      const near = (k: number): boolean => {
        const e = viewport.extent(ordered[k] as Text);
        return e !== null && e.bottom >= top && e.top <= bottom;
      };
      const seen = new Set<number>();
      /** Walks `ordered` from `at` in direction `step` until MISSES nodes in a row are away. */
      const walk = (at: number, step: 1 | -1): number => {
        let k = at;
        for (let misses = 0; k >= 0 && k < ordered.length && misses < MISSES; k += step) {
          if (seen.has(k)) return k;
          seen.add(k);
          if (near(k)) {
            next.add(ordered[k] as Text);
            misses = 0;
          } else misses++;
        }
        if (k >= ordered.length) this.openEnd = true;
        return k;
      };
      // Each spot of the viewport (main column, sidebar…) is a run of nodes in document order.
      for (const [fx, fy] of SAMPLES) {
        const hit = viewport.nodeAt(width * fx, height * fy);
        if (!hit || hit.getRootNode() !== hit.ownerDocument) continue;
        const at = Math.min(this.lowerBound(hit), ordered.length - 1);
        if (seen.has(at)) continue;
        const hi = walk(at, 1);
        const lo = walk(at - 1, -1);
        this.clusters.push([lo, hi]);
      }
      if (seen.size === 0) this.clusters.push([0, walk(0, 1)]);
    }
    // Nodes outside the main document (open shadow roots) are few: always registered.
    for (const node of this.loose) next.add(node);
    // Keep what is still within the wider band, so small scrolls do not churn the registry.
    for (const node of this.shown) {
      if (next.has(node) || !this.byNode.has(node)) continue;
      const e = viewport.extent(node);
      const keep =
        e !== null && e.bottom >= -DROP_MARGIN * height && e.top <= (1 + DROP_MARGIN) * height;
      if (keep) next.add(node);
    }
    for (const node of this.shown) {
      if (next.has(node)) continue;
      for (const o of this.byNode.get(node) ?? []) if (o.range) this.marks.delete(o.range);
    }
    for (const node of next) {
      if (this.shown.has(node)) continue;
      for (const o of this.byNode.get(node) ?? []) if (o.range) this.marks.add(o.range);
    }
    this.shown.clear();
    for (const node of next) this.shown.add(node);
    this.anchors = [];
    let first: Text | null = null;
    let last: Text | null = null;
    for (const node of next) {
      if (!this.listed.has(node)) continue;
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
    const viewport = this.env.viewport as ViewportEnv;
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
    if (!this.windowed) return;
    const viewport = this.env.viewport as ViewportEnv;
    if (this.anchors.length > 0) {
      const still = this.anchors.every(({ node, top }) => {
        const e = node.isConnected ? viewport.extent(node) : null;
        return e !== null && Math.abs(e.top - top) < 1;
      });
      if (still) return;
    }
    this.schedule(false);
  }
}
