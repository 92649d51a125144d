/**
 * Walks the text of a page, skipping what must never be marked: code, scripts, form fields,
 * editable regions, text in another language than the terms' and Gloss's own UI. The walk can stop after any text
 * node and resume later, so the scanner can work in short slices that yield to the page.
 */
import { SKIPPED_TAGS } from './skipped-tags';

export { SKIPPED_TAGS };

/** Tag name of Gloss's own UI host and (where highlights are missing) of its wrappers. */
export const GLOSS_HOST_TAG = 'gloss-root';
export const GLOSS_MARK_TAG = 'gloss-mark';

const ELEMENT = 1;
const TEXT = 3;

/** The primary subtag of a `lang` value in lower case ("en" of "en-IN"); '' when it names none. */
export function primaryLanguage(lang: string): string {
  const dash = lang.indexOf('-');
  return (dash < 0 ? lang : lang.slice(0, dash)).trim().toLowerCase();
}

/** The language the page declares for `node`: its nearest `lang` attribute's, '' when none. */
export function languageAt(node: Node): string {
  const el = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
  const owner = el?.closest('[lang]');
  return owner ? primaryLanguage(owner.getAttribute('lang') ?? '') : '';
}

/** Scripts of the languages news is written in that do not use the Latin one, by primary subtag. */
const SCRIPTS: Record<string, string> = {
  ...Object.fromEntries(['ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ku'].map((l) => [l, 'Arab'])),
  ...Object.fromEntries(['he', 'yi'].map((l) => [l, 'Hebr'])),
  ...Object.fromEntries(
    ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn', 'tt', 'ba'].map((l) => [
      l,
      'Cyrl',
    ]),
  ),
  ...Object.fromEntries(['hi', 'mr', 'ne', 'sa', 'kok', 'mai'].map((l) => [l, 'Deva'])),
  ...Object.fromEntries(['bn', 'as'].map((l) => [l, 'Beng'])),
  ...Object.fromEntries(['zh', 'ja', 'ko'].map((l) => [l, 'Hani'])),
  pa: 'Guru',
  gu: 'Gujr',
  or: 'Orya',
  ta: 'Taml',
  te: 'Telu',
  kn: 'Knda',
  ml: 'Mlym',
  si: 'Sinh',
  th: 'Thai',
  lo: 'Laoo',
  km: 'Khmr',
  my: 'Mymr',
  ka: 'Geor',
  hy: 'Armn',
  am: 'Ethi',
  ti: 'Ethi',
  el: 'Grek',
  bo: 'Tibt',
  dv: 'Thaa',
};

/** The script a language (a primary subtag) is written in; the Latin one unless listed. */
export function scriptOf(lang: string): string {
  return SCRIPTS[lang] ?? 'Latn';
}

/**
 * True when text in `lang` (a primary subtag, '' unknown) is not for terms in `language`: it is
 * another language written in the same script, where an alias is likely an ordinary word of it
 * ("modi" in Latin, "Quad" in a French sentence). In a language of another script the terms'
 * aliases can only stand as names taken over as they are ("S-400" in an Arabic sentence), so
 * that text is matched.
 */
export function isForeign(lang: string, language: string): boolean {
  return (
    language !== '' && lang !== '' && lang !== language && scriptOf(lang) === scriptOf(language)
  );
}

/**
 * True when `el` and everything in it must be left alone: code, forms, editable regions, Gloss's
 * own UI, and text declared in another language than the terms' (`language`, '' for any).
 *
 * Hidden content is not skipped (since 2026-12-06): sites hide the article behind `hidden`,
 * `aria-hidden` or `inert` while a consent dialog is open and reveal it later, and a mark on text
 * that is not rendered is not painted. So it shows the moment the text does, with no attribute to
 * watch; what counts as "on the page" is decided by rendering (`checkVisibility`) when asked.
 */
export function isSkippedElement(el: Element, language = ''): boolean {
  return isSkippedTag(el, el.localName, language);
}

