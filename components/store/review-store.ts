/**
 * The review schedule of saved facts: one versioned record in `storage.local` beside the
 * bookmarks, keyed by `bookmarkKey()`. Kept apart from the bookmarks' own record so an older
 * Gloss, which does not know it, leaves it alone; a bookmark removed and restored (undo) keeps
 * its schedule. A bookmark with no entry has never been reviewed: it is due from the day it was
 * saved, so today's bookmarks need no migration to be studied, and nothing is written until a
 * first grade.
 *
 * Reading never throws and never loses data: entries it cannot read come back as `rejects`,
 * which the writer keeps aside under `reviews.quarantine`.
 *
 * Version history: 1 (December 2026): `{ version: 1, cards: { [key]: ReviewEntry } }`.
 */
import { bookmarkKey, type Bookmark, type Reject } from './bookmark-store';

/** Storage key of the record. */
export const REVIEWS_KEY = 'reviews';
/** Storage key of the entries that could not be read, kept aside untouched. */
export const REVIEWS_QUARANTINE_KEY = 'reviews.quarantine';
export const REVIEWS_VERSION = 1;

/** Again, Hard, Good, Easy: FSRS's four grades, as the keys 1–4 give them. */
export type ReviewGrade = 1 | 2 | 3 | 4;
export const GRADE_LABELS: Record<ReviewGrade, string> = {
  1: 'Again',
  2: 'Hard',
  3: 'Good',
  4: 'Easy',
};

/** A scheduled card: FSRS's memory state, with dates as ISO strings. */
export interface ReviewCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** FSRS's state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: string | null;
}

/** One fact's schedule and every grade given to it. */
export interface ReviewEntry {
  card: ReviewCard;
  history: { at: string; grade: ReviewGrade }[];
}

/** The stored value. */
export interface ReviewEnvelope {
  version: typeof REVIEWS_VERSION;
  cards: Record<string, ReviewEntry>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const KEY = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*~)?[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks one entry; returns it (copied) or why it is not one. */
export function validateReviewEntry(value: unknown): ReviewEntry | string {
  if (!isObject(value) || !isObject(value.card) || !Array.isArray(value.history)) {
    return 'not a review entry';
  }
  const c = value.card;
  if (!isDate(c.due)) return '"card.due" is not a date';
  for (const f of [
    'stability',
    'difficulty',
    'elapsedDays',
    'scheduledDays',
    'learningSteps',
    'reps',
    'lapses',
  ]) {
    if (!isCount(c[f])) return `"card.${f}" is not a number`;
  }
  if (![0, 1, 2, 3].includes(c.state as number)) return '"card.state" is not 0–3';
  if (c.lastReview !== null && !isDate(c.lastReview)) return '"card.lastReview" is not a date';
  const history: ReviewEntry['history'] = [];
  for (const h of value.history) {
    if (!isObject(h) || !isDate(h.at) || ![1, 2, 3, 4].includes(h.grade as number)) {
      return '"history" holds an entry that is not { at, grade }';
    }
    history.push({ at: new Date(h.at).toISOString(), grade: h.grade as ReviewGrade });
  }
  return {
    card: {
      due: new Date(c.due).toISOString(),
      stability: c.stability as number,
      difficulty: c.difficulty as number,
      elapsedDays: c.elapsedDays as number,
      scheduledDays: c.scheduledDays as number,
      learningSteps: c.learningSteps as number,
      reps: c.reps as number,
      lapses: c.lapses as number,
      state: c.state as ReviewCard['state'],
      lastReview: c.lastReview === null ? null : new Date(c.lastReview as string).toISOString(),
    },
    history,
  };
}

/** What reading the record gives: the entries by key, and what could not be read. */
export interface ReviewRead {
  cards: Map<string, ReviewEntry>;
  rejects: Reject[];
}

/** Reads whatever is stored under `reviews` (nothing, any version, or garbage). Never throws. */
export function parseReviews(raw: unknown): ReviewRead {
  const cards = new Map<string, ReviewEntry>();
  const rejects: Reject[] = [];
  if (raw === undefined || raw === null) return { cards, rejects };
  if (!isObject(raw) || raw.version !== REVIEWS_VERSION || !isObject(raw.cards)) {
    const newer = isObject(raw) && typeof raw.version === 'number' && raw.version > REVIEWS_VERSION;
    const reason = newer
      ? `saved by a newer version of Gloss (${String(raw.version)})`
      : 'the stored review schedule is not in a format Gloss knows';
    rejects.push({ reason, value: raw });
    return { cards, rejects };
  }
  for (const [key, value] of Object.entries(raw.cards)) {
    const entry = KEY.test(key) ? validateReviewEntry(value) : 'not a termId/factId key';
    if (typeof entry === 'string')
      rejects.push({ reason: `${key}: ${entry}`, value: { [key]: value } });
    else cards.set(key, entry);
  }
  return { cards, rejects };
}

/** The record to store for `cards`. */
export function reviewEnvelope(cards: ReadonlyMap<string, ReviewEntry>): ReviewEnvelope {
  return { version: REVIEWS_VERSION, cards: Object.fromEntries(cards) };
}

/** When `b` is due: its schedule's date, or the day it was saved if it was never reviewed. */
export function dueAt(b: Bookmark, entry: ReviewEntry | undefined): Date {
  return new Date(entry ? entry.card.due : b.savedAt);
}

/** The bookmarks due at `now`, longest overdue first. */
export function dueBookmarks(
  items: readonly Bookmark[],
  cards: ReadonlyMap<string, ReviewEntry>,
  now: Date,
): Bookmark[] {
  return items
    .map((b) => ({ b, at: dueAt(b, cards.get(bookmarkKey(b))).getTime() }))
    .filter((x) => x.at <= now.getTime())
    .sort((x, y) => x.at - y.at)
    .map((x) => x.b);
}

/** The earliest due date after `now` among `items`, or null when there is none. */
export function nextDue(
  items: readonly Bookmark[],
  cards: ReadonlyMap<string, ReviewEntry>,
  now: Date,
): Date | null {
  let next: number | null = null;
  for (const b of items) {
    const at = dueAt(b, cards.get(bookmarkKey(b))).getTime();
    if (at > now.getTime() && (next === null || at < next)) next = at;
  }
  return next === null ? null : new Date(next);
}

/**
 * `cards` with `incoming` merged in (an import): a schedule is taken when this browser has none
 * for the fact, or when the imported one has more grades in its history (it was studied more).
 * Returns the merged map and how many schedules it took.
 */
export function mergeReviews(
  cards: ReadonlyMap<string, ReviewEntry>,
  incoming: ReadonlyMap<string, ReviewEntry>,
): { cards: Map<string, ReviewEntry>; taken: number } {
  const next = new Map(cards);
  let taken = 0;
  for (const [key, entry] of incoming) {
    const mine = next.get(key);
    if (mine && mine.history.length >= entry.history.length) continue;
    next.set(key, entry);
    taken++;
  }
  return { cards: next, taken };
}
