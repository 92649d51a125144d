/**
 * Terms of different packs that claim the same alias. A page marks such an alias for one of them
 * (the first pack in order); the card names the others so the reader can open them. Worked out
 * by the background once per change of packs and stored beside the index, so opening a card
 * reads a small map, not every pack.
 */
import { aliasVariants } from '../shared/matcher-index';
import { qualifiedTermId, type Pack } from './pack-store';

/** A term of another pack with an alias in common. */
export interface SharedTerm {
  /** Its qualified id (see `qualifiedTermId`). */
  id: string;
  name: string;
  /** Its pack's title. */
  pack: string;
}

/** At most this many other terms are named for one term (a card has room for a few). */
const MAX_SHARED = 8;

/**
 * For each term of `packs` (those that are on, in order) whose alias another pack's term also
 * has, those other terms. Aliases compare as the matcher reads them (case and joined spellings).
 */
export function sharedAliases(
  packs: readonly Pack[],
  bundledId: string,
): Record<string, SharedTerm[]> {
  const byKey = new Map<string, { term: SharedTerm; packId: string }[]>();
  for (const pack of packs) {
    for (const t of pack.terms) {
      const term = {
        id: qualifiedTermId(pack.id, t.id, bundledId),
        name: t.name,
        pack: pack.title,
      };
      const keys = new Set(
        t.aliases.flatMap((a) => aliasVariants(a).map((tokens) => tokens.join(' ').toLowerCase())),
      );
      for (const key of keys) {
        const list = byKey.get(key);
        if (!list) byKey.set(key, [{ term, packId: pack.id }]);
        else if (!list.some((e) => e.term.id === term.id)) list.push({ term, packId: pack.id });
      }
    }
  }
  const out: Record<string, SharedTerm[]> = {};
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const { term, packId } of list) {
      const others = (out[term.id] ??= []);
      for (const other of list) {
        if (other.packId === packId || others.length >= MAX_SHARED) continue;
        if (!others.some((o) => o.id === other.term.id)) others.push(other.term);
      }
      if (others.length === 0) delete out[term.id];
    }
  }
  return out;
}
