/**
 * The occurrences Gloss found in a page, by text node. Per-node lists make the three hot
 * operations cheap: re-scanning an edited node, dropping a removed one, and hit-testing the node
 * under the pointer.
 */

/** One marked occurrence of a term in a text node. */
export interface Occurrence {
  node: Text;
  start: number;
  end: number;
  /** Position of the term in the matcher's term list. */
  term: number;
  /** True while the occurrence is marked (all of them, or the first of each term). */
  painted: boolean;
  /**
   * The range handed to the browser, made only when it is: on a page with many marks only those
   * near the viewport are registered, and making a StaticRange for each of 12,813 marks cost a
   * large page about 18 ms (2026-12-07). Null while unpainted or not registered yet.
   */
  range: AbstractRange | null;
}

/** Occurrences by text node, with per-term counts kept up to date. */
export class OccurrenceStore {
  private readonly byNode = new Map<Text, readonly Occurrence[]>();
  private readonly counts = new Map<number, number>();
  private total = 0;
  private changes = 0;

  /** Replaces the occurrences of `node`; returns the ones that were there before. */
  set(node: Text, occurrences: readonly Occurrence[]): readonly Occurrence[] {
    const previous = this.delete(node);
    this.changes++;
    if (occurrences.length > 0) {
      this.byNode.set(node, occurrences);
      for (const o of occurrences) this.counts.set(o.term, (this.counts.get(o.term) ?? 0) + 1);
      this.total += occurrences.length;
    }
    return previous;
  }

  /** Forgets `node`; returns its occurrences. */
  delete(node: Text): readonly Occurrence[] {
    const previous = this.byNode.get(node);
    if (!previous) return [];
    this.changes++;
    this.byNode.delete(node);
    for (const o of previous) {
      const left = (this.counts.get(o.term) ?? 1) - 1;
      if (left > 0) this.counts.set(o.term, left);
      else this.counts.delete(o.term);
    }
    this.total -= previous.length;
    return previous;
  }

  /** The occurrences in `node`, sorted by start. */
  get(node: Node): readonly Occurrence[] {
    return this.byNode.get(node as Text) ?? [];
  }

  has(node: Node): boolean {
    return this.byNode.has(node as Text);
  }

  /** How many occurrences there are in all. */
  get size(): number {
    return this.total;
  }

  /** How many times each term occurs. */
  termCounts(): ReadonlyMap<number, number> {
    return this.counts;
  }

  /** Every text node that has occurrences, in insertion order. */
  nodes(): IterableIterator<Text> {
    return this.byNode.keys();
  }

  /** Every occurrence, node by node in insertion order. */
  *all(): IterableIterator<Occurrence> {
    for (const list of this.byNode.values()) yield* list;
  }

  /**
   * A number that changes whenever any node's occurrences do: what the hover tracker checks
   * before reusing what it worked out from an earlier look at the store.
   */
  get version(): number {
    return this.changes;
  }

  clear(): void {
    this.changes++;
    this.byNode.clear();
    this.counts.clear();
    this.total = 0;
  }
}
