// @vitest-environment jsdom
/**
 * The card controller in a DOM, with a popover that renders into a plain element: hover intent
 * opens the term's card, a failing background answer shows as a visible error (not silence),
 * a saved bookmark shows pressed, Escape, a click elsewhere and the grace period close it.
 */
import { render, type ComponentChildren } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Term } from '../../../data/schema';
import { CardController, GRACE_MS } from '../../../components/card/card-controller';
import type { CardPopover } from '../../../components/card/card-popover';
import { OccurrenceStore, type Occurrence } from '../../../components/page/occurrence-store';
import type { TermDetail } from '../../../components/shared/messages';
import { createMessageRouter, sendMessage } from '../../../components/shared/messaging';

const term: Term = {
  id: 'instc',
  name: 'INSTC',
  aliases: ['INSTC'],
  caseSensitive: true,
  expansion: 'International North–South Transport Corridor',
  category: 'economy',
  summary: 'A multimodal trade route for the tests of the card controller, long enough.',
  facts: [
    {
      id: 'route',
      text: 'A route from India to Russia.',
      date: '2021',
      sources: ['s1'],
      key: true,
    },
  ],
  related: [],
};
const detail: TermDetail = {
  term,
  sources: {
    s1: {
      id: 's1',
      short: 'Source one',
      title: 'One',
      publisher: 'P',
      author: null,
      published: '2021-12-06',
      kind: 'news',
    },
  },
  related: [],
  pack: null,
};

/** A popover that renders the card into an element of the document, with no shadow root. */
function fakePopover(doc: Document) {
  const el = doc.createElement('div');
  let open = false;
  const popover = {
    el,
    get isOpen() {
      return open;
    },
    contains: (node: EventTarget | null) => node instanceof Node && el.contains(node),
    open(content: ComponentChildren) {
      open = true;
      doc.body.append(el);
      render(content, el);
    },
    update: (content: ComponentChildren) => render(content, el),
    keepFocus: () => undefined,
    find: () => null,
    close() {
      open = false;
      render(null, el);
      el.remove();
    },
    destroy: () => undefined,
  };
  return popover;
}

let text: Text;
let occurrence: Occurrence;
beforeEach(() => {
  document.body.innerHTML = '<p>The INSTC route</p>';
  text = document.querySelector('p')!.firstChild as Text;
  occurrence = { node: text, start: 4, end: 9, term: 0, painted: false, range: null };
});
afterEach(() => vi.useRealTimers());

function controller(overrides: { toggleBookmark?: (t: string, f: string) => Promise<boolean> }) {
  const popover = fakePopover(document);
  const store = new OccurrenceStore();
  store.set(text, [occurrence]);
  const active: (Occurrence | null)[] = [];
  const ctl = new CardController({
    doc: document,
    store,
    painter: { setActive: (o) => active.push(o) },
    termIds: ['instc'],
    theme: () => 'system',
    fetchDetail: async (id) => (id === 'instc' ? detail : null),
    fetchBookmarks: async () => [],
    toggleBookmark: overrides.toggleBookmark ?? (async () => true),
    lookUp: async (q) => ({ query: q, matches: [] }),
    addOwnTerm: async () => {
      throw new Error('not in this test');
    },
    openFull: () => undefined,
    popover: popover as unknown as CardPopover,
  });
  return { ctl, popover, active };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('CardController', () => {
  test('hover intent opens the card of the term, marked active', async () => {
    const { ctl, popover, active } = controller({});
    ctl.hover.intent(occurrence, 10, 10);
    await settle();
    expect(popover.isOpen).toBe(true);
    expect(popover.el.querySelector('h2')?.textContent).toBe('INSTC');
    expect(popover.el.textContent).toContain('A route from India to Russia.');
    expect(active).toEqual([occurrence]);
    ctl.destroy();
  });

  test('a saved bookmark shows pressed', async () => {
    const { ctl, popover } = controller({});
    ctl.hover.intent(occurrence, 0, 0);
    await settle();
    const button = () => popover.el.querySelector<HTMLButtonElement>('button.bookmark')!;
    expect(button().getAttribute('aria-pressed')).toBe('false');
    button().click();
    await settle();
    expect(button().getAttribute('aria-pressed')).toBe('true');
    ctl.destroy();
  });

  test('a failing background answer reaches the card as a visible error', async () => {
    // The real edge: the background's router with a handler that fails, and the page's sender.
    const router = createMessageRouter({
      'bookmark:toggle': async () => {
        throw new Error('Storage is full');
      },
    });
    const runtime = { sendMessage: (m: unknown) => router(m, {}) ?? Promise.resolve(undefined) };
    const { ctl, popover } = controller({
      toggleBookmark: async (termId, factId) =>
        (await sendMessage(runtime, 'bookmark:toggle', { termId, factId, page: null })).saved,
    });
    ctl.hover.intent(occurrence, 0, 0);
    await settle();
    popover.el.querySelector<HTMLButtonElement>('button.bookmark')!.click();
    await settle();
    const status = popover.el.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Could not save the bookmark: Storage is full');
    expect(popover.el.querySelector('button.bookmark')?.getAttribute('aria-pressed')).toBe('false');
    ctl.destroy();
  });

  test('a term the background no longer knows says to reload, instead of an empty card', async () => {
    const { ctl, popover } = controller({});
    ctl.hover.intent({ ...occurrence, term: 5 }, 0, 0);
    await settle();
    expect(popover.isOpen).toBe(true);
    expect(popover.el.textContent).toContain('reload the page');
    ctl.destroy();
  });

  test('Escape and a click elsewhere close it; other keys are left to the page', async () => {
    const { ctl, popover } = controller({});
    ctl.hover.intent(occurrence, 0, 0);
    await settle();
    const key = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    document.body.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(false);
    expect(popover.isOpen).toBe(true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(popover.isOpen).toBe(false);
    ctl.hover.intent(occurrence, 0, 0);
    await settle();
    expect(popover.isOpen).toBe(true);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(popover.isOpen).toBe(false);
    ctl.destroy();
  });

  test('leaving the term closes it after the grace period, unless the pointer reaches the card', async () => {
    const { ctl, popover } = controller({});
    ctl.hover.intent(occurrence, 0, 0);
    await settle();
    vi.useFakeTimers();
    ctl.hover.leave(occurrence);
    ctl.popoverEvents.enter();
    vi.advanceTimersByTime(GRACE_MS * 2);
    expect(popover.isOpen).toBe(true);
    ctl.popoverEvents.leave();
    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(popover.isOpen).toBe(true);
    vi.advanceTimersByTime(1);
    expect(popover.isOpen).toBe(false);
    ctl.destroy();
  });
});
