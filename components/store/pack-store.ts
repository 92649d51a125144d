/**
 * The reader's fact packs in `storage.local`: a versioned record of imported packs and whether
 * each (and the bundled one) is on, and beside it the matcher index of what is on, built by the
 * background when packs change so no page builds it. Pure: it takes and returns plain values.
 *
 * Version history of the stored value:
 * - 1: `{ version: 1, bundledEnabled, items: StoredPack[] }`.
 */
import type { PackTerm, Source } from '../../data/schema';

/** Storage key of the record. */
export const PACKS_KEY = 'packs';
/** Storage key of entries that could not be read, kept aside untouched. */
export const PACKS_QUARANTINE_KEY = 'packs.quarantine';
/**
 * Storage key of the matcher index for the packs that are on; absent while only the bundled
 * pack is on (the content script then uses the index built into it).
 */
export const PACK_INDEX_KEY = 'packs.index';
/** Terms of different packs that share an alias (see pack-shared.ts), written with the index. */
export const PACKS_SHARED_KEY = 'packs.shared';
export const PACKS_VERSION = 1;
/** The largest pack file read (a 10,000-term pack with full facts is about 6 MB). */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;

/** A pack as stored and used (its file format: data/pack.schema.json, read by pack-format.ts). */
export interface Pack {
  format: 'gloss-pack/1';
  id: string;
  title: string;
  version: string;
  language: string;
  licence: string;
  description?: string;
  author?: string;
  sources: Source[];
  terms: PackTerm[];
}

/** One thing wrong with a file, where it is (1-based line and column) and what to do. */
export interface PackProblem {
  line: number;
  column: number;
  message: string;
}

/** Problems as lines for the reader: `Line 4, column 12: …`. */
export function describeProblems(problems: readonly PackProblem[]): string[] {
  return problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`);
}

/** One imported pack and its state. */
export interface StoredPack {
  pack: Pack;
  enabled: boolean;
  /** When it was imported (or last replaced), ISO 8601. */
  importedAt: string;
}

/** The stored value. */
export interface PackRecord {
  version: typeof PACKS_VERSION;
  /** Whether the pack built into Gloss is on. */
  bundledEnabled: boolean;
  items: StoredPack[];
}

/** The record read back, with what could not be read. */
export interface PackRead {
  record: PackRecord;
  rejects: { reason: string; value: unknown }[];
}

/** The empty record: only the bundled pack, on. */
export function emptyPackRecord(): PackRecord {
  return { version: PACKS_VERSION, bundledEnabled: true, items: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a stored entry. Packs were validated whole when imported; this only guards
 * against a record damaged in storage, so a broken entry is set aside instead of crashing a page.
 */
function readEntry(value: unknown): StoredPack | string {
  if (!isObject(value) || !isObject(value.pack)) return 'not a stored pack';
  const pack = value.pack;
  if (typeof pack.id !== 'string' || typeof pack.title !== 'string') return 'the pack has no id';
  if (!Array.isArray(pack.terms) || !Array.isArray(pack.sources)) return 'the pack has no terms';
  if (typeof value.enabled !== 'boolean') return '"enabled" is not true or false';
  if (typeof value.importedAt !== 'string') return '"importedAt" is missing';
  return { pack: pack as unknown as Pack, enabled: value.enabled, importedAt: value.importedAt };
}

/** Reads whatever is stored under `packs`. Never throws, never drops: see `rejects`. */
export function parsePackRecord(raw: unknown): PackRead {
  const record = emptyPackRecord();
  const rejects: PackRead['rejects'] = [];
  if (raw === undefined || raw === null) return { record, rejects };
  if (!isObject(raw) || raw.version !== PACKS_VERSION || !Array.isArray(raw.items)) {
    rejects.push({ reason: 'the stored packs are not in a format this Gloss knows', value: raw });
    return { record, rejects };
  }
  if (typeof raw.bundledEnabled === 'boolean') record.bundledEnabled = raw.bundledEnabled;
  const ids = new Set<string>();
  raw.items.forEach((entry, i) => {
    const read = readEntry(entry);
    if (typeof read === 'string') rejects.push({ reason: `pack ${i + 1}: ${read}`, value: entry });
    else if (ids.has(read.pack.id))
      rejects.push({ reason: `pack ${i + 1}: a second copy of "${read.pack.id}"`, value: entry });
    else {
      ids.add(read.pack.id);
      record.items.push(read);
    }
  });
  return { record, rejects };
}

/**
 * The id a pack's term has in Gloss: the bundled pack's terms keep their own ids (bookmarks
 * made before packs existed use them); an imported pack's are `packId~termId`, so two packs may
 * both have a term "s-400" without one hiding the other.
 */
export function qualifiedTermId(packId: string, termId: string, bundledId: string): string {
  return packId === bundledId ? termId : `${packId}~${termId}`;
}

/** The pack id and the term id of a qualified id (null pack for the bundled pack's terms). */
export function splitTermId(id: string): { packId: string | null; termId: string } {
  const at = id.indexOf('~');
  return at < 0
    ? { packId: null, termId: id }
    : { packId: id.slice(0, at), termId: id.slice(at + 1) };
}

/** Compares versions `major.minor.patch`: negative when `a` is older than `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let k = 0; k < 3; k++) {
    const d = (pa[k] ?? 0) - (pb[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** What replacing `old` with `next` changes, by term id. */
export interface PackDiff {
  added: string[];
  removed: string[];
  /** Terms whose aliases or facts differ. */
  changed: string[];
}

/** The terms added, removed and changed from one version of a pack to the next. */
export function diffPacks(old: Pack, next: Pack): PackDiff {
  const before = new Map(old.terms.map((t) => [t.id, t]));
  const after = new Map(next.terms.map((t) => [t.id, t]));
  const same = (a: PackTerm, b: PackTerm) => JSON.stringify(a) === JSON.stringify(b);
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed: [...after.entries()]
      .filter(([id, t]) => before.has(id) && !same(before.get(id) as PackTerm, t))
      .map(([id]) => id),
  };
}
