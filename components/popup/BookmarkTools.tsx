/**
 * Export (Markdown, CSV for Anki, JSON) and import (JSON) of the bookmarks. The toolbar popup
 * closes when a file chooser opens, so there Import opens the same page in a tab, where it works.
 */
import { useRef } from 'preact/hooks';

export type ExportKind = 'markdown' | 'csv' | 'json';

export interface BookmarkToolsProps {
  canExport: boolean;
  /** True when this page is a tab (a file chooser can open without closing it). */
  inTab: boolean;
  onExport(kind: ExportKind): void;
  onImport(file: File): void;
  onOpenInTab(): void;
}

/** The export and import buttons. */
export function BookmarkTools(props: BookmarkToolsProps) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <div class="tools">
      <div class="tool-group" role="group" aria-labelledby="export-label">
        <span id="export-label" class="tool-label">
          Export
        </span>
        <button
          type="button"
          class="button"
          disabled={!props.canExport}
          onClick={() => props.onExport('markdown')}
        >
          Markdown
        </button>
        <button
          type="button"
          class="button"
          disabled={!props.canExport}
          onClick={() => props.onExport('csv')}
        >
          CSV <span class="hint">(Anki)</span>
        </button>
        <button
          type="button"
          class="button"
          disabled={!props.canExport}
          onClick={() => props.onExport('json')}
        >
          JSON
        </button>
      </div>
      <div class="tool-group">
        <button
          type="button"
          class="button"
          onClick={() => (props.inTab ? file.current?.click() : props.onOpenInTab())}
        >
          Import JSON…
        </button>
        <input
          ref={file}
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-label="Bookmarks file to import"
          data-testid="import-file"
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (picked) props.onImport(picked);
          }}
        />
      </div>
    </div>
  );
}
