import { describe, expect, test, vi } from 'vitest';
import type { Term } from '../../../data/schema';
import {
  createBackgroundHandlers,
  forwardNextTerm,
  termDetail,
} from '../../../components/background/handlers';
import type { FactBase } from '../../../data/fact-base';
import { createMessageRouter, sendMessage } from '../../../components/shared/messaging';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../components/store/settings';
import { applySettingsUpdate } from '../../../components/store/settings-update';
import { fakeStorage } from '../store/fake-storage';

const term = (id: string, related: string[] = []): Term => ({
  id,
  name: id.toUpperCase(),
  aliases: [id],
  caseSensitive: false,
  expansion: `${id} expansion`,
  category: 'defence',
  summary: 'A summary long enough for the schema of the fact base to accept it.',
  facts: [
    {
      id: 'one',
      text: 'A fact with enough words.',
      date: '2021',
      sources: ['a'],
      values: [
        { value: '1', sources: ['b'], date: '2021' },
        { value: '2', sources: ['a'], date: '2022' },
      ],
    },
  ],
  related,
});
const source = (id: string) => ({
  id,
  short: id,
  title: id,
  publisher: id,
  author: null,
  published: '2021',
  kind: 'news',
});
const base: FactBase = {
  terms: [term('instc', ['s-400', 'missing']), term('s-400')],
  sources: [source('a'), source('b'), source('c')],
};

/** A runtime whose sendMessage goes straight to the router, as the browser would. */
function wire(storage = fakeStorage()) {
  const openPage = vi.fn(async () => undefined);
  const { handlers } = createBackgroundHandlers({
    loadFactBase: async () => base,
    storage,
    openPage,
    now: () => new Date('2025-01-01T00:00:00Z'),
  });
  const router = createMessageRouter(handlers);
  const runtime = { sendMessage: (m: unknown) => router(m, {}) ?? Promise.resolve(undefined) };
  return { runtime, storage, openPage, router };
}

