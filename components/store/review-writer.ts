/**
 * The background's writer of the review schedule: grades go through the same queue as bookmark
 * and settings writes, so a grade given in two popups at once is never lost.
 */
import { BOOKMARKS_KEY, bookmarkKey, parseBookmarks, type Bookmark } from './bookmark-store';
import { StorageWriteError, describeStorageError } from './storage-errors';
import {
  REVIEWS_KEY,
  REVIEWS_QUARANTINE_KEY,
  mergeReviews,
  parseReviews,
  reviewEnvelope,
  type ReviewEntry,
  type ReviewGrade,
  type ReviewRead,
} from './review-store';
import { gradeEntry } from './review-schedule';
import type { StorageAreaLike } from './settings';
import type { WriteQueue } from './write-queue';

/** What the popup's review tab reads. */
export interface ReviewList {
  items: Bookmark[];
  cards: Map<string, ReviewEntry>;
}

/** Reads the bookmarks and their schedules for display. Read-only; never throws on bad data. */
export async function readReviewList(area: StorageAreaLike): Promise<ReviewList> {
  const stored = await area.get([BOOKMARKS_KEY, REVIEWS_KEY]);
  return {
    items: parseBookmarks(stored[BOOKMARKS_KEY]).items,
    cards: parseReviews(stored[REVIEWS_KEY]).cards,
  };
}

/**
 * Writes `cards` as the review record; what could not be read in it (`read.rejects`) goes aside
 * under REVIEWS_QUARANTINE_KEY in the same `set`, never dropped.
 */
async function saveReviews(
  area: StorageAreaLike,
  stored: Record<string, unknown>,
  read: ReviewRead,
  cards: ReadonlyMap<string, ReviewEntry>,
  at: Date,
): Promise<void> {
  const write: Record<string, unknown> = { [REVIEWS_KEY]: reviewEnvelope(cards) };
  if (read.rejects.length > 0) {
    const previous = stored[REVIEWS_QUARANTINE_KEY];
    write[REVIEWS_QUARANTINE_KEY] = [
      ...(Array.isArray(previous) ? previous : previous === undefined ? [] : [previous]),
      ...read.rejects.map((r) => ({ ...r, at: at.toISOString() })),
    ];
  }
  try {
    await area.set(write);
  } catch (error) {
    throw new StorageWriteError(describeStorageError(error));
  }
}

/** Merges imported schedules into the stored ones (see `mergeReviews`), in the write queue. */
export function importReviews(
  area: StorageAreaLike,
  queue: WriteQueue,
  incoming: ReadonlyMap<string, ReviewEntry>,
  at: Date,
): Promise<void> {
  return queue.run(async () => {
    const stored = await area.get([REVIEWS_KEY, REVIEWS_QUARANTINE_KEY]);
    const read = parseReviews(stored[REVIEWS_KEY]);
    const merged = mergeReviews(read.cards, incoming);
    if (merged.taken > 0) await saveReviews(area, stored, read, merged.cards, at);
  });
}

/** Grades one saved fact; resolves to its next due date, or null when the fact is not saved. */
export function createReviewWriter(
  area: StorageAreaLike,
  options: { queue: WriteQueue; now?: () => Date },
): (request: {
  termId: string;
  factId: string;
  grade: ReviewGrade;
}) => Promise<{ due: string } | null> {
  const now = options.now ?? (() => new Date());
  return (request) =>
    options.queue.run(async () => {
      if (![1, 2, 3, 4].includes(request.grade)) throw new Error('A grade is 1, 2, 3 or 4.');
      const key = bookmarkKey(request);
      const stored = await area.get([BOOKMARKS_KEY, REVIEWS_KEY, REVIEWS_QUARANTINE_KEY]);
      if (!parseBookmarks(stored[BOOKMARKS_KEY]).items.some((b) => bookmarkKey(b) === key)) {
        return null;
      }
      const read = parseReviews(stored[REVIEWS_KEY]);
      const at = now();
      const entry = gradeEntry(read.cards.get(key), request.grade, at);
      read.cards.set(key, entry);
      await saveReviews(area, stored, read, read.cards, at);
      return { due: entry.card.due };
    });
}
