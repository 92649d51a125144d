import { describe, expect, test } from 'vitest';
import {
  cleanPage,
  merge,
  remove,
  restore,
  setNote,
  toggle,
} from '../../../components/store/bookmark-changes';
import {
  BOOKMARKS_VERSION,
  newestFirst,
  parseBookmarks,
  parseQuarantine,
  validateBookmark,
  type Bookmark,
} from '../../../components/store/bookmark-store';

const at = (day: number) => new Date(Date.UTC(2025, 0, day, 12)).toISOString();
const b = (termId: string, factId: string, day = 1, note = ''): Bookmark => ({
  termId,
  factId,
  savedAt: at(day),
  page: { title: 'A page', url: 'https://example.com/a' },
  note,
});

describe('parseBookmarks', () => {
  test('nothing stored is an empty list', () => {
    expect(parseBookmarks(undefined)).toEqual({ items: [], rejects: [] });
  });

  test('reads the current envelope', () => {
    const items = [b('s-400', 'deal-value'), b('instc', 'route', 2, 'check')];
    expect(parseBookmarks({ version: BOOKMARKS_VERSION, items })).toEqual({ items, rejects: [] });
  });

  test('migrates version 1 (a bare array of keys and times)', () => {
    const read = parseBookmarks([
      {
        key: 's-400/deal-value',
        at: Date.UTC(2021, 10, 5),
        url: 'https://n.example/x',
        title: 'News',
      },
      { key: 'instc/route', at: Date.UTC(2021, 10, 6) },
    ]);
    expect(read.migratedFrom).toBe(1);
    expect(read.rejects).toEqual([]);
    expect(read.items).toEqual([
      {
        termId: 's-400',
        factId: 'deal-value',
        savedAt: '2021-11-05T00:00:00.000Z',
        page: { title: 'News', url: 'https://n.example/x' },
        note: '',
      },
      {
        termId: 'instc',
        factId: 'route',
        savedAt: '2021-11-06T00:00:00.000Z',
        page: null,
        note: '',
      },
    ]);
  });

  test('keeps readable entries and sets the unreadable ones aside, without throwing', () => {
    const good = b('s-400', 'deal-value');
    const raw = {
      version: 2,
      items: [good, { termId: 5 }, 'garbage', null, { ...good, factId: 'other', savedAt: 'never' }],
    };
    const read = parseBookmarks(raw);
    expect(read.items).toEqual([good]);
    expect(read.rejects.map((r) => r.value)).toEqual([
      { termId: 5 },
      'garbage',
      null,
      raw.items[4],
    ]);
    expect(read.rejects[0]?.reason).toMatch(/termId/);
  });

  test.each([
    ['a string (truncated JSON)', '{"version":2,"items":[{"termId"'],
    ['a number', 42],
    ['an object without items', { version: 2 }],
    ['items that are not a list', { version: 2, items: 'x' }],
  ])('an unknown shape (%s) is kept whole as a reject', (_label, raw) => {
    const read = parseBookmarks(raw);
    expect(read.items).toEqual([]);
    expect(read.rejects).toEqual([{ reason: expect.any(String), value: raw }]);
  });

  test('a newer version is kept whole aside, and what this version can read is salvaged', () => {
    const raw = {
      version: BOOKMARKS_VERSION + 1,
      items: [b('s-400', 'deal-value'), { termId: 'x', fancy: true }],
    };
    const read = parseBookmarks(raw);
    expect(read.items).toEqual([b('s-400', 'deal-value')]);
    expect(read.rejects).toEqual([{ reason: expect.stringMatching(/newer/), value: raw }]);
  });

  test('duplicates collapse into one, keeping a note', () => {
    const read = parseBookmarks({ version: 2, items: [b('a', 'f'), b('a', 'f', 2, 'mine')] });
    expect(read.items).toEqual([b('a', 'f', 1, 'mine')]);
  });
});

test('parseQuarantine keeps a malformed quarantine inside itself', () => {
  expect(parseQuarantine(undefined)).toEqual([]);
  expect(parseQuarantine('odd')).toEqual([
    { reason: expect.any(String), value: 'odd', at: expect.any(String) },
  ]);
});

