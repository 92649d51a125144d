/**
 * The reader's note on a bookmark: shown as text, edited in a textarea on demand. Ctrl/Cmd+Enter
 * saves, Escape cancels (without closing the popup).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../store/bookmark-store';

export interface NoteEditorProps {
  note: string;
  /** What the note is about, for the accessible names. */
  about: string;
  onSave(note: string): Promise<boolean>;
}

/** A note with Add/Edit, Save and Cancel. */
export function NoteEditor({ note, about, onSave }: NoteEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const area = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // Focus in the same commit as the textarea appears, so no keystroke is lost.
  useLayoutEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  async function save() {
    if (await onSave(draft.trim())) {
      setEditing(false);
      requestAnimationFrame(() => opener.current?.focus());
    }
  }
  function cancel() {
    setDraft(note);
    setEditing(false);
    requestAnimationFrame(() => opener.current?.focus());
  }

  if (!editing) {
    return (
      <div class="note">
        {note ? <p class="note-text">{note}</p> : null}
        <button
          type="button"
          class="link-button"
          ref={opener}
          aria-label={`${note ? 'Edit note' : 'Add a note'} on ${about}`}
          onClick={() => {
            setDraft(note);
            setEditing(true);
          }}
        >
          {note ? 'Edit note' : 'Add a note'}
        </button>
      </div>
    );
  }
  return (
    <div class="note note-editing">
      <textarea
        ref={area}
        class="note-input"
        aria-label={`Note on ${about}`}
        maxLength={LIMITS.note}
        rows={3}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            cancel();
          }
        }}
      />
      <div class="note-actions">
        <button type="button" class="button primary" onClick={() => void save()}>
          Save note
        </button>
        <button type="button" class="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
