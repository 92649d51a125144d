/**
 * The page side of the highlight painter: the highlight API of a window, and how the painter
 * tells which marks are near the viewport (rectangles, hit tests, scrolling and resizing). Kept
 * apart from the painter's logic so that logic can be driven by a fake viewport in tests.
 */
import { caretPosition, watchLayout } from './page-layout';

/** How often a resizing page is checked for marks that moved. */
export const RESIZE_CHECK_MS = 100;

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
   * Tells once, after the browser's next layout, whether each of `nodes` is within `margin`
   * viewport heights of the viewport. Asynchronous and without reading layout itself, so a page
   * that keeps changing is never laid out an extra time for it.
   */
  whenNear(nodes: Iterable<Text>, margin: number, callback: (node: Text) => void): void;
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

/** The viewport of `win` as the painter sees it; undefined without a document or frames. */
export function viewportEnv(win: typeof globalThis): ViewportEnv | undefined {
  const doc = win.document;
  if (!doc || typeof win.requestAnimationFrame !== 'function') return undefined;
  const range = doc.createRange();
  // Elements waiting for their first intersection report, and what to call for them.
  const waiting = new Map<Element, { node: Text; callback: (node: Text) => void }[]>();
  const observers = new NearObservers(waiting);
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
    nodeAt: (x, y) => caretPosition(doc, x, y)?.node ?? null,
    requestFrame: (callback) => void win.requestAnimationFrame(callback),
    now: () => win.performance.now(),
    setTimeout: (callback, ms) => void win.setTimeout(callback, ms),
    whenNear(nodes, margin, callback) {
      if (typeof win.IntersectionObserver !== 'function') {
        for (const node of nodes) callback(node);
        return;
      }
      for (const node of nodes) {
        const parent = node.parentElement;
        if (!parent) {
          callback(node);
          continue;
        }
        const list = waiting.get(parent);
        if (list) {
          list.push({ node, callback });
          continue;
        }
        waiting.set(parent, [{ node, callback }]);
        observers.get(margin, win).observe(parent);
      }
    },
    watch(listener) {
      // Content that grows or shrinks moves marks in or out of view without any scrolling.
      const stop = watchLayout(win, listener, { sizeEveryMs: RESIZE_CHECK_MS });
      return () => {
        stop();
        observers.disconnect();
      };
    },
  };
}

/**
 * One intersection observer per margin, created when first needed. Observing an element makes
 * the browser report it once after its next layout; that report is all `whenNear` needs, so the
 * element is unobserved right away.
 */
class NearObservers {
  private readonly byMargin = new Map<number, IntersectionObserver>();

  constructor(
    private readonly waiting: Map<Element, { node: Text; callback: (node: Text) => void }[]>,
  ) {}

  /** Stops every observer and forgets what was waiting. */
  disconnect(): void {
    for (const observer of this.byMargin.values()) observer.disconnect();
    this.byMargin.clear();
    this.waiting.clear();
  }

  get(margin: number, win: typeof globalThis): IntersectionObserver {
    let observer = this.byMargin.get(margin);
    if (!observer) {
      const share = `${Math.round(margin * 100)}%`;
      const created: IntersectionObserver = new win.IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            created.unobserve(entry.target);
            const list = this.waiting.get(entry.target);
            this.waiting.delete(entry.target);
            if (list && entry.isIntersecting) for (const w of list) w.callback(w.node);
          }
        },
        { rootMargin: `${share} 0px ${share} 0px` },
      );
      observer = created;
      this.byMargin.set(margin, observer);
    }
    return observer;
  }
}
