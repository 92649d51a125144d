/**
 * The popup's first screen as static HTML, written into popup.html at build time (the `gloss-data`
 * plugin in `wxt.config.ts`), with the popup's style sheet inlined. The browser then paints the
 * search box and the first terms as soon as it has parsed the page, without waiting for the
 * script to load and run; when it has, Preact takes these nodes over (`render` into a container
 * with children reuses them and corrects any difference).
 *
 * The markup is `Popup` itself rendered to a string (preact-render-to-string runs no effects,
 * so it is exactly the popup's first render: search tab, empty box, nothing loaded yet). A unit
 * test renders `Popup` in a DOM and compares, node for node.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Popup } from './Popup';
import type { PopupApi } from './popup-api';
import { createCoreSearcher } from '../search/search-core';
import type { SearchIndex } from '../search/search-index';

/** Nothing answers at build time: the first render is the one before any answer arrives. */
const never = () => new Promise<never>(() => undefined);
const buildTimeApi: PopupApi = {
  listBookmarks: never,
  readReviews: never,
  readPacks: never,
  readSettings: never,
  unreadSettings: never,
  watch: () => () => undefined,
  send: never,
  pageTerms: never,
  isInTab: never,
  openPage: never,
};

/** The inside of `<div id="app">` for the search index: the popup's first render, as HTML. */
export function prerenderPopup(index: SearchIndex): string {
  return renderToString(
    h(Popup, {
      api: buildTimeApi,
      searcher: createCoreSearcher(index),
      loadFactBase: never,
      loadFuzzy: never,
      loadPackSearch: never,
      params: new URLSearchParams(),
      // Only effects touch the root (the theme), and none run here.
      root: {} as HTMLElement,
    }),
  );
}

/**
 * `html` with the `<link rel="stylesheet">` that loads `href` replaced by a `<style>` holding
 * `css`: the first paint then waits for no other file. Unchanged if there is no such link.
 */
export function inlineStylesheet(html: string, href: string, css: string): string {
  const link = new RegExp(
    `<link\\b[^>]*\\brel="stylesheet"[^>]*\\bhref="${escapeRegExp(href)}"[^>]*>`,
  );
  // A function replacement: `$` in the CSS must stay as it is.
  return html.replace(link, () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
