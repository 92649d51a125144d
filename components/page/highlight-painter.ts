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
 * and resizing (in the next frame) and a shifting layout (at most five times a second), each
 * update costing a few hit tests and a few rectangle reads whatever the size of the page. New
 * marks alone are placed by an intersection observer, which reads no layout.
 */
import { RESIZE_CHECK_MS, type HighlightEnv, type ViewportEnv } from './highlight-env';
import type { Occurrence } from './occurrence-store';

/** Names of the highlights; `public/gloss.css` styles them. */
export const HIGHLIGHT_NAMES = {
  underline: 'gloss-underline',
  background: 'gloss-background',
  active: 'gloss-active',
} as const;

/** Up to this many marks every one is registered (the browser's cost for them is negligible). */
export const REGISTER_ALL_LIMIT = 64;

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
  /** Nodes painted since the last look at the viewport, not registered yet. */
  private fresh = new Set<Text>();
  /** The next look at the viewport must be the full search (the view moved or layout shifted). */
  private fullPending = false;
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
        if (this.windowed) this.fresh.add(o.node);
      }
      if (!this.windowed) this.marks.add(o.range);
      else if (this.shown.has(o.node)) this.marks.add(o.range);
    }
    if (!this.windowed && this.total > REGISTER_ALL_LIMIT && this.env.viewport) {
      this.windowed = true;
      this.unwatch = this.env.viewport.watch((viewChanged) =>
        viewChanged ? this.schedule('view') : this.resized(),
      );
      for (const node of this.byNode.keys()) this.shown.add(node);
      this.fresh.clear();
      this.schedule('layout');
    }
    if (this.windowed && this.fresh.size > 0) this.schedule('fresh');
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

  /**
   * The text nodes whose marks the browser holds now (on a page with many marks, those near the
   * viewport): the only marks a pointer can be on. The hover tracker reads their rectangles
   * ahead, in idle time.
   */
  registeredNodes(): Iterable<Text> {
    return this.windowed ? this.shown : this.byNode.keys();
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
    else this.ordered.splice(this.lowerBound(node), 0, node);
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
   * Looks at the viewport after the next frame: right away when the view moved (scrolling,
   * resizing), at most every PAINT_UPDATE_MS when the layout shifted or marks arrive. New marks alone need only
   * their own rectangles read (a live blog adding paragraphs out of view costs one read each);
   * anything else, or many new marks at once (a first scan), needs the full search.
   */
  private schedule(why: 'view' | 'layout' | 'fresh'): void {
    const viewport = this.env.viewport;
    if (!viewport) return;
    if (why !== 'fresh') this.fullPending = true;
    if (why === 'view' ? this.framePending : this.framePending || this.timerPending) return;
    const afterFrame = () => {
      this.framePending = true;
      // Right after the frame, when layout is fresh: reading rectangles then forces no layout.
      viewport.requestFrame(() =>
        viewport.setTimeout(() => {
          this.framePending = false;
          if (!this.windowed) return;
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
    const viewport = this.env.viewport as ViewportEnv;
    const fresh = [...this.fresh];
    this.fresh.clear();
    for (const node of fresh) if (this.loose.has(node)) this.show(node);
    viewport.whenNear(
      fresh.filter((node) => !this.loose.has(node)),
      MARGIN,
      (node) => this.show(node),
    );
  }

  private show(node: Text): void {
    if (!this.windowed || this.shown.has(node) || !this.byNode.has(node)) return;
    this.shown.add(node);
    for (const o of this.byNode.get(node) ?? []) if (o.range) this.marks.add(o.range);
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
    this.fullPending = false;
    this.fresh.clear();
    if (ordered.length > 0) {
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
        const at = Math.min(this.lowerBound(hit), ordered.length - 1);
        if (seen.has(at)) continue;
        walk(at, 1);
        walk(at - 1, -1);
      }
      if (seen.size === 0) walk(0, 1);
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
    this.schedule('layout');
  }
}
