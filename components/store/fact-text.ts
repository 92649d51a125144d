/**
 * The text of every fact Gloss has now, by qualified term id and fact id: the bundled pack's
 * and every stored pack's, on or off. A bookmark keeps the text it was saved with; this is where
 * the background takes it from (for a new bookmark, and when older bookmarks are migrated).
 */
import type { PackTerm } from '../../data/schema';
import type { FactText } from './bookmark-store';
import { qualifiedTermId, type Pack, type PackRecord } from './pack-store';

/** The look-up over `bundled` and every pack of `record` (a pack that is off still has facts). */
export function factTextOf(
  bundled: { id: string; terms: readonly PackTerm[] },
  record: PackRecord,
): FactText {
  const texts = new Map<string, string>();
  const add = (pack: { id: string; terms: readonly PackTerm[] }) => {
    for (const term of pack.terms) {
      const id = qualifiedTermId(pack.id, term.id, bundled.id);
      for (const fact of term.facts) texts.set(`${id}/${fact.id}`, fact.text);
    }
  };
  add(bundled);
  record.items.forEach((entry: { pack: Pack }) => add(entry.pack));
  return (termId, factId) => texts.get(`${termId}/${factId}`);
}
