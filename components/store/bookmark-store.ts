/**
 * The reader's bookmarks: a versioned envelope in `storage.local`, read leniently here and changed
 * by the pure functions of `bookmark-changes.ts`. Only the background writes it
 * (see `bookmark-writer.ts`).
 *
 * Reading never throws and never loses data: entries it cannot read are returned as `rejects`,
 * which the writer moves under `bookmarks.quarantine` (in the same `set` as its next write) so
 * the popup can tell the reader and nothing is deleted.
 *
 * Version history of the stored value:
 * - 1 (the prototype): a bare array of `{ key: 'termId/factId', at: epoch ms, url?, title? }`.
 * - 2: `{ version: 2, items: Bookmark[] }`, with notes and an ISO `savedAt`.
 * - 3: the same, each bookmark with the `text` of the fact as it was saved, so a fact a newer
 *   pack changes or removes still shows what the reader saved. Reading a version 2 (or 1) value
 *   fills `text` from the facts Gloss has at that moment (`FactText`), where it finds them.
 */

/** Where a bookmark was saved from. Strings come from pages: always render them as text. */
export interface PageRef {
  title: string;
  url: string;
}

/** Storage key of the envelope. */
export const BOOKMARKS_KEY = 'bookmarks';
/** Storage key of the entries that could not be read, kept aside untouched. */
export const QUARANTINE_KEY = 'bookmarks.quarantine';
/** The current envelope version. */
export const BOOKMARKS_VERSION = 3;

/** Limits on strings stored with a bookmark (they come from pages and the reader). */
export const LIMITS = { title: 1000, url: 4096, note: 5000, id: 100, text: 10_000 } as const;

/** One saved fact. */
export interface Bookmark {
  termId: string;
  factId: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** The page it was saved from; null when saved from the popup. */
  page: PageRef | null;
  /** The reader's note ('' for none). */
  note: string;
  /**
   * The fact's text when it was saved (version 3). Absent when it is not known: saved by an
   * older Gloss for a fact that was already gone when the bookmarks were migrated.
   */
  text?: string;
}

/**
 * The current text of a fact, or undefined when Gloss has no such fact: what a migration and a
 * new bookmark take the saved text from (the background builds it from every stored pack).
 */
export type FactText = (termId: string, factId: string) => string | undefined;

/** The stored value. */
export interface BookmarkEnvelope {
  version: typeof BOOKMARKS_VERSION;
  items: Bookmark[];
}

/** Something that could not be read, with why. */
export interface Reject {
  reason: string;
  value: unknown;
}

/** A quarantined entry as stored: the reject and when it was set aside. */
export interface QuarantineEntry extends Reject {
  at: string;
}

/** The outcome of reading the stored value. */
export interface BookmarkRead {
  items: Bookmark[];
  rejects: Reject[];
  /** The version the value was stored in, when it was not current (it is migrated on write). */
  migratedFrom?: number;
}

/** The result of importing a file (see `bookmark-io.ts`). */
export type ImportOutcome =
  { ok: true; added: number; updated: number; unchanged: number } | { ok: false; error: string };

