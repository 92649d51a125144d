/**
 * Spaced review of saved facts with FSRS, through the maintained `ts-fsrs` scheduler: the
 * schedule after a grade. Pure: the clock comes in as an argument. Only the background runs it;
 * the popup needs only the stored due dates (review-store.ts), so ts-fsrs stays out of its bundle.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { ReviewCard, ReviewEntry, ReviewGrade } from './review-store';

// Default FSRS parameters, without fuzz: the same grades give the same schedule (and tests can
// say what it is). Readers study dozens of facts, not thousands, so bunching is no concern.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(c: ReviewCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.lastReview ? { last_review: new Date(c.lastReview) } : {}),
  };
}

function fromCard(c: Card): ReviewCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as ReviewCard['state'],
    lastReview: c.last_review ? c.last_review.toISOString() : null,
  };
}

/** The schedule of a fact after `grade` at `now` (a first grade starts from a new card). */
export function gradeEntry(
  entry: ReviewEntry | undefined,
  grade: ReviewGrade,
  now: Date,
): ReviewEntry {
  const card = entry ? toCard(entry.card) : createEmptyCard(now);
  const next = scheduler.next(card, now, grade as Grade).card;
  return {
    card: fromCard(next),
    history: [...(entry?.history ?? []), { at: now.toISOString(), grade }],
  };
}
