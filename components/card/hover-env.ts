/**
 * The page side of hover tracking: how a pointer position becomes a text position, and the
 * rectangles of an occurrence, with the real DOM. Kept apart from the tracker (pure logic in
 * utils/) so the tracker is tested without a browser.
 */
import type { HoverEnv } from '../../utils/hover-tracker';

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

/** The hover environment of `doc` in `win`. */
export function hoverEnv(doc: Document, win: Window): HoverEnv {
  return {
    caretAt(x, y) {
      if (typeof doc.caretPositionFromPoint === 'function') {
        let p = doc.caretPositionFromPoint(x, y);
        // Over ordinary text one call does; only a hit on an element (a shadow host, say) is
        // worth the extra hit tests of looking for shadow roots (measured: 70% of a move's cost).
        if (p && p.offsetNode.nodeType !== 3) {
          const shadowRoots = shadowRootsAt(doc, x, y);
          if (shadowRoots.length > 0) p = doc.caretPositionFromPoint(x, y, { shadowRoots });
        }
        return p ? { node: p.offsetNode, offset: p.offset } : null;
      }
      const r = doc.caretRangeFromPoint?.(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    },
    rectsOf(o) {
      const range = doc.createRange();
      range.setStart(o.node, o.start);
      range.setEnd(o.node, o.end);
      return range.getClientRects();
    },
    requestFrame: (fn) => win.requestAnimationFrame(fn),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
  };
}
