/**
 * The popup's first screen as static HTML, written into popup.html at build time (the `gloss-data`
 * plugin in `wxt.config.ts`), with the popup's style sheet inlined. The browser then paints the
 * search box and the first terms as soon as it has parsed the page, without waiting for the
 * script to load and run; when it has, Preact takes these nodes over (`render` into a container
 * with children reuses them and corrects any difference).
 *
 * The markup is what `Popup` renders first for an empty box (search tab, nothing saved yet, no
 * page terms, the first `FIRST_PAINT_OPTIONS` options). A unit test renders `Popup` and compares,
 * so a change to those components that is not made here too fails the tests.
 */
import {
  FIRST_PAINT_OPTIONS,
  browseGroups,
  revealLabel,
  type Option,
  type OptionGroup,
} from './popup-options';
import type { SearchTerm } from '../search/search-index';

/** `text` escaped for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An element with attributes (values escaped, in the order given) and trusted inner HTML. */
function el(tag: string, attributes: Record<string, string>, inner = ''): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

const TABS = [
  ['search', 'Search'],
  ['saved', 'Saved'],
  ['settings', 'Settings'],
] as const;

function header(): string {
  const tabs = TABS.map(([id, label]) =>
    el(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        'aria-selected': String(id === 'search'),
        'aria-controls': `panel-${id}`,
        tabindex: id === 'search' ? '0' : '-1',
      },
      label,
    ),
  ).join('');
  return el(
    'header',
    { class: 'top' },
    el(
      'h1',
      { class: 'brand' },
      el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'G') + 'Gloss',
    ) + el('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Gloss' }, tabs),
  );
}

function searchBox(): string {
  const icon = el(
    'svg',
    { class: 'search-icon', viewBox: '0 0 20 20', 'aria-hidden': 'true' },
    el('circle', {
      cx: '8.5',
      cy: '8.5',
      r: '5.5',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '2',
    }) +
      el('path', {
        d: 'M13 13l4.5 4.5',
        stroke: 'currentColor',
        'stroke-width': '2',
        'stroke-linecap': 'round',
      }),
  );
  // No `value`: Preact sets the box's value as a property, never as an attribute.
  const input = `<input ${Object.entries({
    id: 'search-input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'true',
    'aria-controls': 'search-results',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'search-hint',
    autofocus: '',
  })
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ')}>`;
  return el(
    'div',
    { class: 'search-box' },
    el(
      'label',
      { class: 'visually-hidden', for: 'search-input' },
      'Search India–Russia terms and facts',
    ) +
      icon +
      input +
      el('span', { id: 'search-hint', class: 'search-hint' }, 'Search: INSTC, S-400, Kabul…'),
  );
}

function option(o: Option): string {
  const attributes = { role: 'option', id: o.id };
  if (o.kind !== 'term') {
    return el(
      'div',
      { ...attributes, class: 'option option-more', 'aria-selected': 'false' },
      escapeHtml(revealLabel(o)),
    );
  }
  return el(
    'div',
    { ...attributes, class: 'option', 'aria-selected': 'false' },
    el(
      'span',
      { class: 'option-line' },
      el('span', { class: 'option-name' }, escapeHtml(o.term.name)),
    ) + el('span', { class: 'option-expansion' }, escapeHtml(o.term.expansion)),
  );
}

function group(g: OptionGroup): string {
  const rows = g.options.map(option).join('');
  if (!g.label) return rows;
  return el(
    'div',
    { role: 'group', 'aria-labelledby': `${g.id}-label`, class: 'group' },
    el(
      'div',
      { role: 'presentation', id: `${g.id}-label`, class: 'group-label' },
      escapeHtml(g.label),
    ) + rows,
  );
}

/**
 * The inside of `<div id="app">` for `terms` (A–Z, as the search index keeps them): the header
 * with its tabs, the search box and the first options of the empty box.
 */
export function prerenderPopup(terms: readonly SearchTerm[]): string {
  const groups = browseGroups(terms, null, {}, FIRST_PAINT_OPTIONS);
  const listbox = el(
    'div',
    { role: 'listbox', id: 'search-results', class: 'listbox', 'aria-label': 'Terms' },
    groups.map(group).join(''),
  );
  const search = el(
    'section',
    { class: 'search-view', 'aria-label': 'Search' },
    searchBox() + el('p', { class: 'visually-hidden', role: 'status' }) + listbox,
  );
  const panel = el(
    'main',
    { class: 'panel' },
    el('div', { id: 'panel-search', role: 'tabpanel', 'aria-labelledby': 'tab-search' }, search),
  );
  return el('div', { class: 'popup' }, header() + panel);
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
