/**
 * The review schedule: today's bookmarks are due with nothing migrated or written, grades are
 * scheduled by FSRS (ts-fsrs) and stored with their history, bad stored data is kept aside, and
 * the writer grades only saved facts.
 */
import { describe, expect, test } from 'vitest';
import { BOOKMARKS_KEY, type Bookmark } from '../../../components/store/bookmark-store';
import {
  REVIEWS_KEY,
  REVIEWS_QUARANTINE_KEY,
  parseReviews,
  dueBookmarks,
  nextDue,
  reviewEnvelope,
  validateReviewEntry,
} from '../../../components/store/review-store';
import { gradeEntry } from '../../../components/store/review-schedule';
import { createReviewWriter, readReviewList } from '../../../components/store/review-writer';
import { createWriteQueue } from '../../../components/store/write-queue';
import { fakeStorage } from './fake-storage';
import { exportJson, parseImport } from '../../../components/store/bookmark-io';
import { createBookmarkWriter } from '../../../components/store/bookmark-writer';

const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-12-01T09:00:00Z');
const b = (termId: string, savedAt: Date): Bookmark => ({
  termId,
  factId: 'f',
  savedAt: savedAt.toISOString(),
  page: null,
  note: '',
});

describe('schedule', () => {
  test('bookmarks never reviewed are due from the day they were saved, oldest first', () => {
    const items = [b('late', new Date(t0.getTime() + 2 * day)), b('early', t0)];
    const cards = new Map();
    expect(dueBookmarks(items, cards, new Date(t0.getTime() + day)).map((x) => x.termId)).toEqual([
      'early',
    ]);
    expect(nextDue(items, cards, new Date(t0.getTime() + day))?.getTime()).toBe(
      t0.getTime() + 2 * day,
    );
    expect(
      dueBookmarks(items, cards, new Date(t0.getTime() + 3 * day)).map((x) => x.termId),
    ).toEqual(['early', 'late']);
  });

  test('Good then Good moves the card further out each time; Again brings it back soon', () => {
    const first = gradeEntry(undefined, 3, t0);
    const firstGap = Date.parse(first.card.due) - t0.getTime();
    expect(firstGap).toBeGreaterThan(0);
    const at = new Date(first.card.due);
    const second = gradeEntry(first, 3, at);
    expect(Date.parse(second.card.due) - at.getTime()).toBeGreaterThan(firstGap);
    expect(second.card.reps).toBe(2);
    expect(second.history.map((h) => h.grade)).toEqual([3, 3]);
    const again = gradeEntry(second, 1, new Date(second.card.due));
    expect(Date.parse(again.card.due) - Date.parse(second.card.due)).toBeLessThan(day);
    // Easy schedules further than Hard from the same state.
    expect(Date.parse(gradeEntry(undefined, 4, t0).card.due)).toBeGreaterThan(
      Date.parse(gradeEntry(undefined, 2, t0).card.due),
    );
  });

  test('the same grades at the same times give the same schedule (no fuzz)', () => {
    expect(gradeEntry(gradeEntry(undefined, 3, t0), 4, new Date(t0.getTime() + day))).toEqual(
      gradeEntry(gradeEntry(undefined, 3, t0), 4, new Date(t0.getTime() + day)),
    );
  });
});

describe('stored record', () => {
  test('a graded entry survives the round trip through storage as it is', () => {
    const entry = gradeEntry(undefined, 3, t0);
    const parsed = parseReviews(
      JSON.parse(JSON.stringify(reviewEnvelope(new Map([['a/f', entry]])))),
    );
    expect(parsed.rejects).toEqual([]);
    expect(parsed.cards.get('a/f')).toEqual(entry);
  });

  test('entries that cannot be read are rejected with why; the rest is kept', () => {
    const good = gradeEntry(undefined, 3, t0);
    const parsed = parseReviews({
      version: 1,
      cards: {
        'a/f': good,
        'b/f': { ...good, card: { ...good.card, due: 'soon' } },
        'c/f': { ...good, history: [{ at: t0.toISOString(), grade: 9 }] },
        'not a key': good,
      },
    });
    expect([...parsed.cards.keys()]).toEqual(['a/f']);
    expect(parsed.rejects.map((r) => r.reason)).toEqual([
      'b/f: "card.due" is not a date',
      'c/f: "history" holds an entry that is not { at, grade }',
      'not a key: not a termId/factId key',
    ]);
    expect(parseReviews({ version: 7, cards: {} }).rejects[0]?.reason).toMatch(/newer version/);
    expect(parseReviews('garbage').rejects).toHaveLength(1);
    expect(parseReviews(undefined)).toEqual({ cards: new Map(), rejects: [] });
    expect(validateReviewEntry(null)).toBe('not a review entry');
  });
});