test('validateBookmark rejects wrong types and oversized strings', () => {
  expect(validateBookmark({ ...b('a', 'f'), note: 7 })).toMatch(/note/);
  expect(validateBookmark({ ...b('a', 'f'), page: { title: 1, url: 'x' } })).toMatch(/page/);
  expect(validateBookmark({ ...b('a', 'f'), note: 'x'.repeat(6000) })).toMatch(/longer/);
  expect(validateBookmark({ ...b('A B', 'f') })).toMatch(/termId/);
  expect(validateBookmark({ ...b('a', 'f'), page: undefined, note: undefined })).toEqual({
    ...b('a', 'f'),
    page: null,
  });
});

test('newestFirst sorts by save time, newest first', () => {
  const items = [b('a', 'x', 1), b('b', 'x', 3), b('c', 'x', 2)];
  expect(newestFirst(items).map((x) => x.termId)).toEqual(['b', 'c', 'a']);
});

describe('changes', () => {
  const now = new Date(at(9));

  test('toggle saves, then removes', () => {
    const page = { title: '  <b>Title</b>  ', url: 'https://e.example/p' };
    const first = toggle([], { termId: 'a', factId: 'f', page }, now);
    expect(first.result).toEqual({ saved: true });
    expect(first.items).toEqual([
      {
        termId: 'a',
        factId: 'f',
        savedAt: now.toISOString(),
        page: { title: '<b>Title</b>', url: page.url },
        note: '',
      },
    ]);
    const second = toggle(first.items, { termId: 'a', factId: 'f', page: null }, now);
    expect(second).toEqual({ items: [], result: { saved: false }, changed: true });
  });

  test('toggle refuses ids that are not ids', () => {
    expect(() => toggle([], { termId: '../x', factId: 'f', page: null }, now)).toThrow(/termId/);
    expect(() => toggle([], { termId: 'a~b~c', factId: 'f', page: null }, now)).toThrow(/termId/);
    expect(() => toggle([], { termId: 's-400', factId: 'a~b', page: null }, now)).toThrow(/factId/);
  });

  test('a fact of an imported pack (packId~termId) can be saved', () => {
    const saved = toggle([], { termId: 'my-pack~orion', factId: 'length', page: null }, now);
    expect(saved.items.map((x) => x.termId)).toEqual(['my-pack~orion']);
    expect(validateBookmark({ ...b('my-pack~orion', 'length') })).toMatchObject({
      termId: 'my-pack~orion',
    });
  });

  test('cleanPage drops pages without an address and bounds titles', () => {
    expect(cleanPage({ title: 'x', url: '' })).toBeNull();
    expect(cleanPage({ title: '', url: 'https://a.example/' })).toEqual({
      title: 'https://a.example/',
      url: 'https://a.example/',
    });
    expect(cleanPage({ title: 't'.repeat(5000), url: 'https://a.example/' })?.title).toHaveLength(
      1000,
    );
  });

  test('setNote changes only the one bookmark, and reports an unsaved fact', () => {
    const items = [b('a', 'f'), b('b', 'g')];
    const changed = setNote(items, { termId: 'b', factId: 'g', note: 'n' });
    expect(changed.items).toEqual([b('a', 'f'), b('b', 'g', 1, 'n')]);
    expect(changed.changed).toBe(true);
    expect(setNote(items, { termId: 'z', factId: 'g', note: 'n' })).toMatchObject({
      result: null,
      changed: false,
    });
  });

  test('remove then restore puts the bookmark back exactly', () => {
    const items = [b('a', 'f', 1, 'note'), b('b', 'g', 2)];
    const removed = remove(items, { termId: 'a', factId: 'f' });
    expect(removed.result).toEqual(b('a', 'f', 1, 'note'));
    const restored = restore(removed.items, removed.result);
    expect(newestFirst(restored.items)).toEqual(newestFirst(items));
    expect(restore(restored.items, removed.result).result).toEqual({ restored: false });
  });

  test('merge adds new facts, fills empty notes, never duplicates', () => {
    const items = [b('a', 'f'), b('b', 'g', 1, 'keep')];
    const merged = merge(items, [
      b('a', 'f', 5, 'imported'),
      b('b', 'g', 5, 'other'),
      b('c', 'h', 5),
    ]);
    expect(merged.result).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(merged.items).toEqual([
      b('a', 'f', 1, 'imported'),
      b('b', 'g', 1, 'keep'),
      b('c', 'h', 5),
    ]);
    expect(merge(merged.items, merged.items).changed).toBe(false);
  });
});
