/**
 * Exporting bookmarks (Markdown to read, CSV for Anki, JSON to move them to another browser) and
 * reading an exported JSON file back. Importing is all or nothing: a malformed, foreign or
 * oversized file is refused with a message that names the problem, before anything is written.
 */
import type { Fact, PackTerm, Source } from '../../data/schema';
import { formatFactDate } from '../shared/format-date';
import {
  BOOKMARKS_VERSION,
  bookmarkKey,
  newestFirst,
  validateBookmark,
  type Bookmark,
} from './bookmark-store';
import { validateReviewEntry, type ReviewEntry } from './review-store';

/** The `format` field that marks a Gloss export. */
export const EXPORT_FORMAT = 'gloss-bookmarks';
/** Files above this size are refused unread (an export of 5,000 bookmarks is well under it). */
export const MAX_IMPORT_BYTES = 2_000_000;
/** At most this many bookmarks per file. */
export const MAX_IMPORT_ITEMS = 5000;

/** What the exports need from the facts of every pack (term ids as `qualifiedTermId` makes them). */
export interface FactLookup {
  term(id: string): PackTerm | undefined;
  /** A source by id, of the pack of term `termId` (packs may reuse each other's source ids). */
  source(id: string, termId?: string): Source | undefined;
}

/** Versions of the JSON export this Gloss reads: 2 (no saved texts) and the current one. */
export const IMPORT_VERSIONS: readonly number[] = [2, BOOKMARKS_VERSION];

/** The JSON export. */
export interface BookmarkExport {
  format: typeof EXPORT_FORMAT;
  version: typeof BOOKMARKS_VERSION;
  exportedAt: string;
  items: Bookmark[];
  /** The review schedule and history of the exported bookmarks (optional: added December 2026). */
  reviews?: Record<string, ReviewEntry>;
}

function find(lookup: FactLookup, b: Bookmark): { term?: PackTerm; fact?: Fact } {
  const term = lookup.term(b.termId);
  return { term, fact: term?.facts.find((f) => f.id === b.factId) };
}

/**
 * "India Briefing, News18 · Nov 2021": the fact's sources by short label, and its date; the
 * sources looked up in the pack of `termId`.
 */
export function sourceLine(lookup: FactLookup, fact: Fact, termId?: string): string {
  const labels = fact.sources.map((id) => lookup.source(id, termId)?.short ?? id);
  return `${labels.join(', ')} · ${formatFactDate(fact.date)}`;
}

