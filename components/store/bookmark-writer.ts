/**
 * The single writer of bookmarks. Every change is a read-modify-write of the whole envelope
 * through one queue (`write-queue.ts`), and is written in ONE `set` call, so a change is either
 * stored entirely or not at all (a full storage quota leaves the previous bookmarks exactly as
 * they were). Entries that could not be read are moved to `bookmarks.quarantine` in that same
 * call, never dropped. Pure apart from the storage object it is given, so tests pass a fake.
 */
import type { StorageAreaLike } from './settings';
import { parseImport } from './bookmark-io';
import { merge, remove, restore, setNote, toggle, type Change } from './bookmark-changes';
import {
  BOOKMARKS_KEY,
  BOOKMARKS_VERSION,
  bookmarkKey,
  QUARANTINE_KEY,
  parseBookmarks,
  parseQuarantine,
  withSavedText,
  type Bookmark,
  type BookmarkEnvelope,
  type FactText,
  type ImportOutcome,
} from './bookmark-store';
import type { PageRef } from './bookmark-store';
import { createWriteQueue, type WriteQueue } from './write-queue';
import { StorageWriteError, describeStorageError } from './storage-errors';
import { importReviews } from './review-writer';

/** What the popup shows: the bookmarks and how many entries are set aside unread. */
export interface BookmarkList {
  items: Bookmark[];
  /** Entries that could not be read, in the quarantine or still in the main record. */
  quarantined: number;
}

/** Reads the bookmarks for display. Read-only: never writes, never throws on bad data. */
export async function readBookmarkList(area: StorageAreaLike): Promise<BookmarkList> {
  const stored = await area.get([BOOKMARKS_KEY, QUARANTINE_KEY]);
  const read = parseBookmarks(stored[BOOKMARKS_KEY]);
  return {
    items: read.items,
    quarantined: read.rejects.length + parseQuarantine(stored[QUARANTINE_KEY]).length,
  };
}

/** The operations the background offers, each queued. */
export interface BookmarkWriter {
  /** Saves or unsaves a fact; a new bookmark keeps `text`, the fact's text now. */
  toggle(request: {
    termId: string;
    factId: string;
    page: PageRef | null;
    text?: string;
  }): Promise<{ saved: boolean }>;
  setNote(request: { termId: string; factId: string; note: string }): Promise<Bookmark | null>;
  remove(request: { termId: string; factId: string }): Promise<Bookmark | null>;
  restore(bookmark: unknown): Promise<{ restored: boolean }>;
  /** Imports an exported JSON file: all of it, or (with a message why) none of it. */
  importText(text: string): Promise<ImportOutcome>;
  keys(): Promise<string[]>;
  /**
   * Writes bookmarks stored by an older Gloss in the current version, their saved texts filled
   * in from the facts as they are now; true when it wrote. Run before a pack is replaced, so
   * the texts come from the version the reader saved, and when Gloss is updated.
   */
  migrate(): Promise<boolean>;
  /** The queue, shared with other writers of the background (settings). */
  readonly queue: WriteQueue;
}

/** True for a stored value of an older version than this Gloss writes (not a newer one). */
function isOlder(raw: unknown): boolean {
  if (Array.isArray(raw)) return true;
  const version = (raw as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' && version < BOOKMARKS_VERSION;
}

/**
 * A writer over `area` (e.g. `browser.storage.local`); `now` is injectable for tests.
 * `factText` gives the current facts' texts, read only when older bookmarks are migrated.
 */
export function createBookmarkWriter(
  area: StorageAreaLike,
  options: { now?: () => Date; queue?: WriteQueue; factText?: () => Promise<FactText> } = {},
): BookmarkWriter {
  const now = options.now ?? (() => new Date());
  const queue = options.queue ?? createWriteQueue();

  /** `change` is told whether the stored value was of an older version (it is written anew). */
  function transact<R>(change: (items: Bookmark[], older: boolean) => Change<R>): Promise<R> {
    return queue.run(async () => {
      const stored = await area.get([BOOKMARKS_KEY, QUARANTINE_KEY]);
      const older = isOlder(stored[BOOKMARKS_KEY]);
      // A fact that cannot be looked up still migrates: its bookmark is kept without a text.
      const textOf =
        older && options.factText ? await options.factText().catch(() => undefined) : undefined;
      const read = parseBookmarks(stored[BOOKMARKS_KEY], textOf);
      const { items, result, changed } = change(read.items, older);
      if (!changed) return result;
      const envelope: BookmarkEnvelope = { version: BOOKMARKS_VERSION, items };
      const write: Record<string, unknown> = { [BOOKMARKS_KEY]: envelope };
      if (read.rejects.length > 0) {
        const at = now().toISOString();
        write[QUARANTINE_KEY] = [
          ...parseQuarantine(stored[QUARANTINE_KEY]),
          ...read.rejects.map((r) => ({ ...r, at })),
        ];
      }
      try {
        await area.set(write);
      } catch (error) {
        throw new StorageWriteError(describeStorageError(error));
      }
      return result;
    });
  }

  return {
    queue,
    toggle: (request) => transact((items) => toggle(items, request, now())),
    setNote: (request) => transact((items) => setNote(items, request)),
    remove: (request) => transact((items) => remove(items, request)),
    restore: (bookmark) => transact((items) => restore(items, bookmark)),
    async importText(text) {
      const parsed = parseImport(text);
      if (!parsed.ok) return parsed;
      try {
        // A file from an older Gloss has no saved texts: they are taken from the facts as now.
        const untexted = parsed.items.some((b) => b.text === undefined);
        const textOf = untexted ? await options.factText?.().catch(() => undefined) : undefined;
        const incoming = parsed.items.map((b) => withSavedText(b, textOf));
        const counts = await transact((items) => merge(items, incoming));
        if (parsed.reviews.size > 0) await importReviews(area, queue, parsed.reviews, now());
        return { ok: true, ...counts };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    keys: () => queue.run(async () => (await readBookmarkList(area)).items.map(bookmarkKey)),
    migrate: () => transact((items, older) => ({ items, result: older, changed: older })),
  };
}
