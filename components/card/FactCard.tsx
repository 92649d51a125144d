/**
 * The hover card: a term's name, expansion and summary, its key facts with sources, a bookmark
 * toggle per fact, and related terms. Pure: it renders what it is given and reports clicks.
 */
import type { TermDetail } from '../shared/messages';
import { BookmarkToggle } from '../shared/BookmarkToggle';
import { FactValues } from '../shared/FactValues';
import { bookmarkKey } from '../store/bookmark-store';

export interface FactCardProps {
  /** The term to show, or null while it loads. */
  detail: TermDetail | null;
  /** Keys (`termId/factId`) of bookmarked facts. */
  bookmarked: ReadonlySet<string>;
  /** A message to show instead of the facts (the extension was updated, a save failed). */
  notice?: string | null;
  headingId: string;
  onToggleBookmark(factId: string): void;
  onOpenRelated(termId: string): void;
  onOpenFull(termId: string): void;
  onClose(): void;
  /** Set when the card shows a match of the selection card: back to the matches. */
  onBack?: () => void;
}

/** The facts a card shows: the ones marked key, or the first three. */
export function cardFacts(detail: TermDetail): TermDetail['term']['facts'] {
  const key = detail.term.facts.filter((f) => f.key);
  return key.length > 0 ? key : detail.term.facts.slice(0, 3);
}

export function FactCard(props: FactCardProps) {
  const { detail, bookmarked, headingId } = props;
  const back = props.onBack ? (
    <button type="button" class="link back" onClick={props.onBack}>
      ← Back to the matches
    </button>
  ) : null;
  if (!detail) {
    return (
      <div class="card-body" aria-busy="true">
        <p class="muted" id={headingId}>
          {props.notice ?? 'Loading…'}
        </p>
        {back}
      </div>
    );
  }
  const { term, sources, related } = detail;
  const facts = cardFacts(detail);
  const more = term.facts.length - facts.length;
  return (
    <div class="card-body">
      <div class="card-head">
        <h2 id={headingId}>{term.name}</h2>
        <button type="button" class="icon-button" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="expansion">{term.expansion}</p>
      {detail.pack ? <p class="card-pack">From the pack “{detail.pack}”</p> : null}
      <p class="summary">{term.summary}</p>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <ul class="facts">
        {facts.map((fact) => {
          const saved = bookmarked.has(bookmarkKey({ termId: term.id, factId: fact.id }));
          return (
            <li key={fact.id} class="fact-row">
              <FactValues fact={fact} sources={sources} />
              <BookmarkToggle
                saved={saved}
                factText={fact.text}
                onToggle={() => props.onToggleBookmark(fact.id)}
              />
            </li>
          );
        })}
      </ul>
      {related.length > 0 ? (
        <nav class="related" aria-label="Related terms">
          <span class="muted">Related:</span>
          {related.map((r) => (
            <button type="button" class="chip" key={r.id} onClick={() => props.onOpenRelated(r.id)}>
              {r.name}
            </button>
          ))}
        </nav>
      ) : null}
      {detail.also && detail.also.length > 0 ? (
        <nav class="related also" aria-label="The same name in other packs">
          <span class="muted">Also in other packs:</span>
          {detail.also.map((a) => (
            <button type="button" class="chip" key={a.id} onClick={() => props.onOpenRelated(a.id)}>
              {a.name} <span class="chip-pack">· {a.pack}</span>
            </button>
          ))}
        </nav>
      ) : null}
      <div class="card-foot">
        {back}
        <button type="button" class="link" onClick={() => props.onOpenFull(term.id)}>
          {more > 0 ? `All ${term.facts.length} facts` : 'Open in full'} →
        </button>
      </div>
    </div>
  );
}
