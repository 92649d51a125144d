/**
 * Which frames load Gloss's page code. The content script runs in every frame of a page, and news
 * pages hold many that have nothing to read: ad slots, tracking pixels, empty embeds waiting for
 * a script. With the page code loaded in each, the benchmark's article between nine such frames
 * spent 32.8 ms of its main thread starting Gloss and 64 ms compiling on background threads; with
 * this gate, 13.2 and 6.6 ms (2026-12-08). A frame with no text waits, at the cost of one
 * observer, until text arrives. The top page always loads: the popup and the keyboard shortcut
 * talk to it.
 */
import { SKIPPED_TAGS } from './skipped-tags';

/** How long a frame's changes settle before its text is looked for again. */
export const RECHECK_MS = 250;

/**
 * True when `doc` shows any text Gloss could mark (a non-blank text node outside the elements the
 * page walk skips: scripts, styles, form fields, code), or holds a custom element, whose shadow
 * tree may hold text this walk cannot see. Stops at the first.
 */
export function hasReadableText(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  // SHOW_ELEMENT | SHOW_TEXT: elements to step over unread subtrees and spot custom elements.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  let node: Node | null = walker.currentNode;
  while (node) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (element.localName.includes('-') || element.shadowRoot) return true;
      if (SKIPPED_TAGS.has(element.localName)) {
        node = walker.nextSibling() ?? nextAfter(walker);
        continue;
      }
    } else if (/\S/.test((node as Text).data)) {
      return true;
    }
    node = walker.nextNode();
  }
  return false;
}

/** The node after the walker's current subtree, in document order (null at the end). */
function nextAfter(walker: TreeWalker): Node | null {
  while (walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

/**
 * Calls `load` once, now for the top page or a frame with text, else as soon as text appears in
 * the frame. What a frame's changes cost before then: one mutation callback, and a check every
 * `RECHECK_MS` at most while it keeps changing.
 */
export function loadWhenReadable(win: Window & typeof globalThis, load: () => void): void {
  const doc = win.document;
  if (win === win.top || hasReadableText(doc)) {
    load();
    return;
  }
  let timer: number | undefined;
  const observer = new win.MutationObserver(() => {
    observer.disconnect();
    timer ??= win.setTimeout(() => {
      timer = undefined;
      if (hasReadableText(doc)) load();
      else watch();
    }, RECHECK_MS);
  });
  const watch = () =>
    observer.observe(doc, { childList: true, characterData: true, subtree: true });
  watch();
}
