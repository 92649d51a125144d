/**
 * Two page-side helpers that the painter's viewport and the hover tracker both need: the text
 * position under a point, and a watch on the things that move text (scrolling, resizing, the
 * document changing size, fonts arriving). One implementation, so both see the page alike.
 */

/**
 * The text position under (x, y): caretPositionFromPoint where it exists (Firefox, Chromium
 * 128+), caretRangeFromPoint otherwise. `shadowRoots` are the open shadow roots to look inside.
 */
export function caretPosition(
  doc: Document,
  x: number,
  y: number,
  shadowRoots?: ShadowRoot[],
): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = shadowRoots
      ? doc.caretPositionFromPoint(x, y, { shadowRoots })
      : doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * Calls `listener(true)` when any scroller of `win`'s document scrolls or the viewport resizes,
 * and `listener(false)` when the document changes size (and, with `fonts`, when fonts finish
 * loading). With `sizeEveryMs`, size changes are reported at most that often: a live page grows
 * in every frame, and each report costs a callback (measured 2026-11-22: 594 reports a run on
 * the live benchmark page, 46 ms of script). Returns the remover.
 */
export function watchLayout(
  win: typeof globalThis,
  listener: (viewChanged: boolean) => void,
  options: { fonts?: boolean; sizeEveryMs?: number } = {},
): () => void {
  const doc = win.document;
  const capture = { capture: true, passive: true };
  // Scroll events reach a capturing listener on the document from every element.
  const moved = () => listener(true);
  const resized = () => listener(false);
  doc.addEventListener('scroll', moved, capture);
  win.addEventListener('resize', moved, capture);
  if (options.fonts) doc.fonts?.addEventListener('loadingdone', resized);
  const root = doc.documentElement;
  const every = options.sizeEveryMs;
  let size = '';
  let stopped = false;
  const observer =
    typeof win.ResizeObserver === 'function'
      ? new win.ResizeObserver((entries) => {
          if (every === undefined) {
            resized();
            return;
          }
          const box = entries[entries.length - 1]?.contentRect;
          const now = box ? `${box.width}x${box.height}` : '';
          // Observing again reports the size once even when it did not change.
          if (now === size) return;
          size = now;
          resized();
          observer?.disconnect();
          win.setTimeout(() => {
            if (!stopped) observer?.observe(root);
          }, every);
        })
      : null;
  observer?.observe(root);
  return () => {
    stopped = true;
    doc.removeEventListener('scroll', moved, capture);
    win.removeEventListener('resize', moved, capture);
    if (options.fonts) doc.fonts?.removeEventListener('loadingdone', resized);
    observer?.disconnect();
  };
}
