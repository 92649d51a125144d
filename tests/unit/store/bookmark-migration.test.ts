/**
 * Bookmarks version 3: each keeps the text of its fact as saved. Older stored values and older
 * export files are read and migrated, every entry kept; texts are filled in where a fact is found.
 */
import { describe, expect, test } from 'vitest';
import {
  BOOKMARKS_KEY,
  BOOKMARKS_VERSION,
  LIMITS,
  parseBookmarks,
  validateBookmark,
  type Bookmark,
  type BookmarkEnvelope,
  type FactText,
} from '../../../components/store/bookmark-store';
import { exportJson, parseImport } from '../../../components/store/bookmark-io';
import { merge } from '../../../components/store/bookmark-changes';
import { createBookmarkWriter } from '../../../components/store/bookmark-writer';
import { gradeEntry } from '../../../components/store/review-schedule';
import { fakeStorage } from './fake-storage';

const texts: Record<string, string> = {
  's-400/deal-value': 'The deal is worth more than US$5 billion.',
  'sample-glossary~orion-corridor/length': 'The route is 7 units long.',
};
const textOf: FactText = (termId, factId) => texts[`${termId}/${factId}`];
const v2 = (termId: string, factId: string, day: number, note = '') => ({
  termId,
  factId,
  savedAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
  page: day % 2 ? { title: 'A page', url: 'https://news.example/a' } : null,
  note,
});
const stored = (s: { dump(): Record<string, unknown> }) =>
  s.dump()[BOOKMARKS_KEY] as BookmarkEnvelope;

describe('reading older values', () => {
  test('version 2: texts filled where the fact is known; every entry kept as it was', () => {
    const items = [
      v2('s-400', 'deal-value', 1, 'exam'),
      v2('sample-glossary~orion-corridor', 'length', 2),
      v2('gone', 'missing', 3, 'keep me'),
    ];
    const read = parseBookmarks({ version: 2, items }, textOf);
    expect(read.migratedFrom).toBe(2);
    expect(read.rejects).toEqual([]);
    expect(read.items).toEqual([
      { ...items[0], text: texts['s-400/deal-value'] },
      { ...items[1], text: texts['sample-glossary~orion-corridor/length'] },
      items[2],
    ]);
    expect(read.items[2]).not.toHaveProperty('text');
  });

  test('version 1 goes straight to version 3', () => {
    const read = parseBookmarks([{ key: 's-400/deal-value', at: Date.UTC(2021, 10, 5) }], textOf);
    expect(read.migratedFrom).toBe(1);
    expect(read.items[0]?.text).toBe(texts['s-400/deal-value']);
  });

  test('without facts to read from, a version 2 value still reads whole', () => {
    const items = [v2('s-400', 'deal-value', 1), v2('gone', 'missing', 2)];
    const read = parseBookmarks({ version: 2, items });
    expect(read.items).toEqual(items);
    expect(read.migratedFrom).toBe(2);
  });

  test('the current version keeps its saved text as stored, even when the fact changed', () => {
    const saved = { ...v2('s-400', 'deal-value', 1), text: 'What it said then.' };
    const read = parseBookmarks({ version: BOOKMARKS_VERSION, items: [saved] }, textOf);
    expect(read).toEqual({ items: [saved], rejects: [] });
  });

  test('a saved text that is not text, or too long, is refused (and so kept aside)', () => {
    expect(validateBookmark({ ...v2('a', 'b', 1), text: 42 })).toMatch(/"text" is not text/);
    expect(validateBookmark({ ...v2('a', 'b', 1), text: 'x'.repeat(LIMITS.text + 1) })).toMatch(
      /longer/,
    );
    const read = parseBookmarks({
      version: BOOKMARKS_VERSION,
      items: [{ ...v2('a', 'b', 1), text: 1 }],
    });
    expect(read.items).toEqual([]);
    expect(read.rejects).toHaveLength(1);
  });
});

