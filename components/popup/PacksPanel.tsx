/**
 * The fact packs on the options page: each pack with its switch (and a remove button for
 * imported ones), and an import by file picker or by dropping a file, which shows what the file
 * holds, and for a newer version what it changes, before anything is written.
 */
import { useRef, useState } from 'preact/hooks';
import type { PacksState } from './hooks/usePacks';

const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

/** The pending import: what it is and what it changes, with Import and Cancel. */
function Confirm({ state }: { state: PacksState }) {
  const pending = state.pending;
  if (!pending) return null;
  const { pack, replaces } = pending.preview;
  return (
    <div class="pack-confirm" role="group" aria-labelledby="pack-confirm-title">
      <p id="pack-confirm-title">
        <strong>{pack.title}</strong> {pack.version} ({pack.terms} terms, {pack.language},{' '}
        {pack.licence})
      </p>
      {replaces ? (
        <dl class="pack-diff">
          <dt>Replaces version</dt>
          <dd>{replaces.version}</dd>
          <dt>Terms added</dt>
          <dd>{list(replaces.diff.added)}</dd>
          <dt>Terms removed</dt>
          <dd>{list(replaces.diff.removed)}</dd>
          <dt>Terms changed</dt>
          <dd>{list(replaces.diff.changed)}</dd>
        </dl>
      ) : null}
      <div class="pack-actions">
        <button type="button" class="button primary" onClick={state.confirm}>
          {replaces ? 'Replace' : 'Import'}
        </button>
        <button type="button" class="button" onClick={state.cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The Fact packs section. */
export function PacksPanel({ state }: { state: PacksState }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) state.choose(file);
  };
  return (
    <section class="packs" id="packs" aria-labelledby="packs-title">
      <h2 id="packs-title" class="view-title">
        Fact packs
      </h2>
      <ul class="pack-list">
        {state.packs.map((p) => (
          <li key={p.id}>
            <div class="pack-name">
              <label for={`pack-${p.id}`}>{p.title}</label>
              <span class="hint">
                {p.version} · {p.terms} terms{p.bundled ? ' · built in' : ''}
              </span>
            </div>
            <input
              id={`pack-${p.id}`}
              type="checkbox"
              role="switch"
              class="switch"
              checked={p.enabled}
              disabled={state.busy}
              onChange={(e) => state.setEnabled(p.id, e.currentTarget.checked)}
            />
            {p.bundled ? null : (
              <>
                <button
                  type="button"
                  class="button"
                  aria-label={`Export ${p.title}`}
                  disabled={state.busy}
                  onClick={() => state.exportPack(p.id)}
                >
                  Export
                </button>
                <button
                  type="button"
                  class="button"
                  aria-label={`Remove ${p.title}`}
                  disabled={state.busy}
                  onClick={() => state.remove(p.id)}
                >
                  Remove
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div
        class={over ? 'pack-drop over' : 'pack-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer?.files);
        }}
      >
        <p>Drop a pack (.json) or a glossary (CSV, or Anki’s plain-text export) here, or</p>
        <button
          type="button"
          class="button"
          disabled={state.busy}
          onClick={() => input.current?.click()}
        >
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/plain"
          class="visually-hidden"
          aria-label="Pack file"
          tabIndex={-1}
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <Confirm state={state} />
      <div role="alert">
        {state.problems.length > 0 ? (
          <ul class="message error pack-problems">
            {state.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p role="status" class="muted">
        {state.status}
      </p>
      <p class="footnote">
        Packs are files anyone can write and share; see the pack format in Gloss’s documentation.
      </p>
    </section>
  );
}
