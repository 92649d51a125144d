/**
 * The selection card: what the reader selected, the terms of Gloss it matches (best first, as the
 * popup's search ranks them; each opens its facts), a clear state when nothing matches, and a
 * form to add the selection to the reader's own terms with a note. Pure: it renders what it is
 * given and reports what the reader does. Every string is rendered as text.
 */
import type { LookupAnswer } from '../shared/messages';
import type { OwnTermAdded } from '../store/own-pack';
import { OWN_LIMITS } from '../store/own-pack-limits';

export interface SelectionCardProps {
  /** The selected text as the reader sees it (shortened for the heading). */
  text: string;
  /** The matches, or null while they load. */
  answer: LookupAnswer | null;
  /** The form to add the text is open. */
  adding: boolean;
  note: string;
  /** What the last add did; null before one. */
  added: OwnTermAdded | null;
  /** Why the look-up or the add failed. */
  error: string | null;
  busy: boolean;
  headingId: string;
  onOpen(termId: string): void;
  onStartAdd(): void;
  onNote(note: string): void;
  onAdd(): void;
  onClose(): void;
}

/** `text` cut to `max` characters with an ellipsis, for headings and buttons. */
export function shorten(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function Matches({ answer, onOpen }: Pick<SelectionCardProps, 'answer' | 'onOpen'>) {
  if (!answer) return <p class="muted">Looking it up…</p>;
  if (answer.matches.length === 0) {
    return (
      <p class="empty" role="status">
        Nothing found in Gloss for “{shorten(answer.query)}”.
      </p>
    );
  }
  return (
    <ul class="matches" aria-label="Matches in Gloss">
      {answer.matches.map((m) => (
        <li key={m.id}>
          <button type="button" class="match" onClick={() => onOpen(m.id)}>
            <span class="match-name">{m.name}</span>
            {m.expansion && m.expansion !== m.name ? (
              <span class="match-expansion">{m.expansion}</span>
            ) : null}
            {m.pack ? <span class="chip-pack">{m.pack}</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

function AddForm(props: SelectionCardProps) {
  const short = shorten(props.text, 32);
  if (props.added) {
    return (
      <p class="notice added" role="status">
        {props.added.added
          ? `Added “${props.added.term.name}” to your terms: Gloss marks it on your pages now.`
          : `“${props.added.term.name}” is already in your terms.`}
      </p>
    );
  }
  if (!props.adding) {
    return (
      <button type="button" class="button add-term" onClick={props.onStartAdd}>
        Add “{short}” to my terms
      </button>
    );
  }
  return (
    <form
      class="add-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAdd();
      }}
    >
      <label class="field-label" for="gloss-own-note">
        Your note on “{short}” (optional)
      </label>
      <textarea
        id="gloss-own-note"
        class="note-field"
        rows={3}
        maxLength={OWN_LIMITS.note}
        value={props.note}
        onInput={(e) => props.onNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="button add-term" disabled={props.busy}>
        Add to my terms
      </button>
    </form>
  );
}

export function SelectionCard(props: SelectionCardProps) {
  return (
    <div class="card-body selection-card">
      <div class="card-head">
        <h2 id={props.headingId}>Gloss: “{shorten(props.text)}”</h2>
        <button type="button" class="icon-button" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <Matches answer={props.answer} onOpen={props.onOpen} />
      {props.error ? (
        <p class="notice" role="alert">
          {props.error}
        </p>
      ) : null}
      <AddForm {...props} />
    </div>
  );
}
