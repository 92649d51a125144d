/**
 * Paints occurrences with the CSS Custom Highlight API, so the page's own DOM is never touched:
 * no wrapped text, no broken layouts or page scripts. StaticRange rather than Range, because the
 * browser updates every live Range on every DOM change; the scanner re-paints edited nodes itself.
 * The manifest's minimum versions (Chrome 105+, Firefox 140+) all have the API.
 *
 * On a page with many marks only those near the viewport are handed to the browser (see
 * viewport-window.ts for why and how), and a mark's StaticRange is made only when it is.
 */
import { DocumentOrder } from './document-order';
import type { HighlightEnv } from './highlight-env';
import { ViewportWindow } from './viewport-window';
import type { Occurrence } from './occurrence-store';

/** Names of the highlights; `public/gloss.css` styles them. */
export const HIGHLIGHT_NAMES = {
  underline: 'gloss-underline',
  background: 'gloss-background',
  active: 'gloss-active',
} as const;

/** Up to this many marks every one is registered (the browser's cost for them is negligible). */
export const REGISTER_ALL_LIMIT = 64;

/** One named highlight holding the painted occurrences, plus one for the active occurrence. */
export class HighlightPainter {
  private readonly marks: Highlight;
  private readonly active: Highlight;
  private name: string;
  /** Painted occurrences by text node. */
  private readonly byNode = new Map<Text, Occurrence[]>();
  private total = 0;
  /** Painted nodes of the main document in document order. */
  private readonly order = new DocumentOrder((node) => this.byNode.has(node));
  /** Painted nodes in open shadow roots: few, not in `order`, always registered. */
  private readonly loose = new Set<Text>();
  /** Set while only marks near the viewport are registered. */
  private window: ViewportWindow | null = null;
  /** Ranges kept from the browser while held (see `hold`); null when not held. */
  private held: AbstractRange[] | null = null;

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

  /**
   * Paints `occurrences` (their ranges are made when the browser is handed them). `after`: a node
   * of the same tree that the caller knows comes before theirs (see `DocumentOrder.add`), or null.
   */
  paint(occurrences: readonly Occurrence[], after: Text | null = null): void {
    for (const o of occurrences) {
      if (o.painted) continue;
      o.painted = true;
      this.total++;
      const list = this.byNode.get(o.node);
      if (list) list.push(o);
      else {
        this.byNode.set(o.node, [o]);
        // Shadow-tree nodes are not comparable in document order: always registered instead. A
        // node of the same tree as a painted `after` is where `after` is, with no need to ask.
        const tree =
          after !== null && this.byNode.has(after)
            ? this.loose.has(after)
            : o.node.getRootNode() !== o.node.ownerDocument;
        if (tree) this.loose.add(o.node);
        else this.order.add(o.node, after);
      }
      // Past the limit mid-batch, the rest of the batch already goes through the window.
      if (!this.window && this.total > REGISTER_ALL_LIMIT && this.env.viewport) {
        // The window decides what is registered from now on, and repaints at most once a frame.
        // Held marks never reach the browser: the window's first look registers those near the
        // viewport. Releasing them first registered 64 and dropped most a frame later, and on
        // the large page each change to the registry costs a frame ~6 ms of pre-paint (measured
        // 2026-12-07: 30 ranges registered there, 6.2 ms pre-paint and 2.4 ms paint).
        const registered = this.held === null;
        this.held = null;
        this.window = new ViewportWindow(
          this.env.viewport,
          {
            byNode: this.byNode,
            order: this.order,
            loose: this.loose,
            marks: this.marks,
            rangeOf: (p) => this.rangeOf(p),
          },
          registered,
        );
      }
      if (this.window) this.window.painted(o.node, o, !list);
      else if (this.held) this.held.push(this.rangeOf(o));
      else this.marks.add(this.rangeOf(o));
    }
    this.window?.flush();
  }

  /** Removes `occurrences` from the page. */
  unpaint(occurrences: readonly Occurrence[]): void {
    for (const o of occurrences) {
      if (!o.painted) continue;
      if (o.range) {
        this.marks.delete(o.range);
        this.active.delete(o.range);
        const at = this.held?.indexOf(o.range) ?? -1;
        if (at >= 0) this.held?.splice(at, 1);
      }
      o.painted = false;
      o.range = null;
      this.total--;
      const list = this.byNode.get(o.node);
      if (!list) continue;
      const at = list.indexOf(o);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) {
        this.byNode.delete(o.node);
        this.window?.forget(o.node);
        this.loose.delete(o.node);
        this.order.release(o.node);
      }
    }
    if (this.window && this.total <= REGISTER_ALL_LIMIT / 2) this.registerAll();
  }

  /**
   * Keeps new marks from the browser until `release`. A first scan of several slices would
   * otherwise have the page repaint its highlights after each one: on the news-site page (3,365
   * text nodes, 23 marks, 3–4 slices) the frames in between cost more than painting the marks
   * once. Only while every mark is registered: with many marks, the viewport window already
   * repaints at most once a frame.
   */
  hold(): void {
    if (!this.window) this.held ??= [];
  }

  /** Hands the held marks to the browser, all at once. */
  release(): void {
    const held = this.held;
    this.held = null;
    if (held) for (const range of held) this.marks.add(range);
  }

  /** Shows `occurrence` as the active one (the card's, or the keyboard's), or none. */
  setActive(occurrence: Occurrence | null): void {
    this.active.clear();
    if (occurrence?.painted) this.active.add(this.rangeOf(occurrence));
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
    return this.window ? this.window.shown : this.byNode.keys();
  }

  /** Removes every mark Gloss painted. */
  destroy(): void {
    this.window?.destroy();
    this.window = null;
    this.marks.clear();
    this.active.clear();
    this.byNode.clear();
    this.order.clear();
    this.loose.clear();
    this.held = null;
    this.total = 0;
    if (this.env.registry.get(this.name) === this.marks) this.env.registry.delete(this.name);
    if (this.env.registry.get(HIGHLIGHT_NAMES.active) === this.active) {
      this.env.registry.delete(HIGHLIGHT_NAMES.active);
    }
  }

  /** Back to registering every mark (few are left). */
  private registerAll(): void {
    const shown = this.window?.shown ?? new Set<Text>();
    this.window?.destroy();
    this.window = null;
    for (const [node, list] of this.byNode) {
      if (shown.has(node)) continue;
      for (const o of list) if (o.painted) this.marks.add(this.rangeOf(o));
    }
  }

  /** The range of a painted occurrence, made the first time the browser needs it. */
  private rangeOf(o: Occurrence): AbstractRange {
    o.range ??= new this.env.StaticRange({
      startContainer: o.node,
      startOffset: o.start,
      endContainer: o.node,
      endOffset: o.end,
    });
    return o.range;
  }
}
