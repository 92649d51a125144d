/**
 * The review tab's state: which saved facts are due now, when the next one is, and grading, sent
 * to the background (the single writer, which schedules with FSRS). Kept current from
 * `storage.onChanged`, and looked at again every minute so a fact falls due while the tab is open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Bookmark } from '../../store/bookmark-store';
import {
  REVIEWS_KEY,
  dueBookmarks,
  nextDue,
  type ReviewEntry,
  type ReviewGrade,
} from '../../store/review-store';
import type { PopupApi } from '../popup-api';

/** What the review tab shows. */
export interface ReviewState {
  /** The stored schedules by bookmark key (empty until read). */
  cards: ReadonlyMap<string, ReviewEntry>;
  due: Bookmark[];
  /** When the next fact falls due, when none is due now. */
  next: Date | null;
  error: string | null;
  grade(b: Bookmark, grade: ReviewGrade): Promise<void>;
}

/** Looks again this often, so a fact falls due while the popup is open. */
const TICK_MS = 60_000;

/** Reviews of `items` through `api`; `now` is the popup's clock. */
export function useReviews(
  api: PopupApi,
  items: readonly Bookmark[] | null,
  now: () => Date,
): ReviewState {
  const [cards, setCards] = useState<Map<string, ReviewEntry> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    const read = () => void api.readReviews().then(setCards, () => setCards(new Map()));
    read();
    const timer = setInterval(() => setTick((t) => t + 1), TICK_MS);
    const unwatch = api.watch([REVIEWS_KEY], read);
    return () => {
      clearInterval(timer);
      unwatch();
    };
  }, [api]);
  const at = now();
  const ready = items !== null && cards !== null;
  return {
    cards: cards ?? new Map(),
    due: ready ? dueBookmarks(items, cards, at) : [],
    next: ready ? nextDue(items, cards, at) : null,
    error,
    async grade(b, grade) {
      setError(null);
      try {
        await api.send('bookmark:grade', { termId: b.termId, factId: b.factId, grade });
      } catch (e) {
        setError(`The grade was not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
