/**
 * The single writer of fact packs (run by the background). Every change reads the record,
 * changes it and writes it back with the matcher index of the packs that are on, in ONE `set`
 * through the shared write queue: a page never sees packs and an index that disagree, and a
 * full storage quota leaves everything as it was.
 */
import type { FactBase } from '../../data/fact-base';
import type { PackTerm } from '../../data/schema';
import manifest from '../../data/pack.json';
import { buildMatcherIndex, type MatcherIndex } from '../shared/matcher-index';
import { describeProblems, parsePackText, type Pack } from './pack-format';
import {
  PACKS_KEY,
  PACKS_QUARANTINE_KEY,
  PACKS_SHARED_KEY,
  PACK_INDEX_KEY,
  compareVersions,
  diffPacks,
  parsePackRecord,
  qualifiedTermId,
  splitTermId,
  type PackDiff,
  type PackRecord,
  type StoredPack,
} from './pack-store';
import { sharedAliases, type SharedTerm } from './pack-shared';
import type { StorageAreaLike } from './settings';
import { StorageWriteError } from './storage-errors';
import type { WriteQueue } from './write-queue';

/** The pack built into Gloss: its manifest (data/pack.json) with the bundled fact base. */
export function bundledPack(base: FactBase): Pack {
  return {
    ...(manifest as Omit<Pack, 'sources' | 'terms'>),
    sources: base.sources,
    terms: base.terms,
  };
}

/** The id of the pack built into Gloss. */
export const BUNDLED_PACK_ID = manifest.id;

/** A pack as the popup lists it. */
export interface PackSummary {
  id: string;
  title: string;
  version: string;
  language: string;
  licence: string;
  terms: number;
  enabled: boolean;
  bundled: boolean;
}

/** What importing a file would do, shown before the reader confirms. */
export type PackPreview =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      pack: PackSummary;
      /** Set when a stored pack with the same id is replaced by this newer version. */
      replaces: { version: string; diff: PackDiff } | null;
    };

export type PackImportOutcome = PackPreview;

/** The writer's operations, each queued. */
export interface PackWriter {
  list(): Promise<PackSummary[]>;
  preview(text: string): Promise<PackPreview>;
  importText(text: string): Promise<PackImportOutcome>;
  setEnabled(id: string, enabled: boolean): Promise<PackSummary[]>;
  remove(id: string): Promise<PackSummary[]>;
  /** An imported pack as a file to share (the format it was imported in), or null. */
  exportText(id: string): Promise<string | null>;
  /** A term of an imported pack by its qualified id, with its pack; null when there is none. */
  term(id: string): Promise<{ term: PackTerm; pack: Pack } | null>;
  /** The terms of other packs that are on and share an alias with term `id` (qualified). */
  shared(id: string): Promise<SharedTerm[]>;
  /** One imported pack as stored, or null (the reader's own terms read theirs). */
  stored(id: string): Promise<StoredPack | null>;
  /**
   * Applies `change` to the stored record in the queue and writes it with its index in one
   * `set` (the reader's own terms change their pack so); `change` returns false to write nothing.
   * Throwing from it leaves everything as it was.
   */
  change(change: (record: PackRecord) => boolean | void): Promise<PackSummary[]>;
  /**
   * Writes the index again from the stored packs, when one is stored: an update of Gloss may
   * bring a faster index format, and the page uses an older one as it is until then.
   */
  reindex(): Promise<void>;
}

function summary(pack: Pack, enabled: boolean, bundled: boolean): PackSummary {
  const { id, title, version, language, licence } = pack;
  return { id, title, version, language, licence, terms: pack.terms.length, enabled, bundled };
}

/**
 * The matcher index of the packs that are on, or null when only the bundled pack is on (the
 * content script has that index built in). Term ids are qualified (see `qualifiedTermId`).
 */
export function buildPackIndex(record: PackRecord, bundled: Pack): MatcherIndex | null {
  const on = record.items.filter((p) => p.enabled).map((p) => p.pack);
  if (on.length === 0 && record.bundledEnabled) return null;
  const packs = record.bundledEnabled ? [bundled, ...on] : on;
  const terms = packs.flatMap((pack) =>
    pack.terms.map((t) => ({ ...t, id: qualifiedTermId(pack.id, t.id, bundled.id) })),
  );
  // One language for the index: the packs' own when they agree; otherwise no language rule.
  const languages = new Set(packs.map((p) => p.language));
  const language = languages.size === 1 ? (packs[0]?.language ?? '') : '';
  return buildMatcherIndex(terms, language);
}

