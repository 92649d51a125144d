/**
 * The page side of hover tracking, with the real DOM: the element a pointer event is about, the
 * text nodes the browser reports as that element, a text position from a point (for elements
 * with many marks), the rectangles of an occurrence, and the events after which rectangles read
 * earlier may be out of date. Kept apart from the tracker (pure logic in utils/) so the tracker
 * is tested without a browser.
 */
import type { HoverEnv } from './hover-tracker';
import { caretPosition, watchLayout } from './page-layout';
import type { Occurrence } from './occurrence-store';

/**
 * The open shadow roots under (x, y), outermost first: caretPositionFromPoint only looks inside
 * the shadow roots it is given, so without them text in web components could not be hovered.
 */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el?.shadowRoot && roots.length < 32) {
    roots.push(el.shadowRoot);
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (inner === el) break;
    el = inner;
  }
  return roots;
}

/** Elements with more child nodes than this are left to the browser's hit test. */
const MAX_CHILDREN = 64;

/** Adds the text nodes among the first children of `parent` to `out`; false if it has too many. */
function addTextChildren(parent: Node, out: Node[]): boolean {
  let k = 0;
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (++k > MAX_CHILDREN) return false;
    if (n.nodeType === 3) out.push(n);
  }
  return true;
}

/**
 * The hover environment of `doc` in `win`. `marks` tells which text nodes have marks the browser
 * holds now (near the viewport): their rectangles are read ahead.
 */
export function hoverEnv(
  doc: Document,
  win: Window & typeof globalThis,
  marks: { registeredNodes(): Iterable<Text> },
): HoverEnv {
  // One range, reused: every DOM call counts at the rate the pointer moves, and one more live
  // range is next to nothing for the browser to keep up to date.
  const range = doc.createRange();
  const rangeOf = (o: Occurrence): Range => {
    range.setStart(o.node, o.start);
    range.setEnd(o.node, o.end);
    return range;
  };
  return {
    targetOf(event) {
      // `target` is retargeted to the shadow host for what is inside a shadow root; the composed
      // path, which has the innermost target, is built only then.
      const target = event.target as (Partial<Element> & EventTarget) | null;
      return target?.shadowRoot ? (event.composedPath()[0] ?? target) : target;
    },
    textNodesOf(target) {
      const el = target as Partial<Element> & Node;
      if (typeof el.nodeType !== 'number' || el.nodeType !== 1) return [];
      const out: Node[] = [];
      if (!addTextChildren(el, out)) return null;
      // Text slotted into a shadow root is reported as its slot, text directly in a shadow root
      // as the host.
      const slot = el as Partial<HTMLSlotElement>;
      if (el.localName === 'slot' && typeof slot.assignedNodes === 'function') {
        for (const n of slot.assignedNodes({ flatten: true })) if (n.nodeType === 3) out.push(n);
      }
      if (el.shadowRoot && !addTextChildren(el.shadowRoot, out)) return null;
      return out;
    },
    nearbyTargets() {
      const targets = new Set<EventTarget>();
      for (const node of marks.registeredNodes()) {
        // What a pointer event reports for this text: its slot if it is slotted, the host if
        // it lies directly in a shadow root, its parent element otherwise.
        const parent = node.assignedSlot ?? node.parentNode;
        if (parent) targets.add(parent.nodeType === 11 ? (parent as ShadowRoot).host : parent);
      }
      return targets;
    },
    caretAt(x, y) {
      const p = caretPosition(doc, x, y);
      // Over ordinary text one call does; only a hit on an element (a shadow host, say) is
      // worth the extra hit tests of looking for shadow roots (measured: 70% of a move's cost).
      // caretRangeFromPoint takes no shadow roots: there the first answer stands.
      if (!p || p.node.nodeType === 3 || typeof doc.caretPositionFromPoint !== 'function') return p;
      const shadowRoots = shadowRootsAt(doc, x, y);
      return shadowRoots.length > 0 ? caretPosition(doc, x, y, shadowRoots) : p;
    },
    rectsOf(o) {
      return rangeOf(o).getClientRects();
    },
    // Scrolling, resizing, fonts arriving, the page growing or shrinking.
    watchLayout: (listener) => watchLayout(win, () => listener(), { fonts: true }),
    requestFrame: (fn) => win.requestAnimationFrame(fn),
    requestIdle: (fn) => {
      if (typeof win.requestIdleCallback === 'function')
        win.requestIdleCallback(fn, { timeout: 200 });
      else win.setTimeout(fn, 0);
    },
    now: () => win.performance.now(),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
  };
}
