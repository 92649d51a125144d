/**
 * Emphasis of the characters a query matched in the result list, painted with the CSS Custom
 * Highlight API over text nodes that stay as they are. Most keystrokes keep the same results and
 * only move the emphasis (one more letter matched): the rows then change no element and Preact
 * skips them, and the browser repaints their text without restyling, laying out or shaping it.
 * `<mark>` elements would split and rebuild every row's text on every keystroke. The manifest's
 * minimum versions all have the API; without it (unit tests) the text is shown unemphasised.
 */
import type { Range } from '../search/search-highlight';

/** The highlight's name; `popup-search.css` styles it. */
export const EMPHASIS_HIGHLIGHT = 'gloss-search';

/** Characters of one text node to emphasise. */
export interface Emphasis {
  /** The element whose only child is the text. */
  element: Element | null;
  ranges: readonly Range[];
}

let shared: Highlight | null | undefined;

/** The popup's one highlight, registered on first use; null without the API. */
function highlight(): Highlight | null {
  if (shared !== undefined) return shared;
  const registry = globalThis.CSS?.highlights;
  shared = registry && typeof Highlight === 'function' ? new Highlight() : null;
  if (shared) registry?.set(EMPHASIS_HIGHLIGHT, shared);
  return shared;
}

/** Replaces what is emphasised with `list`. */
export function emphasise(list: readonly Emphasis[]): void {
  const target = highlight();
  if (!target) return;
  target.clear();
  for (const { element, ranges } of list) {
    const node = element?.firstChild;
    if (node?.nodeType !== Node.TEXT_NODE) continue;
    for (const [start, end] of ranges) {
      // StaticRange: the browser does not track it through DOM changes (a live Range it would).
      target.add(
        new StaticRange({
          startContainer: node,
          startOffset: start,
          endContainer: node,
          endOffset: end,
        }),
      );
    }
  }
}
