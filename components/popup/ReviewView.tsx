/**
 * The Review tab: the saved facts that are due, one at a time. The fact first; its term, source
 * and date on demand (Space, or the button); then a grade, Again / Hard / Good / Easy, by click or
 * the keys 1–4. A quiet day says when the next fact is due.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatFactDate } from '../shared/format-date';
import { sourceLine } from '../store/bookmark-io';
import { bookmarkKey, type Bookmark } from '../store/bookmark-store';
import { GRADE_LABELS, type ReviewGrade } from '../store/review-store';
import type { FactIndex } from './fact-lookup';
import { savedFactOf, shownText } from './saved-fact';

export interface ReviewViewProps {
  due: readonly Bookmark[];
  /** How many facts are saved in all. */
  saved: number;
  next: Date | null;
  now: Date;
  facts: FactIndex | null;
  error: string | null;
  onGrade(b: Bookmark, grade: ReviewGrade): void;
}

const GRADES: ReviewGrade[] = [1, 2, 3, 4];

/** "in 10 minutes", "tomorrow at 09:00", "on 12 Dec at 09:00": when the next fact is due. */
export function whenDue(next: Date, now: Date): string {
  const minutes = Math.round((next.getTime() - now.getTime()) / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} minute${minutes === 1 ? '' : 's'}`;
  const time = `${String(next.getHours()).padStart(2, '0')}:${String(next.getMinutes()).padStart(2, '0')}`;
  const days = Math.round(
    (new Date(next).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000,
  );
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const day = formatFactDate(
    `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`,
  );
  return `on ${day} at ${time}`;
}

/** The tab's content. */
export function ReviewView(props: ReviewViewProps) {
  const current = props.due[0];
  const key = current ? bookmarkKey(current) : '';
  const [shown, setShown] = useState(false);
  // One grade per showing: a second key press before the schedule is written grades nothing.
  const [graded, setGraded] = useState('');
  useEffect(() => setShown(false), [key]);
  useEffect(() => setGraded(''), [key, props.error]);
  const grade = (b: Bookmark, g: ReviewGrade) => {
    if (graded === bookmarkKey(b)) return;
    setGraded(bookmarkKey(b));
    props.onGrade(b, g);
  };
  const term = current ? props.facts?.term(current.termId) : undefined;
  const saved = current && props.facts ? savedFactOf(current, props.facts) : undefined;
  const fact = saved && saved.kind !== 'gone' ? saved.fact : undefined;
  // A fact gone from its pack is reviewed as it was saved.
  const text = saved ? shownText(saved) : current?.text;

  useEffect(() => {
    if (!current) return;
    // The popup is Gloss's own page and this tab is all it shows: the keys belong to the review.
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="tab"]')) return;
      const n = Number(e.key);
      if (n >= 1 && n <= 4) {
        e.preventDefault();
        grade(current, n as ReviewGrade);
      } else if (e.key === ' ' && !shown) {
        e.preventDefault();
        setShown(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <section class="review-view" aria-labelledby="review-title">
      <h2 id="review-title" class="view-title">
        Review
      </h2>
      <div role="alert">{props.error ? <p class="message error">{props.error}</p> : null}</div>
      {props.saved === 0 ? (
        <p class="empty">
          Save facts with the bookmark button on a card or a term page, and review them here.
        </p>
      ) : !current ? (
        <p class="empty" role="status">
          Nothing to review now.
          {props.next ? ` The next fact is due ${whenDue(props.next, props.now)}.` : ''}
        </p>
      ) : (
        <div class="review-card">
          <p class="review-count" role="status">
            {props.due.length} due
          </p>
          <p class="review-fact">
            {text ?? `(This fact, ${current.factId}, is no longer in Gloss.)`}
          </p>
          {saved?.kind === 'changed' ? (
            <p class="muted review-changed">Changed since you saved it.</p>
          ) : saved?.kind === 'gone' && text !== undefined ? (
            <p class="muted review-changed">As you saved it; no longer in Gloss.</p>
          ) : null}
          {shown ? (
            <div class="review-answer">
              <p class="review-term">
                {term?.name ?? current.termId}
                {saved && !saved.pack.bundled ? (
                  <span class="muted"> · {saved.pack.title}</span>
                ) : null}
              </p>
              {fact && props.facts ? (
                <p class="muted">{sourceLine(props.facts, fact, current.termId)}</p>
              ) : null}
            </div>
          ) : (
            <button type="button" class="button" onClick={() => setShown(true)}>
              Show term and source <kbd>Space</kbd>
            </button>
          )}
          <div class="review-grades" role="group" aria-label="How well did you know it?">
            {GRADES.map((g) => (
              <button
                key={g}
                type="button"
                class="button grade"
                aria-keyshortcuts={String(g)}
                onClick={() => grade(current, g)}
              >
                {GRADE_LABELS[g]} <kbd>{g}</kbd>
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
