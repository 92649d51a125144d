// @vitest-environment jsdom
/**
 * The search view in a DOM: a long result list shows its first page and a "Show all" option that
 * reveals the rest from the keyboard or the mouse, the live status counts every result, and the
 * emphasis follows the query over rows that are not rendered again.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { EMPHASIS_HIGHLIGHT } from '../../../components/popup/emphasis';
import { searchMemory } from '../../../components/popup/hooks/useSearch';
import { SearchView } from '../../../components/popup/SearchView';
import { RESULTS_PAGE } from '../../../components/popup/popup-options';
import { buildSearchIndex } from '../../../components/search/search-index';
import { createCoreSearcher } from '../../../components/search/search-core';
import { syntheticTerms } from '../../../data/synthetic-terms';

// jsdom has StaticRange but not the highlight registry: a stand-in that keeps what is registered.
const registry = new Map<string, Set<StaticRange>>();
beforeAll(() => {
  Object.assign(globalThis.CSS, { highlights: registry });
  // jsdom lays nothing out, so it has no scrolling either.
  Element.prototype.scrollIntoView = () => undefined;
  Object.assign(globalThis, { Highlight: class extends Set<StaticRange> {} });
});

const COUNT = 40;
const searcher = createCoreSearcher(buildSearchIndex(syntheticTerms(COUNT)));
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(opened: string[] = []) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => {
    render(
      <SearchView
        searcher={searcher}
        page={null}
        fuzzy={null}
        memory={searchMemory('')}
        textsOf={() => []}
        onOpen={(id) => opened.push(id)}
      />,
      root,
    );
  });
  const input = root.querySelector<HTMLInputElement>('#search-input') as HTMLInputElement;
  return {
    input,
    type(value: string) {
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    key(key: string) {
      act(() => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    },
    options: () => [...root.querySelectorAll('[role=option]')],
    status: () => root.querySelector('[role=status]')?.textContent,
    activeText: () =>
      document.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent,
  };
}

/** The text of each emphasised range. */
const emphasised = () =>
  [...(registry.get(EMPHASIS_HIGHLIGHT) ?? [])].map((r) =>
    (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset),
  );

test('a long list: the first page, "Show all" by keyboard reveals the rest, the status counts all', () => {
  const view = mount();
  view.type('synthetic');
  expect(view.status()).toBe(`${COUNT} results`);
  expect(view.options()).toHaveLength(RESULTS_PAGE + 1);
  expect(view.options().at(-1)?.textContent).toBe(`Show all ${COUNT} results`);

  // Up from the first option wraps to "Show all"; Enter reveals every result.
  view.key('ArrowUp');
  expect(view.activeText()).toBe(`Show all ${COUNT} results`);
  view.key('Enter');
  const options = view.options();
  expect(options).toHaveLength(COUNT);
  expect(options.every((o) => o.querySelector('.option-name'))).toBe(true);
  expect(view.status()).toBe(`${COUNT} results`);
  // The reader carries on from the first result that was hidden.
  expect(view.input.getAttribute('aria-activedescendant')).toBe(options[RESULTS_PAGE]?.id);
  view.key('ArrowDown');
  expect(view.input.getAttribute('aria-activedescendant')).toBe(options[RESULTS_PAGE + 1]?.id);

  // A new query starts from its first page again.
  view.type('synthetic ');
  view.type('synthetic b');
  view.type('synthetic');
  expect(view.options()).toHaveLength(RESULTS_PAGE + 1);
});

test('"Show all" by mouse, and Enter on a result opens it', () => {
  const opened: string[] = [];
  const view = mount(opened);
  view.type('synthetic');
  act(() => {
    (view.options().at(-1) as HTMLElement).click();
  });
  expect(view.options()).toHaveLength(COUNT);
  view.key('Enter');
  expect(opened).toHaveLength(1);
  expect(opened[0]).toMatch(/^synthetic-/);
});

test('the emphasis follows the query over the same rows, without rendering them again', () => {
  const view = mount();
  view.type('synthetic vanmi');
  const before = view.options();
  const names = before.map((o) => o.querySelector('.option-name')?.firstChild);
  expect(emphasised().length).toBeGreaterThan(0);
  expect(before.map((o) => o.querySelector('.option-name')?.textContent).sort()).toEqual([
    'Synthetic vanmirdan15',
    'Synthetic vanmirru31',
  ]);
  expect(new Set(emphasised())).toEqual(new Set(['Synthetic', 'vanmi']));

  view.type('synthetic vanmir');
  const after = view.options();
  expect(after.map((o) => o.id)).toEqual(before.map((o) => o.id));
  // The same elements and text nodes: only the emphasis moved.
  expect(after.map((o) => o.querySelector('.option-name')?.firstChild)).toEqual(names);
  expect(new Set(emphasised())).toEqual(new Set(['Synthetic', 'vanmir']));

  view.type('');
  expect(emphasised()).toEqual([]);
});