describe('background', () => {
  test('page:badge sets the sending tab’s badge, cleared at 0 or when the setting is off', async () => {
    const storage = fakeStorage();
    const badges: [number, string][] = [];
    const { handlers } = createBackgroundHandlers({
      loadFactBase: async () => base,
      storage,
      setBadge: async (tabId, text) => void badges.push([tabId, text]),
    });
    const router = createMessageRouter(handlers);
    const from = { tab: { id: 4 } };
    await router({ type: 'page:badge', payload: { count: 7 } }, from);
    await router({ type: 'page:badge', payload: { count: 0 } }, from);
    await router({ type: 'page:badge', payload: { count: 3 } }, {});
    await router({ type: 'settings:update', payload: { badge: false } }, {});
    await router({ type: 'page:badge', payload: { count: 7 } }, from);
    await router({ type: 'page:badge', payload: { count: Number.NaN } }, { tab: { id: 5 } });
    expect(badges).toEqual([
      [4, '7'],
      [4, ''],
      [4, ''],
      [5, ''],
    ]);
  });

  test('the fact base is read on first need; a failed read is an error and is tried again', async () => {
    let reads = 0;
    const { handlers } = createBackgroundHandlers({
      loadFactBase: async () => {
        reads++;
        if (reads === 1) throw new Error('The fact base could not be read (404).');
        return base;
      },
      storage: fakeStorage(),
    });
    expect(reads).toBe(0);
    const router = createMessageRouter(handlers);
    expect(await router({ type: 'term:get', payload: { id: 'instc' } }, {})).toEqual({
      ok: false,
      error: 'The fact base could not be read (404).',
    });
    const again = await router({ type: 'term:get', payload: { id: 'instc' } }, {});
    expect(again).toMatchObject({ ok: true, value: { term: { id: 'instc' } } });
    await router({ type: 'term:get', payload: { id: 's-400' } }, {});
    expect(reads).toBe(2);
  });

  test('term:get returns the term, only its cited sources, and its related names', async () => {
    const { runtime } = wire();
    const detail = await sendMessage(runtime, 'term:get', { id: 'instc' });
    expect(detail?.term.id).toBe('instc');
    expect(Object.keys(detail?.sources ?? {}).sort()).toEqual(['a', 'b']);
    expect(detail?.related).toEqual([{ id: 's-400', name: 'S-400' }]);
    expect(await sendMessage(runtime, 'term:get', { id: 'nope' })).toBeNull();
    expect(termDetail(base, 'nope')).toBeNull();
  });

  test('term:open opens the popup page of a known term in a tab', async () => {
    const { runtime, openPage } = wire();
    await sendMessage(runtime, 'term:open', { id: 's-400' });
    await sendMessage(runtime, 'term:open', { id: 'unknown' });
    expect(openPage.mock.calls).toEqual([['/popup.html?term=s-400']]);
  });

  test('bookmark messages go through the writer', async () => {
    const { runtime } = wire();
    const page = { title: 'T', url: 'https://a.example/' };
    expect(
      await sendMessage(runtime, 'bookmark:toggle', { termId: 'instc', factId: 'one', page }),
    ).toEqual({ saved: true });
    expect(await sendMessage(runtime, 'bookmark:keys', {})).toEqual(['instc/one']);
    expect(
      await sendMessage(runtime, 'bookmark:note', { termId: 'instc', factId: 'one', note: 'n' }),
    ).toMatchObject({ note: 'n' });
    const removed = await sendMessage(runtime, 'bookmark:remove', {
      termId: 'instc',
      factId: 'one',
    });
    expect(removed).toMatchObject({ termId: 'instc', note: 'n', page });
    expect(await sendMessage(runtime, 'bookmark:restore', { bookmark: removed! })).toEqual({
      restored: true,
    });
    expect(await sendMessage(runtime, 'bookmark:import', { text: '[]' })).toMatchObject({
      ok: false,
    });
  });

  test('settings:update writes the whole record once and returns it', async () => {
    const { runtime, storage } = wire();
    const after = await sendMessage(runtime, 'settings:update', {
      theme: 'dark',
      site: { host: 'news.example', enabled: false },
    });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', disabledSites: ['news.example'] });
    expect(storage.dump()[SETTINGS_KEY]).toEqual(after);
    expect(storage.sets).toBe(1);
  });

  test('concurrent settings changes are applied in turn', async () => {
    const { runtime, storage } = wire();
    await Promise.all([
      sendMessage(runtime, 'settings:update', { site: { host: 'a.example', enabled: false } }),
      sendMessage(runtime, 'settings:update', { site: { host: 'b.example', enabled: false } }),
      sendMessage(runtime, 'settings:update', { markMode: 'first' }),
    ]);
    expect(storage.dump()[SETTINGS_KEY]).toMatchObject({
      disabledSites: ['a.example', 'b.example'],
      markMode: 'first',
    });
  });

  test('the router ignores what is not a Gloss message or not its own', () => {
    const { router } = wire();
    expect(router('hello', {})).toBeUndefined();
    expect(router({ type: 'page:terms', payload: {} }, {})).toBeUndefined();
  });
});

test('applySettingsUpdate keeps current values for malformed fields and clamps the delay', () => {
  const current = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
  expect(applySettingsUpdate(current, { theme: 'purple' as never })).toEqual(current);
  expect(applySettingsUpdate(current, { hoverDelay: 99999 }).hoverDelay).toBe(1500);
  expect(applySettingsUpdate(current, { hoverDelay: Number.NaN }).hoverDelay).toBe(
    current.hoverDelay,
  );
  const off = applySettingsUpdate(current, { site: { host: 'x.example', enabled: false } });
  expect(
    applySettingsUpdate(off, { site: { host: 'x.example', enabled: false } }).disabledSites,
  ).toEqual(['x.example']);
  expect(
    applySettingsUpdate(off, { site: { host: 'x.example', enabled: true } }).disabledSites,
  ).toEqual([]);
});

test('the next-term command goes to the active tab, and fails quietly without one', async () => {
  const sent: unknown[] = [];
  const tabs = {
    query: async () => [{ id: 7 }],
    sendMessage: async (id: number, m: unknown) => {
      sent.push([id, m]);
      return { ok: true, value: true };
    },
  };
  expect(await forwardNextTerm(tabs)).toBe(true);
  expect(sent).toEqual([[7, { type: 'page:next-term', payload: {} }]]);
  expect(await forwardNextTerm({ ...tabs, query: async () => [] })).toBe(false);
  expect(
    await forwardNextTerm({
      ...tabs,
      sendMessage: async () => Promise.reject(new Error('no receiver')),
    }),
  ).toBe(false);
});
