/**
 * One saved fact: its term (a link to the term page) and pack, the fact with its sources, where
 * and when it was saved, the reader's note and a remove button. A fact changed since it was
 * saved shows both texts side by side; a fact gone from its pack keeps the text the reader saved.
 * Strings from pages and packs are shown as text.
 */
import type { Source } from '../../data/schema';
import { bookmarkKey, type Bookmark } from '../store/bookmark-store';
import { formatSavedDate } from '../shared/format-date';
import { FactValues } from '../shared/FactValues';
import { NoteEditor } from './NoteEditor';
import { PageLink } from './PageLink';
import { shownText, type SavedFact } from './saved-fact';

export interface BookmarkItemProps {
  bookmark: Bookmark;
  termName: string;
  /** The fact as it stands now (see `savedFactOf`). */
  saved: SavedFact;
  sources: Record<string, Source>;
  onOpen(termId: string): void;
  onRemove(bookmark: Bookmark): void;
  onNote(bookmark: Bookmark, note: string): Promise<boolean>;
}

/** What a gone fact's bookmark says instead of the fact. */
function goneLine(saved: Extract<SavedFact, { kind: 'gone' }>): string {
  const { pack } = saved;
  if (pack.state === 'removed') return `No longer in Gloss: its pack “${pack.title}” was removed`;
  return pack.bundled
    ? 'This fact is no longer in Gloss’s fact base'
    : `No longer in “${pack.title}”`;
}

/** The fact part of the item, by what became of the fact. */
function SavedFactBody({
  saved,
  sources,
  factId,
}: {
  saved: SavedFact;
  sources: Record<string, Source>;
  factId: string;
}) {
  if (saved.kind === 'same') return <FactValues fact={saved.fact} sources={sources} />;
  if (saved.kind === 'changed') {
    return (
      <div class="fact-changed" role="group" aria-label="Changed since you saved it">
        <p class="fact-flag">
          <span class="flag-mark" aria-hidden="true">
            ↻
          </span>
          Changed since you saved it
        </p>
        <dl class="fact-pair">
          <div class="fact-then">
            <dt>As you saved it</dt>
            <dd class="saved-text">{saved.saved}</dd>
          </div>
          <div class="fact-now">
            <dt>Now</dt>
            <dd>
              <FactValues fact={saved.fact} sources={sources} />
            </dd>
          </div>
        </dl>
      </div>
    );
  }
  return (
    <div class="fact-gone">
      <p class="fact-flag">
        <span class="flag-mark" aria-hidden="true">
          ∅
        </span>
        {goneLine(saved)}
      </p>
      {saved.saved !== undefined ? (
        <p class="saved-text">
          <span class="visually-hidden">As you saved it: </span>
          {saved.saved}
        </p>
      ) : (
        <p class="muted">
          This fact ({factId}) was saved before Gloss kept the text of saved facts.
        </p>
      )}
    </div>
  );
}

/** A bookmark as a list item. */
export function BookmarkItem(props: BookmarkItemProps) {
  const { bookmark: b, termName, saved } = props;
  const date = formatSavedDate(b.savedAt);
  const text = shownText(saved);
  const { pack } = saved;
  return (
    <li class="saved-item" data-key={bookmarkKey(b)} data-state={saved.kind}>
      <div class="saved-head">
        <span class="saved-title">
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
          {pack.bundled || pack.state === 'removed' ? null : (
            <span class="saved-pack">
              {pack.title}
              {pack.state === 'off' ? ' (off)' : ''}
            </span>
          )}
        </span>
        <button
          type="button"
          class="icon-button remove"
          aria-label={`Remove bookmark: ${termName}, ${text?.slice(0, 60) ?? b.factId}`}
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
      <SavedFactBody saved={saved} sources={props.sources} factId={b.factId} />
      {pack.state === 'off' ? (
        <p class="muted pack-off">The pack “{pack.title}” is off; this bookmark is kept.</p>
      ) : null}
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
