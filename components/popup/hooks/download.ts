/**
 * Saves text as a file through a temporary link, so exporting needs no `downloads` permission.
 */
import type { Bookmark } from '../../store/bookmark-store';
import type { ReviewEntry } from '../../store/review-store';
import { exportCsv, exportJson, exportMarkdown, type FactLookup } from '../../store/bookmark-io';

/** Offers `text` as a download named `filename`. */
export function downloadText(doc: Document, filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** What each export kind is called and how it is built. */
const EXPORTS = {
  markdown: { ext: 'md', type: 'text/markdown;charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv;charset=utf-8' },
  json: { ext: 'json', type: 'application/json' },
} as const;

/** Downloads `items` as Markdown, CSV (Anki) or JSON, named e.g. `gloss-bookmarks-2025-01-31.md`. */
export function downloadBookmarks(
  doc: Document,
  kind: keyof typeof EXPORTS,
  items: readonly Bookmark[],
  facts: FactLookup,
  reviews: ReadonlyMap<string, ReviewEntry>,
  now = new Date(),
): void {
  const text =
    kind === 'markdown'
      ? exportMarkdown(items, facts, now)
      : kind === 'csv'
        ? exportCsv(items, facts)
        : exportJson(items, now, reviews);
  const { ext, type } = EXPORTS[kind];
  downloadText(doc, `gloss-bookmarks-${now.toISOString().slice(0, 10)}.${ext}`, text, type);
}
