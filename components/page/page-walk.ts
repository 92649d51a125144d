/**
 * Walks the text a reader can read, skipping what must never be marked: code, scripts, form
 * fields, editable regions, hidden subtrees and Gloss's own UI. The walk can stop after any text
 * node and resume later, so the scanner can work in short slices that yield to the page.
 */

/** Elements whose text is never marked. */
export const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Tag name of Gloss's own UI host and (where highlights are missing) of its wrappers. */
export const GLOSS_HOST_TAG = 'gloss-root';
export const GLOSS_MARK_TAG = 'gloss-mark';

const ELEMENT = 1;
const TEXT = 3;

/** True when `el` and everything in it must be left alone. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag) || tag === GLOSS_HOST_TAG) return true;
  // Most elements carry no attributes at all: one call instead of three.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return false;
}

/** True when `node` sits inside a skipped element (checked for text added after load). */
export function isInSkippedTree(node: Node, stopAt: Node | null = null): boolean {
  for (
    let el = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (el === stopAt) return false;
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** A resumable depth-first walk over the readable text nodes under one root. */
export class TextWalker {
  private cursor: Node | null;
  private single = false;
  /** Open shadow roots met on the way; the caller walks them too. */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(private readonly root: Node) {
    this.cursor = root.nodeType === TEXT ? root : root.firstChild;
    if (root.nodeType === TEXT) this.single = true;
    // A web component added to the page: its own shadow root holds its text.
    const shadow = root.nodeType === ELEMENT ? (root as Element).shadowRoot : null;
    if (shadow && !isSkippedElement(root as Element)) this.shadowRoots.push(shadow);
  }

  /** The next readable text node, or null when the walk is over. */
  next(): Text | null {
    let node = this.cursor;
    while (node) {
      const type = node.nodeType;
      if (type === TEXT) {
        this.cursor = this.single ? null : this.after(node);
        return node as Text;
      }
      if (type === ELEMENT && !isSkippedElement(node as Element)) {
        const shadow = (node as Element).shadowRoot;
        if (shadow) this.shadowRoots.push(shadow);
        const child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
      }
      node = this.after(node);
    }
    this.cursor = null;
    return null;
  }

  /** True when the walk was cut off by a change to the tree (the cursor left the document). */
  get stranded(): boolean {
    return this.cursor !== null && !this.root.contains(this.cursor);
  }

  private after(node: Node): Node | null {
    let n: Node | null = node;
    while (n && n !== this.root) {
      const sibling = n.nextSibling;
      if (sibling) return sibling;
      n = n.parentNode;
    }
    return null;
  }
}