/** `isSkippedElement` for an element whose local name the caller has read already. */
function isSkippedTag(el: Element, tag: string, language: string): boolean {
  if (SKIPPED_TAGS.has(tag) || tag === GLOSS_HOST_TAG) return true;
  // Most elements carry no attributes at all: one call instead of two.
  if (!el.hasAttributes()) return false;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (language !== '') {
    const lang = el.getAttribute('lang');
    if (lang !== null && isForeign(primaryLanguage(lang), language)) return true;
  }
  return false;
}

/** True when `node` sits inside a skipped element (checked for text added after load). */
export function isInSkippedTree(node: Node, stopAt: Node | null = null, language = ''): boolean {
  // Only the nearest `lang` counts: an English quote inside a Russian section is English.
  let lang = language;
  for (
    let el = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (el === stopAt) return false;
    if (isSkippedElement(el, lang)) return true;
    if (lang !== '' && el.hasAttribute('lang')) lang = '';
  }
  return false;
}

/**
 * The elements besides custom ones that can hold a shadow root: the DOM standard's list for
 * `attachShadow` (https://dom.spec.whatwg.org/#valid-shadow-host-name). Any other element is not
 * asked for one: a call into the browser per link, list item or emphasis that cannot find any.
 */
export const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: the walk sees nothing else. */
const ELEMENTS_AND_TEXT = 0x1 | 0x4;

/**
 * A resumable depth-first walk over the readable text nodes under one root.
 *
 * The browser's TreeWalker does the stepping: one call per node, where stepping by hand cost
 * three or four (`firstChild`, `nextSibling`, `parentNode`), each a crossing into the browser; a
 * skipped element's subtree is stepped over with the walker's own sibling and parent moves. No
 * filter function: calling back into script for every node would cost more than it saves.
 */
export class TextWalker {
  private readonly walker: TreeWalker | null;
  private single: Text | null;
  /** Open shadow roots met on the way; the caller walks them too. */
  readonly shadowRoots: ShadowRoot[] = [];
  /**
   * Custom elements met without a shadow root: a component defined later attaches one, and no
   * mutation record tells (attachShadow is not a DOM change), so the caller looks again.
   */
  readonly waitingHosts: Element[] = [];

  /** `language`: the terms' language; subtrees declared in another one are skipped. */
  constructor(
    root: Node,
    private readonly language = '',
  ) {
    const doc = root.ownerDocument;
    this.single = root.nodeType === TEXT ? (root as Text) : null;
    this.walker = this.single || !doc ? null : doc.createTreeWalker(root, ELEMENTS_AND_TEXT);
    // A web component added to the page: its own shadow root holds its text.
    const shadow = root.nodeType === ELEMENT ? (root as Element).shadowRoot : null;
    if (shadow && !isSkippedElement(root as Element, language)) this.shadowRoots.push(shadow);
  }

  /** The next readable text node, or null when the walk is over. */
  next(): Text | null {
    if (this.single) {
      const text = this.single;
      this.single = null;
      return text;
    }
    const walker = this.walker;
    if (!walker) return null;
    let node = walker.nextNode();
    while (node) {
      if (node.nodeType === TEXT) return node as Text;
      const el = node as Element;
      const tag = el.localName;
      if (isSkippedTag(el, tag, this.language)) {
        node = this.pastSubtree(walker);
        continue;
      }
      if (tag.includes('-')) {
        const shadow = el.shadowRoot;
        if (shadow) this.shadowRoots.push(shadow);
        else this.waitingHosts.push(el);
      } else if (SHADOW_HOST_TAGS.has(tag)) {
        const shadow = el.shadowRoot;
        if (shadow) this.shadowRoots.push(shadow);
      }
      node = walker.nextNode();
    }
    return null;
  }

  /** Moves past the current node's subtree: its next sibling, or an ancestor's (within the root). */
  private pastSubtree(walker: TreeWalker): Node | null {
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      if (!walker.parentNode()) return null;
    }
  }
}
