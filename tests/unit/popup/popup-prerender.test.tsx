// @vitest-environment jsdom
/**
 * The first screen written into popup.html at build time must be what the popup renders first,
 * so that Preact takes it over without the reader seeing anything move.
 */
import { render } from 'preact';
import { expect, test } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import type { PopupApi } from '../../../components/popup/popup-api';
import { inlineStylesheet, prerenderPopup } from '../../../components/popup/popup-prerender';
import { DEFAULT_SETTINGS } from '../../../components/store/settings';
import { buildSearchIndex } from '../../../components/search/search-index';
import { createCoreSearcher } from '../../../components/search/search-core';
import { syntheticTerms } from '../../../data/synthetic-terms';

const never = () => new Promise<never>(() => undefined);
const api: PopupApi = {
  listBookmarks: never,
  readReviews: never,
  readPacks: never,
  readSettings: () => Promise.resolve(DEFAULT_SETTINGS),
  unreadSettings: () => Promise.resolve([]),
  watch: () => () => undefined,
  send: never,
  pageTerms: () => Promise.resolve(null),
  isInTab: () => Promise.resolve(false),
  openPage: never,
};

test('the prerendered screen is the popup’s first render, node for node', () => {
  const terms = syntheticTerms(30).map((t, i) => ({
    ...t,
    // Text that needs escaping, in a name and an expansion.
    name: i === 3 ? `A & B <"Q">` : t.name,
    category: (['defence', 'economy', 'people'] as const)[i % 3] ?? 'defence',
  }));
  const index = buildSearchIndex(terms);
  const rendered = document.createElement('div');
  render(
    <Popup
      api={api}
      searcher={createCoreSearcher(index)}
      loadFactBase={never}
      loadFuzzy={never}
      loadPackSearch={never}
      params={new URLSearchParams()}
      root={document.documentElement}
    />,
    rendered,
  );
  rendered.normalize();
  const written = document.createElement('div');
  written.innerHTML = prerenderPopup(index);
  written.normalize();
  // A browser reflects Preact's `spellcheck` property as this attribute; jsdom has no such property.
  expect(written.querySelector('#search-input')?.getAttribute('spellcheck')).toBe('false');
  written.querySelector('#search-input')?.removeAttribute('spellcheck');
  // A string renderer writes the empty box's value as an attribute; in the DOM it is a property.
  expect(written.querySelector('#search-input')?.getAttribute('value')).toBe('');
  written.querySelector('#search-input')?.removeAttribute('value');
  expect(written.innerHTML).toBe(rendered.innerHTML);
  expect(written.isEqualNode(rendered)).toBe(true);
  expect(written.querySelectorAll('[role=option]').length).toBeGreaterThan(0);
  expect(written.textContent).toContain('A & B <"Q">');
  render(null, rendered);
});

test('the style sheet goes inline, in place of its link; other links stay', () => {
  const html =
    '<head><link rel="icon" href="/icon.png"><link rel="stylesheet" crossorigin href="/assets/popup-1.css"></head>';
  const out = inlineStylesheet(html, '/assets/popup-1.css', 'a{color:red}b::after{content:"$&"}');
  expect(out).toBe(
    '<head><link rel="icon" href="/icon.png"><style>a{color:red}b::after{content:"$&"}</style></head>',
  );
  expect(inlineStylesheet(html, '/assets/other.css', 'x{}')).toBe(html);
});
