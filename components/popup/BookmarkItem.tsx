/**
 * One saved fact: its term (a link to the term page), the fact with its sources, where and when
 * it was saved, the reader's note and a remove button. Strings from pages are shown as text.
 */
import type { Fact, Source } from '../../data/schema';
import { bookmarkKey, type Bookmark } from '../store/bookmark-store';
import { formatSavedDate } from '../shared/format-date';
import { FactValues } from '../shared/FactValues';
import { NoteEditor } from './NoteEditor';
import { PageLink } from './PageLink';

export interface BookmarkItemProps {
  bookmark: Bookmark;
  termName: string;
  /** Undefined when the fact is no longer in the fact base. */
  fact: Fact | undefined;
  sources: Record<string, Source>;
  onOpen(termId: string): void;
  onRemove(bookmark: Bookmark): void;
  onNote(bookmark: Bookmark, note: string): Promise<boolean>;
}

/** A bookmark as a list item. */
export function BookmarkItem(props: BookmarkItemProps) {
  const { bookmark: b, termName } = props;
  const date = formatSavedDate(b.savedAt);
  return (
    <li class="saved-item" data-key={bookmarkKey(b)}>
      <div class="saved-head">
        <a
          class="saved-term"
          href={`?term=${encodeURIComponent(b.termId)}`}
          onClick={(e) => {
            e.preventDefault();
            props.onOpen(b.termId);
          }}
        >
          {termName}
        </a>
        <button
          type="button"
          class="icon-button remove"
          aria-label={`Remove bookmark: ${termName}, ${props.fact?.text.slice(0, 60) ?? b.factId}`}
          title="Remove"
          onClick={() => props.onRemove(b)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path
              d="M4 4l8 8M12 4l-8 8"
              stroke="currentColor"
              stroke-width="1.6"
              stroke-linecap="round"
            />
          </svg>
        </button>
      </div>
      {props.fact ? (
        <FactValues fact={props.fact} sources={props.sources} />
      ) : (
        <p class="muted">This fact ({b.factId}) is no longer in Gloss’s fact base.</p>
      )}
      <p class="saved-from">
        {b.page ? (
          <>
            From <PageLink page={b.page} />
            {date ? ', ' : ''}
          </>
        ) : (
          <>Saved in the popup{date ? ', ' : ''}</>
        )}
        {date ? <time dateTime={b.savedAt}>{date}</time> : null}
      </p>
      <NoteEditor note={b.note} about={termName} onSave={(note) => props.onNote(b, note)} />
    </li>
  );
}
