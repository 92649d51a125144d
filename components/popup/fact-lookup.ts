/**
 * Constant-time look-ups into the fact base for the popup (term pages, bookmarks, exports), built
 * once when the popup opens.
 */
import type { Fact, Source, Term } from '../../data/schema';
import type { FactBase } from '../../data/fact-base';
import type { FactLookup } from '../store/bookmark-io';

/** The fact base indexed by id. */
export interface FactIndex extends FactLookup {
  /** Every source by id, as `FactValues` takes them. */
  sources: Record<string, Source>;
  fact(termId: string, factId: string): Fact | undefined;
  /** The related terms of `term` that exist, with their names. */
  related(term: Term): { id: string; name: string }[];
}

/** Indexes `base`. */
export function indexFactBase(base: FactBase): FactIndex {
  const terms = new Map(base.terms.map((t) => [t.id, t]));
  const sources: Record<string, Source> = {};
  for (const s of base.sources) sources[s.id] = s;
  return {
    sources,
    term: (id) => terms.get(id),
    source: (id) => sources[id],
    fact: (termId, factId) => terms.get(termId)?.facts.find((f) => f.id === factId),
    related: (term) =>
      term.related.flatMap((id) => {
        const r = terms.get(id);
        return r ? [{ id: r.id, name: r.name }] : [];
      }),
  };
}
