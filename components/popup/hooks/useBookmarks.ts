/**
 * The saved facts as the popup shows them, kept current from `storage.onChanged` (a card in a
 * tab may save one while the popup is open), and the actions on them, each sent to the
 * background. Failures become a message for the reader; nothing here writes storage itself.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  BOOKMARKS_KEY,
  QUARANTINE_KEY,
  bookmarkKey,
  type Bookmark,
} from '../../store/bookmark-store';
import { MAX_IMPORT_BYTES } from '../../store/bookmark-io';
import type { BookmarkList } from '../../store/bookmark-writer';
import type { PopupApi } from '../popup-api';

/** A message about the last action. */
export interface Status {
  kind: 'info' | 'error';
  text: string;
}

/** The bookmark state and actions. */
export interface BookmarksState {
  /** Null until the first read. */
  list: BookmarkList | null;
  keys: ReadonlySet<string>;
  status: Status | null;
  /** The last removed bookmark, while it can be put back. */
  removed: Bookmark | null;
  toggle(termId: string, factId: string): Promise<void>;
  saveNote(bookmark: Bookmark, note: string): Promise<boolean>;
  remove(bookmark: Bookmark): Promise<void>;
  undoRemove(): Promise<void>;
  importFile(file: File): Promise<void>;
  clearStatus(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Bookmarks through `api`. */
export function useBookmarks(api: PopupApi): BookmarksState {
  const [list, setList] = useState<BookmarkList | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [removed, setRemoved] = useState<Bookmark | null>(null);

  const refresh = useCallback(() => {
    api.listBookmarks().then(setList, (e) => setStatus({ kind: 'error', text: errorText(e) }));
  }, [api]);
  useEffect(() => {
    refresh();
    return api.watch([BOOKMARKS_KEY, QUARANTINE_KEY], refresh);
  }, [api, refresh]);

  const keys = useMemo(() => new Set((list?.items ?? []).map(bookmarkKey)), [list]);

  /** Runs an action; a failure is shown, and the list is re-read either way. */
  async function act<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
      return undefined;
    } finally {
      refresh();
    }
  }

  return {
    list,
    keys,
    status,
    removed,
    clearStatus: () => setStatus(null),
    async toggle(termId, factId) {
      await act(() => api.send('bookmark:toggle', { termId, factId, page: null }));
    },
    async saveNote(bookmark, note) {
      const saved = await act(() =>
        api.send('bookmark:note', { termId: bookmark.termId, factId: bookmark.factId, note }),
      );
      return saved !== undefined;
    },
    async remove(bookmark) {
      const gone = await act(() =>
        api.send('bookmark:remove', { termId: bookmark.termId, factId: bookmark.factId }),
      );
      if (gone) setRemoved(gone);
    },
    async undoRemove() {
      const bookmark = removed;
      if (!bookmark) return;
      setRemoved(null);
      await act(() => api.send('bookmark:restore', { bookmark }));
    },
    async importFile(file) {
      setStatus(null);
      if (file.size > MAX_IMPORT_BYTES) {
        setStatus({
          kind: 'error',
          text: `“${file.name}” is too large (${(file.size / 1e6).toFixed(1)} MB); Gloss imports bookmark files up to ${MAX_IMPORT_BYTES / 1e6} MB. Nothing was imported.`,
        });
        return;
      }
      const outcome = await act(async () =>
        api.send('bookmark:import', { text: await file.text() }),
      );
      if (!outcome) return;
      if (!outcome.ok) {
        setStatus({ kind: 'error', text: `“${file.name}” was not imported. ${outcome.error}` });
        return;
      }
      const parts = [`${outcome.added} added`];
      if (outcome.updated) parts.push(`${outcome.updated} notes filled in`);
      if (outcome.unchanged) parts.push(`${outcome.unchanged} already saved`);
      setStatus({ kind: 'info', text: `Imported “${file.name}”: ${parts.join(', ')}.` });
    },
  };
}
