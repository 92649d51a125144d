/**
 * The popup's list of the terms on the page: counted when asked, not while scanning, because
 * text hidden by CSS is marked (invisibly) but is not "on the page" for the reader, and checking
 * visibility costs a style look-up per element.
 */
import type { PageTerms } from '../shared/messages';
import type { Occurrence } from './occurrence-store';

/** How often each term is marked in text the reader can see; `termIds` names the terms. */
export function countVisibleTerms(
  occurrences: Iterable<Occurrence>,
  termIds: readonly string[],
): PageTerms['terms'] {
  const counts = new Map<number, number>();
  const visible = new Map<Element, boolean>();
  for (const o of occurrences) {
    const el = o.node.parentElement;
    if (!o.painted || !el) continue;
    let shown = visible.get(el);
    if (shown === undefined) {
      shown = typeof el.checkVisibility !== 'function' || el.checkVisibility();
      visible.set(el, shown);
    }
    if (shown) counts.set(o.term, (counts.get(o.term) ?? 0) + 1);
  }
  const terms: PageTerms['terms'] = [];
  for (const [term, count] of counts) terms.push({ id: termIds[term] ?? '', count });
  return terms;
}