describe('the writer migrates', () => {
  test('migrate() writes version 3 with the texts, loses nothing, and then has nothing to do', async () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0 ? v2('s-400', 'deal-value', i + 1) : v2(`term-${i}`, `fact-${i}`, i + 1, `n${i}`),
    );
    // Duplicate keys are one bookmark already (parseBookmarks collapses them): keep them distinct.
    const distinct = items.filter(
      (b, i) => items.findIndex((x) => x.termId === b.termId && x.factId === b.factId) === i,
    );
    const storage = fakeStorage({ [BOOKMARKS_KEY]: { version: 2, items: distinct } });
    let lookups = 0;
    const writer = createBookmarkWriter(storage, {
      factText: async () => {
        lookups++;
        return textOf;
      },
    });
    expect(await writer.migrate()).toBe(true);
    const after = stored(storage);
    expect(after.version).toBe(BOOKMARKS_VERSION);
    expect(after.items.map(({ text: _, ...rest }) => rest)).toEqual(distinct);
    expect(after.items.filter((b) => b.text !== undefined).map((b) => b.termId)).toEqual(['s-400']);
    expect(await writer.migrate()).toBe(false);
    expect(storage.sets).toBe(1);
    // The facts are read only while there is something to migrate.
    await writer.setNote({ termId: 's-400', factId: 'deal-value', note: 'later' });
    expect(lookups).toBe(1);
  });

  test('any first write migrates the others too; a failing fact read still migrates', async () => {
    const storage = fakeStorage({
      [BOOKMARKS_KEY]: { version: 2, items: [v2('s-400', 'deal-value', 1)] },
    });
    const writer = createBookmarkWriter(storage, {
      factText: () => Promise.reject(new Error('no fact base')),
    });
    await writer.toggle({ termId: 'instc', factId: 'route', page: null, text: 'Now.' });
    expect(stored(storage)).toMatchObject({
      version: BOOKMARKS_VERSION,
      items: [{ termId: 's-400' }, { termId: 'instc', text: 'Now.' }],
    });
  });

  test('a new bookmark keeps the text it was saved with', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage);
    await writer.toggle({ termId: 's-400', factId: 'deal-value', page: null, text: 'Saved text.' });
    expect(stored(storage).items[0]?.text).toBe('Saved text.');
  });
});

describe('export files', () => {
  const t0 = new Date('2025-03-01T10:00:00.000Z');
  const items: Bookmark[] = [
    { ...v2('s-400', 'deal-value', 1, 'exam'), text: 'Saved then.' },
    { ...v2('sample-glossary~orion-corridor', 'length', 2), text: 'Route text.' },
    v2('gone', 'missing', 3),
  ];

  test('JSON round trip keeps saved texts and review history', () => {
    const graded = gradeEntry(gradeEntry(undefined, 3, t0), 4, new Date(t0.getTime() + 86_400_000));
    const reviews = new Map([['sample-glossary~orion-corridor/length', graded]]);
    const text = exportJson(items, t0, reviews);
    expect(JSON.parse(text).version).toBe(BOOKMARKS_VERSION);
    const parsed = parseImport(text);
    expect(parsed.ok && parsed.items).toEqual([items[2], items[1], items[0]]);
    expect(parsed.ok && [...parsed.reviews]).toEqual([...reviews]);
    // And again: an export of the imported bookmarks is the same file.
    expect(parsed.ok && exportJson(parsed.items, t0, parsed.reviews)).toBe(text);
  });

  test('a version 2 export file (no saved texts) still imports', () => {
    const file = {
      format: 'gloss-bookmarks',
      version: 2,
      exportedAt: t0.toISOString(),
      items: [v2('s-400', 'deal-value', 1, 'exam')],
    };
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, items: file.items, reviews: new Map() });
  });

  test('importing fills a missing saved text, never replaces one', () => {
    const mine = [v2('s-400', 'deal-value', 1), { ...v2('instc', 'route', 2), text: 'Mine.' }];
    const incoming = [
      { ...v2('s-400', 'deal-value', 5), text: 'From the file.' },
      { ...v2('instc', 'route', 6), text: 'Theirs.' },
    ];
    const { items: next } = merge(mine, incoming);
    expect(next.map((b) => b.text)).toEqual(['From the file.', 'Mine.']);
    expect(next[0]?.savedAt).toBe(mine[0]?.savedAt);
  });
});

describe('importing an older export file', () => {
  test('its bookmarks take their texts from the facts as they are now', async () => {
    const storage = fakeStorage();
    const writer = createBookmarkWriter(storage, { factText: async () => textOf });
    const file = {
      format: 'gloss-bookmarks',
      version: 2,
      exportedAt: '2025-03-01T10:00:00.000Z',
      items: [v2('s-400', 'deal-value', 1, 'exam'), v2('gone', 'missing', 2)],
    };
    expect(await writer.importText(JSON.stringify(file))).toMatchObject({ ok: true, added: 2 });
    expect(stored(storage).items).toEqual([
      { ...file.items[0], text: texts['s-400/deal-value'] },
      file.items[1],
    ]);
  });
});
