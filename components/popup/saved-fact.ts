/**
 * What became of a saved fact: the same as when it was saved, changed since (a newer pack
 * reworded it), or gone (the newer pack dropped it, or its pack was removed). Pure: the Saved
 * view, the review tab and the tests ask it with a bookmark and the current facts.
 */
import type { Fact } from '../../data/schema';
import type { Bookmark } from '../store/bookmark-store';
import type { FactIndex, TermPack } from './fact-lookup';

/** A saved fact as it stands now. */
export type SavedFact =
  /** The fact is there, as saved (or saved by an older Gloss that kept no text). */
  | { kind: 'same'; fact: Fact; pack: TermPack }
  /** The fact is there with another text than the one saved. */
  | { kind: 'changed'; fact: Fact; saved: string; pack: TermPack }
  /** The fact is not in its pack any more, or its pack was removed. */
  | { kind: 'gone'; saved: string | undefined; pack: TermPack };

/** Compares the bookmark's saved text with the fact's text now (exactly: any edit counts). */
export function savedFactOf(b: Bookmark, facts: Pick<FactIndex, 'fact' | 'packOf'>): SavedFact {
  const pack = facts.packOf(b.termId);
  const fact = pack.state === 'removed' ? undefined : facts.fact(b.termId, b.factId);
  if (!fact) return { kind: 'gone', saved: b.text, pack };
  if (b.text !== undefined && b.text !== fact.text) {
    return { kind: 'changed', fact, saved: b.text, pack };
  }
  return { kind: 'same', fact, pack };
}

/** The text a saved fact is shown by: the current one, or what was saved when it is gone. */
export function shownText(saved: SavedFact): string | undefined {
  return saved.kind === 'gone' ? saved.saved : saved.fact.text;
}
