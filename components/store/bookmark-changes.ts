/**
 * The changes the background makes to the bookmark list, as pure functions from the current list
 * to the next one and an answer. `bookmark-writer.ts` runs them one at a time and stores the
 * result; tests run them directly.
 */
import type { PageRef } from './bookmark-store';
import { LIMITS, bookmarkKey, validateBookmark, type Bookmark } from './bookmark-store';

/** A change to the list, and what to answer. `changed: false` means nothing needs writing. */
export interface Change<R> {
  items: Bookmark[];
  result: R;
  changed: boolean;
}

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Cleans a page reference from a page: text only, bounded, and dropped if it has no address. */
export function cleanPage(page: PageRef | null | undefined): PageRef | null {
  if (!page || typeof page.url !== 'string' || !page.url || page.url.length > LIMITS.url) {
    return null;
  }
  const title = typeof page.title === 'string' ? page.title.trim() : '';
  return { title: cut(title || page.url, LIMITS.title), url: page.url };
}

/**
 * Saves the fact if it is not saved, otherwise removes it. `text` is the fact's text now, kept
 * with the bookmark so a later change to the fact can be shown beside what was saved.
 */
export function toggle(
  items: readonly Bookmark[],
  request: { termId: string; factId: string; page: PageRef | null; text?: string },
  now: Date,
): Change<{ saved: boolean }> {
  const key = bookmarkKey(request);
  if (items.some((b) => bookmarkKey(b) === key)) {
    return {
      items: items.filter((b) => bookmarkKey(b) !== key),
      result: { saved: false },
      changed: true,
    };
  }
  const added = validateBookmark({
    termId: request.termId,
    factId: request.factId,
    savedAt: now.toISOString(),
    page: cleanPage(request.page),
    note: '',
    ...(typeof request.text === 'string' ? { text: request.text.slice(0, LIMITS.text) } : {}),
  });
  if (typeof added === 'string') throw new Error(`Cannot save this fact: ${added}`);
  return { items: [...items, added], result: { saved: true }, changed: true };
}

/** Sets the note of a saved fact; `null` if the fact is not saved. */
export function setNote(
  items: readonly Bookmark[],
  request: { termId: string; factId: string; note: string },
): Change<Bookmark | null> {
  const key = bookmarkKey(request);
  const note = cut(typeof request.note === 'string' ? request.note : '', LIMITS.note);
  let updated: Bookmark | null = null;
  const next = items.map((b) => (bookmarkKey(b) === key ? (updated = { ...b, note }) : b));
  const before = items.find((b) => bookmarkKey(b) === key);
  return { items: next, result: updated, changed: !!before && before.note !== note };
}

/** Removes a saved fact; returns it for undo. */
export function remove(
  items: readonly Bookmark[],
  request: { termId: string; factId: string },
): Change<Bookmark | null> {
  const key = bookmarkKey(request);
  const removed = items.find((b) => bookmarkKey(b) === key) ?? null;
  return { items: items.filter((b) => b !== removed), result: removed, changed: !!removed };
}

/** Puts back a removed bookmark exactly as it was, unless the fact was saved again meanwhile. */
export function restore(
  items: readonly Bookmark[],
  bookmark: unknown,
): Change<{ restored: boolean }> {
  const b = validateBookmark(bookmark);
  if (typeof b === 'string' || items.some((x) => bookmarkKey(x) === bookmarkKey(b))) {
    return { items: [...items], result: { restored: false }, changed: false };
  }
  return { items: [...items, b], result: { restored: true }, changed: true };
}

/**
 * Merges imported bookmarks: a new fact is added as exported; a fact already saved keeps its
 * date, page and saved text, and takes the imported note (or saved text) only if it has none.
 * Never duplicates.
 */
export function merge(
  items: readonly Bookmark[],
  incoming: readonly Bookmark[],
): Change<{ added: number; updated: number; unchanged: number }> {
  const next = items.map((b) => ({ ...b }));
  const byKey = new Map(next.map((b) => [bookmarkKey(b), b]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const b of incoming) {
    const existing = byKey.get(bookmarkKey(b));
    if (!existing) {
      const copy = { ...b };
      next.push(copy);
      byKey.set(bookmarkKey(b), copy);
      added++;
    } else if ((!existing.note && b.note) || (existing.text === undefined && b.text)) {
      if (!existing.note && b.note) existing.note = b.note;
      if (existing.text === undefined && b.text !== undefined) existing.text = b.text;
      updated++;
    } else {
      unchanged++;
    }
  }
  return { items: next, result: { added, updated, unchanged }, changed: added + updated > 0 };
}