/** Creates the writer over `area`, sharing `queue` with the background's other writers. */
export function createPackWriter(
  area: StorageAreaLike,
  deps: { queue: WriteQueue; bundled: () => Promise<Pack>; now?: () => Date },
): PackWriter {
  const now = deps.now ?? (() => new Date());
  let lastParsed: { text: string; parsed: ReturnType<typeof parsePackText> } | null = null;

  async function read() {
    const stored = await area.get([PACKS_KEY, PACKS_QUARANTINE_KEY]);
    return { ...parsePackRecord(stored[PACKS_KEY]), quarantine: stored[PACKS_QUARANTINE_KEY] };
  }

  async function listOf(record: PackRecord): Promise<PackSummary[]> {
    const bundled = await deps.bundled();
    return [
      summary(bundled, record.bundledEnabled, true),
      ...record.items.map((p) => summary(p.pack, p.enabled, false)),
    ];
  }

  /** Applies `change` to the record and writes it with its index, all in one `set`. */
  function transact(
    change: (record: PackRecord, bundled: Pack) => boolean | void,
  ): Promise<PackSummary[]> {
    return deps.queue.run(async () => {
      const { record, rejects, quarantine } = await read();
      const bundled = await deps.bundled();
      if (change(record, bundled) === false) return listOf(record);
      const on = [
        ...(record.bundledEnabled ? [bundled] : []),
        ...record.items.filter((p) => p.enabled).map((p) => p.pack),
      ];
      const items: Record<string, unknown> = {
        [PACKS_KEY]: record,
        [PACK_INDEX_KEY]: buildPackIndex(record, bundled),
        [PACKS_SHARED_KEY]: sharedAliases(on, bundled.id),
      };
      if (rejects.length > 0) {
        const kept = Array.isArray(quarantine) ? quarantine : quarantine ? [quarantine] : [];
        const at = now().toISOString();
        items[PACKS_QUARANTINE_KEY] = [...kept, ...rejects.map((r) => ({ ...r, at }))];
      }
      try {
        await area.set(items);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        throw new StorageWriteError(
          /quota|QUOTA_BYTES|exceeded|too large/i.test(text)
            ? 'The browser’s storage for Gloss is full, so the packs were not changed. Remove a pack or some bookmarks to make room.'
            : `The browser could not save (${text}). The packs are unchanged.`,
        );
      }
      return listOf(record);
    });
  }

  /** The preview, and the pack it was made from (so an import checks the file once). */
  async function check(text: string): Promise<{ preview: PackPreview; pack: Pack | null }> {
    // The options page previews a file, then imports the same text: checked once (a 10,000-term
    // pack takes about 0.4 s to check, measured 2026-12-06 in docs/benchmarks-packs.md).
    const parsed = lastParsed?.text === text ? lastParsed.parsed : parsePackText(text);
    lastParsed = { text, parsed };
    if (!parsed.ok) {
      return { preview: { ok: false, problems: describeProblems(parsed.problems) }, pack: null };
    }
    const preview = await previewOf(parsed.pack);
    return { preview, pack: preview.ok ? parsed.pack : null };
  }

  async function previewOf(pack: Pack): Promise<PackPreview> {
    const bundled = await deps.bundled();
    if (pack.id === bundled.id)
      return { ok: false, problems: [`"${pack.id}" is the id of the pack built into Gloss.`] };
    const { record } = await read();
    const old = record.items.find((p) => p.pack.id === pack.id);
    if (old && compareVersions(pack.version, old.pack.version) <= 0) {
      return {
        ok: false,
        problems: [
          `"${pack.title}" ${old.pack.version} is already imported; this file is version ${pack.version}. Only a newer version replaces it.`,
        ],
      };
    }
    return {
      ok: true,
      pack: summary(pack, old?.enabled ?? true, false),
      replaces: old ? { version: old.pack.version, diff: diffPacks(old.pack, pack) } : null,
    };
  }

  return {
    list: async () => listOf((await read()).record),
    preview: async (text) => (await check(text)).preview,
    async importText(text) {
      const { preview: checked, pack } = await check(text);
      lastParsed = null;
      if (!checked.ok || !pack) return checked;
      await transact((record) => {
        const entry = { pack, enabled: true, importedAt: now().toISOString() };
        const at = record.items.findIndex((p) => p.pack.id === pack.id);
        if (at >= 0) record.items[at] = { ...entry, enabled: record.items[at]?.enabled ?? true };
        else record.items.push(entry);
      });
      return checked;
    },
    setEnabled: (id, enabled) =>
      transact((record, bundled) => {
        if (id === bundled.id) record.bundledEnabled = enabled;
        const entry = record.items.find((p) => p.pack.id === id);
        if (entry) entry.enabled = enabled;
      }),
    async exportText(id) {
      const entry = (await read()).record.items.find((p) => p.pack.id === id);
      return entry ? `${JSON.stringify(entry.pack, null, 2)}\n` : null;
    },
    remove: (id) =>
      transact((record) => {
        record.items = record.items.filter((p) => p.pack.id !== id);
      }),
    async shared(id) {
      const stored = (await area.get(PACKS_SHARED_KEY))[PACKS_SHARED_KEY];
      const list: unknown = stored && typeof stored === 'object' ? (stored as never)[id] : null;
      // Written by this code; anything else (an older or damaged value) names no other term.
      if (!Array.isArray(list)) return [];
      return list.filter(
        (t): t is SharedTerm =>
          !!t &&
          typeof t.id === 'string' &&
          typeof t.name === 'string' &&
          typeof t.pack === 'string',
      );
    },
    stored: async (id) => (await read()).record.items.find((p) => p.pack.id === id) ?? null,
    change: (change) => transact((record) => change(record)),
    // Only the bundled pack on: no index is stored (the page has that one built in).
    reindex: () =>
      transact((record) => record.items.some((p) => p.enabled) || !record.bundledEnabled).then(
        () => undefined,
      ),
    async term(id) {
      const { packId, termId } = splitTermId(id);
      if (packId === null) return null;
      const entry = (await read()).record.items.find((p) => p.pack.id === packId);
      const term = entry?.pack.terms.find((t) => t.id === termId);
      return entry && term ? { term, pack: entry.pack } : null;
    },
  };
}