describe('writer', () => {
  test('grades a saved fact and stores it; an unsaved fact or a bad grade writes nothing', async () => {
    const storage = fakeStorage({
      [BOOKMARKS_KEY]: { version: 2, items: [b('instc', t0)] },
    });
    const grade = createReviewWriter(storage, { queue: createWriteQueue(), now: () => t0 });
    const answer = await grade({ termId: 'instc', factId: 'f', grade: 3 });
    expect(answer?.due).toBe(gradeEntry(undefined, 3, t0).card.due);
    const list = await readReviewList(storage);
    expect(list.cards.get('instc/f')?.history).toEqual([{ at: t0.toISOString(), grade: 3 }]);
    expect(await grade({ termId: 'sco', factId: 'f', grade: 3 })).toBeNull();
    await expect(grade({ termId: 'instc', factId: 'f', grade: 5 as never })).rejects.toThrow(
      /1, 2, 3 or 4/,
    );
    expect((await storage.get(REVIEWS_KEY))[REVIEWS_KEY]).toEqual(reviewEnvelope(list.cards));
  });

  test('a stored schedule it cannot read is kept aside, never dropped', async () => {
    const broken = { version: 1, cards: { 'old/f': { card: 'x', history: [] } } };
    const storage = fakeStorage({
      [BOOKMARKS_KEY]: { version: 2, items: [b('instc', t0)] },
      [REVIEWS_KEY]: broken,
    });
    const grade = createReviewWriter(storage, { queue: createWriteQueue(), now: () => t0 });
    await grade({ termId: 'instc', factId: 'f', grade: 4 });
    const aside = (await storage.get(REVIEWS_QUARANTINE_KEY))[REVIEWS_QUARANTINE_KEY] as {
      value: unknown;
    }[];
    expect(aside.map((r) => r.value)).toEqual([{ 'old/f': { card: 'x', history: [] } }]);
  });
});

describe('export and import', () => {
  test('the JSON export carries the schedules; importing it elsewhere keeps them', async () => {
    const items = [b('instc', t0), b('sco', t0)];
    const graded = gradeEntry(gradeEntry(undefined, 3, t0), 3, new Date(t0.getTime() + day));
    const text = exportJson(items, t0, new Map([['instc/f', graded]]));
    const parsed = parseImport(text);
    expect(parsed.ok && [...parsed.reviews.entries()]).toEqual([['instc/f', graded]]);

    // Another browser: the same fact saved but graded once; the richer history is taken.
    const other = fakeStorage({
      [BOOKMARKS_KEY]: { version: 2, items: [b('instc', t0)] },
      [REVIEWS_KEY]: reviewEnvelope(new Map([['instc/f', gradeEntry(undefined, 1, t0)]])),
    });
    const writer = createBookmarkWriter(other, { now: () => t0 });
    expect(await writer.importText(text)).toMatchObject({ ok: true, added: 1 });
    const after = await readReviewList(other);
    expect(after.items.map((x) => x.termId).sort()).toEqual(['instc', 'sco']);
    expect(after.cards.get('instc/f')).toEqual(graded);
    // Importing again changes nothing.
    const sets = other.sets;
    await writer.importText(text);
    expect(other.sets).toBe(sets);
  });

  test('an export without schedules still imports; bad schedules refuse the whole file', () => {
    const items = [b('instc', t0)];
    const plain = JSON.parse(exportJson(items, t0)) as Record<string, unknown>;
    expect(plain.reviews).toBeUndefined();
    const ok = parseImport(JSON.stringify(plain));
    expect(ok.ok && ok.reviews.size).toBe(0);
    const graded = gradeEntry(undefined, 3, t0);
    for (const [reviews, error] of [
      [[], /not an object/],
      [{ 'sco/f': graded }, /“sco\/f” has no bookmark/],
      [{ 'instc/f': { ...graded, history: 'x' } }, /“instc\/f” is invalid: not a review entry/],
    ] as const) {
      const parsed = parseImport(JSON.stringify({ ...plain, reviews }));
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toMatch(error);
    }
  });
});
