/**
 * Moving through the marked terms from the keyboard: occurrences in reading (document) order,
 * and the one after the current, wrapping at the end.
 */
import type { Occurrence } from './occurrence-store';

const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Compares two occurrences by their place in the document. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  if (a.node === b.node) return a.start - b.start;
  const position = a.node.compareDocumentPosition(b.node);
  if (position & FOLLOWING) return -1;
  if (position & PRECEDING) return 1;
  return 0;
}

/** `occurrences` sorted into document order (a new array). */
export function inDocumentOrder(occurrences: Iterable<Occurrence>): Occurrence[] {
  return [...occurrences].sort(compareOccurrences);
}

/**
 * The occurrence after `current` in `ordered` for which `usable` holds (visible, painted),
 * wrapping around; the first usable one when `current` is null or gone.
 */
export function nextOccurrence(
  ordered: readonly Occurrence[],
  current: Occurrence | null,
  usable: (o: Occurrence) => boolean,
): Occurrence | null {
  if (ordered.length === 0) return null;
  let from = 0;
  if (current) {
    // The first occurrence strictly after `current` (it may have been removed from the list).
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareOccurrences(ordered[mid] as Occurrence, current) <= 0) lo = mid + 1;
      else hi = mid;
    }
    from = lo;
  }
  for (let k = 0; k < ordered.length; k++) {
    const candidate = ordered[(from + k) % ordered.length] as Occurrence;
    if (usable(candidate)) return candidate;
  }
  return null;
}