/** Same rule as `idPattern` in `data/schema.ts` (not imported: that module pulls in zod). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A term of an imported pack is `packId~termId` (see `qualifiedTermId` in pack-store.ts). */
const TERM_ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*~)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The key that identifies a bookmark: `termId/factId`. */
export function bookmarkKey(b: { termId: string; factId: string }): string {
  return `${b.termId}/${b.factId}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkId(value: unknown, name: string, pattern = ID, max: number = LIMITS.id) {
  if (typeof value !== 'string') return `"${name}" is missing or not text`;
  if (value.length > max || !pattern.test(value)) return `"${name}" is not a valid id`;
  return undefined;
}

/**
 * Checks one bookmark; returns it (copied, extra fields dropped) or the reason it is not one.
 * Missing optional parts (`note`, `page`) default; wrong types are errors.
 */
export function validateBookmark(value: unknown): Bookmark | string {
  if (!isObject(value)) return 'not an object';
  const idError =
    checkId(value.termId, 'termId', TERM_ID, LIMITS.id * 2 + 1) ?? checkId(value.factId, 'factId');
  if (idError) return idError;
  if (typeof value.savedAt !== 'string' || !Number.isFinite(Date.parse(value.savedAt))) {
    return '"savedAt" is not a date';
  }
  let page: PageRef | null = null;
  if (value.page !== null && value.page !== undefined) {
    const p = value.page;
    if (!isObject(p) || typeof p.title !== 'string' || typeof p.url !== 'string') {
      return '"page" must be null or have a text "title" and "url"';
    }
    if (p.title.length > LIMITS.title) return `"page.title" is longer than ${LIMITS.title}`;
    if (p.url.length > LIMITS.url) return `"page.url" is longer than ${LIMITS.url}`;
    page = { title: p.title, url: p.url };
  }
  const note = value.note ?? '';
  if (typeof note !== 'string') return '"note" is not text';
  if (note.length > LIMITS.note) return `"note" is longer than ${LIMITS.note} characters`;
  if (value.text !== undefined && typeof value.text !== 'string') return '"text" is not text';
  if (typeof value.text === 'string' && value.text.length > LIMITS.text) {
    return `"text" is longer than ${LIMITS.text} characters`;
  }
  const bookmark: Bookmark = {
    termId: value.termId as string,
    factId: value.factId as string,
    savedAt: new Date(value.savedAt).toISOString(),
    page,
    note,
  };
  if (typeof value.text === 'string') bookmark.text = value.text;
  return bookmark;
}

/**
 * `b` with its saved text filled in from `textOf` when it has none (the v2 → v3 step). A fact
 * Gloss no longer has leaves the bookmark as it is: it is kept, only without a saved text.
 */
export function withSavedText(b: Bookmark, textOf: FactText | undefined): Bookmark {
  if (b.text !== undefined || !textOf) return b;
  const text = textOf(b.termId, b.factId);
  return text === undefined ? b : { ...b, text: text.slice(0, LIMITS.text) };
}

/** Reads one version-1 entry. */
function fromVersion1(value: unknown): Bookmark | string {
  if (!isObject(value) || typeof value.key !== 'string') return 'not a version 1 bookmark';
  const [termId, factId, extra] = value.key.split('/');
  const at = typeof value.at === 'number' ? new Date(value.at) : new Date(NaN);
  if (!Number.isFinite(at.getTime())) return '"at" is not a time';
  const url = typeof value.url === 'string' ? value.url : null;
  const title = typeof value.title === 'string' ? value.title : (url ?? '');
  if (extra !== undefined) return '"key" is not termId/factId';
  return validateBookmark({
    termId,
    factId,
    savedAt: at.toISOString(),
    page: url ? { title, url } : null,
    note: '',
  });
}

/** Adds `b` unless its key is taken; a duplicate only fills in an empty note or saved text. */
function addUnique(items: Bookmark[], seen: Map<string, Bookmark>, b: Bookmark): void {
  const key = bookmarkKey(b);
  const first = seen.get(key);
  if (!first) {
    seen.set(key, b);
    items.push(b);
    return;
  }
  if (!first.note && b.note) first.note = b.note;
  if (first.text === undefined && b.text !== undefined) first.text = b.text;
}

/**
 * Reads whatever is stored under `bookmarks` (any version, or garbage). Never throws. An older
 * version is migrated: `textOf`, when given, fills in the saved text of each bookmark.
 */
export function parseBookmarks(raw: unknown, textOf?: FactText): BookmarkRead {
  const items: Bookmark[] = [];
  const rejects: Reject[] = [];
  const seen = new Map<string, Bookmark>();
  if (raw === undefined || raw === null) return { items, rejects };
  const read = (entries: unknown[], parse: (v: unknown) => Bookmark | string) => {
    entries.forEach((entry, i) => {
      const b = parse(entry);
      if (typeof b === 'string') rejects.push({ reason: `entry ${i + 1}: ${b}`, value: entry });
      else addUnique(items, seen, withSavedText(b, textOf));
    });
  };
  if (Array.isArray(raw)) {
    read(raw, fromVersion1);
    return { items, rejects, migratedFrom: 1 };
  }
  if (!isObject(raw) || !Array.isArray(raw.items) || typeof raw.version !== 'number') {
    rejects.push({ reason: 'the stored bookmarks are not in a format Gloss knows', value: raw });
    return { items, rejects };
  }
  if (raw.version > BOOKMARKS_VERSION) {
    // Saved by a newer Gloss: keep the whole record aside and salvage what this version can read.
    rejects.push({ reason: `saved by a newer version of Gloss (${raw.version})`, value: raw });
    for (const entry of raw.items) {
      const b = validateBookmark(entry);
      if (typeof b !== 'string') addUnique(items, seen, b);
    }
    return { items, rejects, migratedFrom: raw.version };
  }
  read(raw.items, validateBookmark);
  return raw.version < BOOKMARKS_VERSION
    ? { items, rejects, migratedFrom: raw.version }
    : { items, rejects };
}

/** Reads the quarantine list; anything else found there is kept inside it, not dropped. */
export function parseQuarantine(raw: unknown): QuarantineEntry[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw as QuarantineEntry[];
  return [{ reason: 'an earlier quarantine record', value: raw, at: new Date(0).toISOString() }];
}

/** Bookmarks newest first (the popup's order); ties keep their stored order. */
export function newestFirst(items: readonly Bookmark[]): Bookmark[] {
  return items
    .map((b, i) => ({ b, i, t: Date.parse(b.savedAt) }))
    .sort((x, y) => y.t - x.t || x.i - y.i)
    .map((x) => x.b);
}