/** True for addresses Gloss links to: http and https only. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && URL.canParse(url);
}

/** The JSON export, pretty-printed, with the review schedule of the exported bookmarks. */
export function exportJson(
  items: readonly Bookmark[],
  now: Date,
  reviews: ReadonlyMap<string, ReviewEntry> = new Map(),
): string {
  const file: BookmarkExport = {
    format: EXPORT_FORMAT,
    version: BOOKMARKS_VERSION,
    exportedAt: now.toISOString(),
    items: newestFirst(items),
  };
  const scheduled = items.flatMap((b) => {
    const entry = reviews.get(bookmarkKey(b));
    return entry ? [[bookmarkKey(b), entry] as const] : [];
  });
  if (scheduled.length > 0) file.reviews = Object.fromEntries(scheduled);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Escapes text from pages and notes so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** A Markdown document: one section per term (in order of the newest bookmark), newest first. */
export function exportMarkdown(items: readonly Bookmark[], lookup: FactLookup, now: Date): string {
  const groups = new Map<string, Bookmark[]>();
  for (const b of newestFirst(items)) groups.set(b.termId, [...(groups.get(b.termId) ?? []), b]);
  const out = ['# Gloss bookmarks', '', `Exported ${now.toISOString().slice(0, 10)}.`, ''];
  for (const [termId, group] of groups) {
    const term = lookup.term(termId);
    out.push(`## ${escapeMarkdown(term?.name ?? termId)}`, '');
    if (term) out.push(`*${escapeMarkdown(term.expansion)}*`, '');
    for (const b of group) {
      const { fact } = find(lookup, b);
      const text = fact
        ? escapeMarkdown(fact.text)
        : b.text !== undefined
          ? `${escapeMarkdown(b.text)} (as saved; no longer in Gloss)`
          : `Fact “${b.factId}” (no longer in Gloss)`;
      out.push(`- ${text}`);
      if (fact) out.push(`  - Source: ${escapeMarkdown(sourceLine(lookup, fact, b.termId))}`);
      if (fact && b.text !== undefined && b.text !== fact.text) {
        out.push(`  - As saved: ${escapeMarkdown(b.text)}`);
      }
      const saved = `saved ${b.savedAt.slice(0, 10)}`;
      if (b.page && isWebUrl(b.page.url)) {
        // encodeURIComponent leaves parentheses alone; they would end the Markdown link early.
        const url = b.page.url.replace(
          /[()<> ]/g,
          (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
        );
        out.push(`  - From [${escapeMarkdown(b.page.title)}](${url}), ${saved}`);
      } else if (b.page) {
        out.push(`  - From ${escapeMarkdown(b.page.title)}, ${saved}`);
      } else {
        out.push(`  - ${saved[0]?.toUpperCase()}${saved.slice(1)}`);
      }
      if (b.note) out.push(`  - Note: ${escapeMarkdown(b.note)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * One CSV field, quoted when needed (RFC 4180). A field that a spreadsheet would run as a formula
 * (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which
 * spreadsheets read as "this is text": notes and page titles come from readers and pages, and an
 * export opened in a spreadsheet must not run them (OWASP, "CSV Injection").
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "deliveries-began" → "Deliveries began?": the fact's id read as a question. */
export function factQuestion(factId: string): string {
  const words = factId.replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}?`;
}

/**
 * A CSV file for Anki's "Import File": Anki reads the `#` header lines (separator, plain text,
 * columns, tags column). Front: the term and a question; back: the fact, its sources and date,
 * and the reader's note.
 */
export function exportCsv(items: readonly Bookmark[], lookup: FactLookup): string {
  const rows = ['#separator:Comma', '#html:false', '#columns:Front,Back,Tags', '#tags column:3'];
  for (const b of newestFirst(items)) {
    const { term, fact } = find(lookup, b);
    const front = `${term?.name ?? b.termId}: ${factQuestion(b.factId)}`;
    const gone = b.text !== undefined ? `${b.text}\n(as saved; no longer in Gloss)` : '';
    const back = [
      fact ? fact.text : gone || `(fact ${b.factId} is no longer in Gloss)`,
      fact ? `Source: ${sourceLine(lookup, fact, b.termId)}` : '',
      b.note ? `Note: ${b.note}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const tags = ['gloss', (term?.category ?? '').replace(/\s+/g, '-')].filter(Boolean).join(' ');
    rows.push([front, back, tags].map(csvField).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** An import: the file's bookmarks, or what is wrong with it. */
export type ParsedImport =
  { ok: true; items: Bookmark[]; reviews: Map<string, ReviewEntry> } | { ok: false; error: string };

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** Reads an exported JSON file. Every bookmark must be valid, or the whole file is refused. */
export function parseImport(text: string): ParsedImport {
  const refuse = (error: string): ParsedImport => ({ ok: false, error });
  if (typeof text !== 'string') return refuse('The file could not be read as text.');
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    return refuse(
      `The file is too large (${megabytes(bytes)}); Gloss imports bookmark files up to ${megabytes(MAX_IMPORT_BYTES)}.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    return refuse(
      `The file is not valid JSON (${detail || 'it could not be parsed'}); it may be damaged or cut short.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(
      'This is not a Gloss bookmarks file: it should be a JSON object with "format": "gloss-bookmarks".',
    );
  }
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) {
    return refuse(
      'This is not a Gloss bookmarks file: it has no "format": "gloss-bookmarks" field.',
    );
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version)) {
    return refuse('The file has no valid "version" number.');
  }
  if (file.version > BOOKMARKS_VERSION) {
    return refuse(
      `The file was made by a newer version of Gloss (format ${file.version}); update Gloss to import it.`,
    );
  }
  // Version 2 files differ only in having no saved texts: their bookmarks are read as they are.
  if (!IMPORT_VERSIONS.includes(file.version))
    return refuse(`The file’s format version ${file.version} is not supported.`);
  if (!Array.isArray(file.items)) return refuse('The file has no "items" list of bookmarks.');
  if (file.items.length > MAX_IMPORT_ITEMS) {
    return refuse(
      `The file has ${file.items.length} bookmarks; Gloss imports up to ${MAX_IMPORT_ITEMS} at a time.`,
    );
  }
  const items: Bookmark[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of file.items.entries()) {
    const b = validateBookmark(entry);
    if (typeof b === 'string')
      return refuse(`Bookmark ${i + 1} in the file is invalid: ${b}. Nothing was imported.`);
    if (!seen.has(bookmarkKey(b))) items.push(b);
    seen.add(bookmarkKey(b));
  }
  const reviews = new Map<string, ReviewEntry>();
  if (file.reviews !== undefined) {
    if (typeof file.reviews !== 'object' || file.reviews === null || Array.isArray(file.reviews)) {
      return refuse(
        'The file’s "reviews" is not an object of review schedules. Nothing was imported.',
      );
    }
    for (const [key, value] of Object.entries(file.reviews)) {
      if (!seen.has(key)) {
        return refuse(
          `The review schedule of “${key}” has no bookmark in the file. Nothing was imported.`,
        );
      }
      const entry = validateReviewEntry(value);
      if (typeof entry === 'string') {
        return refuse(
          `The review schedule of “${key}” is invalid: ${entry}. Nothing was imported.`,
        );
      }
      reviews.set(key, entry);
    }
  }
  return { ok: true, items, reviews };
}
