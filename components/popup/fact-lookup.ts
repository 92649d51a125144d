/**
 * Constant-time look-ups into every pack's facts for the popup (term pages, bookmarks, review,
 * exports), built once the bundled fact base and the stored packs are read, after first paint.
 * An imported pack's terms go by their qualified ids (`packId~termId`), as bookmarks store them.
 * A pack that is off still answers (its bookmarks show their facts, and say the pack is off); a
 * removed pack's terms are not found, and `packOf` says the pack was removed.
 */
import type { Fact, PackTerm, Source } from '../../data/schema';
import type { FactBase } from '../../data/fact-base';
import type { FactLookup } from '../store/bookmark-io';
import { splitTermId, type Pack, type PackRecord } from '../store/pack-store';

/** Where a term comes from, and whether that pack is in use. */
export interface TermPack {
  id: string;
  /** The pack's title; a removed pack's id (its title went with it). */
  title: string;
  bundled: boolean;
  state: 'on' | 'off' | 'removed';
}

/** Every pack's facts indexed by id. */
export interface FactIndex extends FactLookup {
  term(id: string): PackTerm | undefined;
  /** The sources of the pack of term `termId`, by id, as `FactValues` takes them. */
  sourcesOf(termId: string): Record<string, Source>;
  fact(termId: string, factId: string): Fact | undefined;
  /** The related terms of `term` that exist in its pack, with their names (qualified ids). */
  related(term: PackTerm): { id: string; name: string }[];
  /** The pack of a term id, even one whose pack was removed. */
  packOf(termId: string): TermPack;
}

/** The bundled pack's id and title (data/pack.json). */
export interface BundledInfo {
  id: string;
  title: string;
}

interface Entry {
  pack: Pack | FactBase;
  terms: Map<string, PackTerm>;
  sources: Record<string, Source>;
  info: TermPack;
}

function entryOf(pack: Pack | FactBase, info: TermPack): Entry {
  const sources: Record<string, Source> = {};
  for (const s of pack.sources) sources[s.id] = s;
  return { pack, terms: new Map(pack.terms.map((t) => [t.id, t])), sources, info };
}

/**
 * Indexes `base` (the bundled pack) and the imported packs of `record`. Building costs one map
 * per pack; an imported term gets its qualified copy the first time it is asked for.
 */
export function indexFacts(
  base: FactBase,
  record: PackRecord | null,
  bundled: BundledInfo,
): FactIndex {
  const home = entryOf(base, {
    id: bundled.id,
    title: bundled.title,
    bundled: true,
    state: record?.bundledEnabled === false ? 'off' : 'on',
  });
  const packs = new Map<string, Entry>();
  for (const item of record?.items ?? []) {
    const { pack } = item;
    packs.set(
      pack.id,
      entryOf(pack, {
        id: pack.id,
        title: pack.title,
        bundled: false,
        state: item.enabled ? 'on' : 'off',
      }),
    );
  }
  const copies = new Map<string, PackTerm>();
  const find = (id: string): { entry: Entry; term: PackTerm } | undefined => {
    const { packId, termId } = splitTermId(id);
    const entry = packId === null ? home : packs.get(packId);
    const term = entry?.terms.get(termId);
    return entry && term ? { entry, term } : undefined;
  };
  const qualify = (packId: string, id: string) => `${packId}~${id}`;
  const term = (id: string): PackTerm | undefined => {
    const found = find(id);
    if (!found || found.entry === home) return found?.term;
    let copy = copies.get(id);
    if (!copy) {
      const packId = found.entry.info.id;
      // A pack file may leave `related` out.
      const related = (found.term.related ?? []).map((r) => qualify(packId, r));
      copy = { ...found.term, id, related };
      copies.set(id, copy);
    }
    return copy;
  };
  return {
    term,
    source: (id, termId) => (find(termId ?? '')?.entry ?? home).sources[id],
    sourcesOf: (termId) => (find(termId)?.entry ?? home).sources,
    fact: (termId, factId) => find(termId)?.term.facts.find((f) => f.id === factId),
    related: (t) =>
      (t.related ?? []).flatMap((id) => {
        const r = term(id);
        return r ? [{ id: r.id, name: r.name }] : [];
      }),
    packOf(termId) {
      const { packId } = splitTermId(termId);
      if (packId === null) return home.info;
      return (
        packs.get(packId)?.info ?? { id: packId, title: packId, bundled: false, state: 'removed' }
      );
    },
  };
}
