import { describe, expect, test } from 'vitest';
import {
  BOOKMARKS_KEY,
  BOOKMARKS_VERSION,
  QUARANTINE_KEY,
  bookmarkKey,
  type Bookmark,
  type BookmarkEnvelope,
} from '../../../components/store/bookmark-store';
import { createBookmarkWriter, readBookmarkList } from '../../../components/store/bookmark-writer';
import { exportJson } from '../../../components/store/bookmark-io';
import { createWriteQueue } from '../../../components/store/write-queue';
import { fakeStorage, seeded } from './fake-storage';

const now = () => new Date('2025-03-01T10:00:00.000Z');
const page = { title: 'Tab', url: 'https://news.example/a' };
const stored = (s: { dump(): Record<string, unknown> }) =>
  s.dump()[BOOKMARKS_KEY] as BookmarkEnvelope;

describe('the single writer', () => {
  test('toggle, note, remove and restore write one whole envelope each', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage, { now });
    expect(await writer.toggle({ termId: 's-400', factId: 'deal-value', page })).toEqual({
      saved: true,
    });
    expect(
      await writer.setNote({ termId: 's-400', factId: 'deal-value', note: 'exam' }),
    ).toMatchObject({ note: 'exam' });
    expect(stored(storage)).toEqual({
      version: BOOKMARKS_VERSION,
      items: [
        { termId: 's-400', factId: 'deal-value', savedAt: now().toISOString(), page, note: 'exam' },
      ],
    });
    const removed = await writer.remove({ termId: 's-400', factId: 'deal-value' });
    expect(stored(storage).items).toEqual([]);
    expect(await writer.restore(removed)).toEqual({ restored: true });
    expect(stored(storage).items).toEqual([removed]);
    expect(await writer.keys()).toEqual(['s-400/deal-value']);
    expect(storage.sets).toBe(4);
  });

  test('a change that changes nothing writes nothing', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage, { now });
    expect(await writer.setNote({ termId: 'a', factId: 'b', note: 'x' })).toBeNull();
    expect(await writer.remove({ termId: 'a', factId: 'b' })).toBeNull();
    expect(storage.sets).toBe(0);
  });

  test('200 interleaved toggles and notes from five tabs and the popup lose nothing', async () => {
    const storage = fakeStorage({}, { random: seeded(7) });
    const writer = createBookmarkWriter(storage, { now });
    const rand = seeded(42);
    const expected = new Map<string, string>();
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i++) {
      const termId = `term-${Math.floor(rand() * 8)}`;
      const factId = `fact-${Math.floor(rand() * 6)}`;
      const key = `${termId}/${factId}`;
      const tab = i % 6; // tabs 0-4 and the popup (5)
      if (rand() < 0.7) {
        if (expected.has(key)) expected.delete(key);
        else expected.set(key, '');
        calls.push(
          writer.toggle({
            termId,
            factId,
            page: tab === 5 ? null : { ...page, title: `Tab ${tab}` },
          }),
        );
      } else {
        const note = `note ${i}`;
        if (expected.has(key)) expected.set(key, note);
        calls.push(writer.setNote({ termId, factId, note }));
      }
    }
    await Promise.all(calls);
    const items = stored(storage).items;
    expect(new Map(items.map((b) => [bookmarkKey(b), b.note]))).toEqual(expected);
    expect(items).toHaveLength(expected.size);
  });

  test('the same interleaving without one shared queue does lose writes (the test can fail)', async () => {
    const storage = fakeStorage({}, { random: seeded(7) });
    // Six writers, each with its own queue: what would happen without a single writer.
    const writers = Array.from({ length: 6 }, () =>
      createBookmarkWriter(storage, { now, queue: createWriteQueue() }),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        writers[i % 6]!.toggle({ termId: `term-${i}`, factId: 'f', page: null }),
      ),
    );
    expect(stored(storage).items.length).toBeLessThan(60);
  });

  test('a full storage quota: a clear error, and the bookmarks stay exactly as they were', async () => {
    const storage = fakeStorage({}, { quotaBytes: 600 });
    const writer = createBookmarkWriter(storage, { now });
    await writer.toggle({ termId: 'a', factId: 'f', page });
    const before = storage.dump();
    const error = await writer
      .setNote({ termId: 'a', factId: 'f', note: 'x'.repeat(1000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/storage for Gloss is full.*unchanged/);
    expect(storage.dump()).toEqual(before);
    // The queue carries on after a failure.
    expect(await writer.toggle({ termId: 'b', factId: 'g', page: null })).toEqual({ saved: true });
  });

  test('an import over quota is refused whole', async () => {
    const storage = fakeStorage({}, { quotaBytes: 700 });
    const writer = createBookmarkWriter(storage, { now });
    await writer.toggle({ termId: 'a', factId: 'f', page: null });
    const before = storage.dump();
    const items: Bookmark[] = Array.from({ length: 20 }, (_, i) => ({
      termId: `t-${i}`,
      factId: 'f',
      savedAt: now().toISOString(),
      page,
      note: '',
    }));
    const outcome = await writer.importText(exportJson(items, now()));
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/full/) });
    expect(storage.dump()).toEqual(before);
  });

  test('unreadable entries move to the quarantine on the next write, never deleted', async () => {
    const good: Bookmark = {
      termId: 'a',
      factId: 'f',
      savedAt: now().toISOString(),
      page: null,
      note: '',
    };
    const storage = fakeStorage({
      [BOOKMARKS_KEY]: { version: 2, items: [good, { termId: 'broken' }, 17] },
      [QUARANTINE_KEY]: [{ reason: 'older', value: 'kept', at: '2024-01-01T00:00:00.000Z' }],
    });
    // Reading alone reports, and writes nothing.
    expect(await readBookmarkList(storage)).toEqual({ items: [good], quarantined: 3 });
    expect(storage.sets).toBe(0);

    const writer = createBookmarkWriter(storage, { now });
    await writer.toggle({ termId: 'b', factId: 'g', page: null });
    const data = storage.dump();
    expect((data[BOOKMARKS_KEY] as BookmarkEnvelope).items.map(bookmarkKey)).toEqual([
      'a/f',
      'b/g',
    ]);
    expect(data[QUARANTINE_KEY]).toEqual([
      { reason: 'older', value: 'kept', at: '2024-01-01T00:00:00.000Z' },
      {
        reason: expect.stringMatching(/entry 2/),
        value: { termId: 'broken' },
        at: now().toISOString(),
      },
      { reason: expect.stringMatching(/entry 3/), value: 17, at: now().toISOString() },
    ]);
    expect(await readBookmarkList(storage)).toEqual({ items: expect.any(Array), quarantined: 3 });
  });

  test('a garbage record is kept whole in the quarantine when a new bookmark is saved', async () => {
    const storage = fakeStorage({ [BOOKMARKS_KEY]: '{"version":2,"ite' });
    await createBookmarkWriter(storage, { now }).toggle({ termId: 'a', factId: 'f', page: null });
    expect(storage.dump()[QUARANTINE_KEY]).toEqual([
      { reason: expect.any(String), value: '{"version":2,"ite', at: now().toISOString() },
    ]);
  });

  test('a version 1 record is migrated on the first write', async () => {
    const storage = fakeStorage({ [BOOKMARKS_KEY]: [{ key: 'a/f', at: Date.UTC(2021, 0, 1) }] });
    await createBookmarkWriter(storage, { now }).toggle({ termId: 'b', factId: 'g', page: null });
    expect(stored(storage)).toMatchObject({
      version: BOOKMARKS_VERSION,
      items: [{ termId: 'a' }, { termId: 'b' }],
    });
    expect(storage.dump()[QUARANTINE_KEY]).toBeUndefined();
  });
});
