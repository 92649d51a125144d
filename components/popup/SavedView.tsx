/**
 * The saved facts: newest first, filterable by term, each with where it was saved, a note and
 * remove (with undo); export and import; and a notice when stored entries could not be read.
 */
import { useMemo, useState } from 'preact/hooks';
import { bookmarkKey, newestFirst, type Bookmark } from '../store/bookmark-store';
import type { FactIndex } from './fact-lookup';
import { savedFactOf } from './saved-fact';
import { splitTermId } from '../store/pack-store';
import { savedTermFilter } from './popup-options';
import type { BookmarksState } from './hooks/useBookmarks';
import { BookmarkItem } from './BookmarkItem';
import { BookmarkTools, type ExportKind } from './BookmarkTools';

export interface SavedViewProps {
  bookmarks: BookmarksState;
  facts: FactIndex;
  inTab: boolean;
  onOpen(termId: string): void;
  onExport(kind: ExportKind, items: Bookmark[]): void;
  onOpenInTab(): void;
}

/** The Saved tab. */
export function SavedView({
  bookmarks,
  facts,
  inTab,
  onOpen,
  onExport,
  onOpenInTab,
}: SavedViewProps) {
  const [filter, setFilter] = useState('');
  const items = useMemo(() => newestFirst(bookmarks.list?.items ?? []), [bookmarks.list]);
  // A term whose pack was removed goes by its own id, without the pack's.
  const nameOf = (id: string) => facts.term(id)?.name ?? splitTermId(id).termId;
  const terms = useMemo(() => savedTermFilter(items, nameOf), [items, facts]);
  const active = terms.some((t) => t.id === filter) ? filter : '';
  const shown = active ? items.filter((b) => b.termId === active) : items;
  const quarantined = bookmarks.list?.quarantined ?? 0;

  return (
    <section class="saved-view" aria-labelledby="saved-title">
      <div class="saved-top">
        <h2 id="saved-title" class="view-title">
          Saved facts <span class="section-count">{items.length}</span>
        </h2>
        {terms.length > 1 ? (
          <label class="filter">
            <span class="visually-hidden">Show bookmarks of</span>
            <select value={active} onChange={(e) => setFilter(e.currentTarget.value)}>
              <option value="">All terms</option>
              {terms.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.count})
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {quarantined > 0 ? (
        <p class="notice" role="note">
          {quarantined === 1
            ? 'One stored bookmark entry'
            : `${quarantined} stored bookmark entries`}{' '}
          could not be read. {quarantined === 1 ? 'It is' : 'They are'} kept aside, untouched.
        </p>
      ) : null}
      <div class="status-area" role="status" aria-live="polite">
        {bookmarks.removed ? (
          <p class="undo-bar">
            Removed “{nameOf(bookmarks.removed.termId)}”.{' '}
            <button type="button" class="link-button" onClick={() => void bookmarks.undoRemove()}>
              Undo
            </button>
          </p>
        ) : null}
        {bookmarks.status?.kind === 'info' ? <p class="message">{bookmarks.status.text}</p> : null}
      </div>
      <div role="alert" class="status-area">
        {bookmarks.status?.kind === 'error' ? (
          <p class="message error">{bookmarks.status.text}</p>
        ) : null}
      </div>
      {bookmarks.list && items.length === 0 ? (
        <p class="empty">
          No saved facts yet. Save one with the bookmark button on a card or a term’s page.
        </p>
      ) : null}
      <ul class="saved-list" aria-labelledby="saved-title">
        {shown.map((b) => (
          <BookmarkItem
            key={bookmarkKey(b)}
            bookmark={b}
            termName={nameOf(b.termId)}
            saved={savedFactOf(b, facts)}
            sources={facts.sourcesOf(b.termId)}
            onOpen={onOpen}
            onRemove={(x) => void bookmarks.remove(x)}
            onNote={bookmarks.saveNote}
          />
        ))}
      </ul>
      <BookmarkTools
        canExport={items.length > 0}
        inTab={inTab}
        onExport={(kind) => onExport(kind, items)}
        onImport={(file) => void bookmarks.importFile(file)}
        onOpenInTab={onOpenInTab}
      />
    </section>
  );
}
