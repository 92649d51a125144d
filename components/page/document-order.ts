/**
 * The painted text nodes of the main document kept in document order, so the viewport window
 * can find where the viewport is with a binary search and walk outwards from there instead of
 * reading every node's rectangle.
 */

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** True when `a` comes before `b` in document order (an ancestor comes before its contents). */
function before(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & (FOLLOWING | CONTAINED_BY)) !== 0;
}

/**
 * Nodes in document order. A node that loses its marks is only counted as stale and dropped
 * lazily, because positions are only comparable among nodes still in the page and dropping
 * one by one would cost a splice each.
 */
export class DocumentOrder {
  private nodes: Text[] = [];
  private readonly listed = new Set<Text>();
  private stale = 0;
  /**
   * Where the last node went when it did not go at the end. A live blog adds its paragraphs in
   * one place (above the page's footer, whose marks are listed last), one after another: the
   * next node usually goes right after it, which two comparisons confirm instead of a binary
   * search of a dozen, each a call into the browser that climbs both nodes' ancestors.
   */
  private lastAt = -1;

  /** `painted(node)` says whether a listed node still has marks. */
  constructor(private readonly painted: (node: Text) => boolean) {}

  /** The nodes still painted, in document order. */
  get list(): readonly Text[] {
    this.compact();
    return this.nodes;
  }

  /** True when `node` is listed (painted, in the main document). */
  has(node: Text): boolean {
    return this.listed.has(node);
  }

  /**
   * Lists a newly painted node where it is now (again, when it was edited or moved). `after`, if
   * given, is a node the caller knows comes before `node` (the walk just passed it, with no page
   * change since): when it is the last one listed, `node` goes at the end with no position
   * compared. On the large page that saves a call into the browser for each of its 10,976
   * marked text nodes, a call that climbs both nodes' ancestors.
   */
  add(node: Text, after: Text | null = null): void {
    if (this.listed.has(node)) {
      // It was released (and counted stale) before being painted again.
      this.stale = Math.max(0, this.stale - 1);
      const at = this.nodes.indexOf(node);
      if (at >= 0) this.nodes.splice(at, 1);
      this.listed.delete(node);
      this.lastAt = -1;
    }
    this.listed.add(node);
    this.compact();
    const nodes = this.nodes;
    const last = nodes[nodes.length - 1];
    // The first scan paints in document order: appending is the common case.
    if (!last || last === after || before(last, node)) {
      nodes.push(node);
      return;
    }
    let at = this.afterLastPlaced(node, after);
    if (at < 0) at = this.lowerBound(node);
    nodes.splice(at, 0, node);
    this.lastAt = at;
  }

  /**
   * The position just after the node placed last, when `node` goes there (it is known not to go
   * at the end), or -1. `after` vouches for the first comparison when it is that node.
   */
  private afterLastPlaced(node: Text, after: Text | null): number {
    const prev = this.nodes[this.lastAt];
    const next = this.nodes[this.lastAt + 1];
    if (!prev || !next) return -1;
    if (prev !== after && !before(prev, node)) return -1;
    return before(node, next) ? this.lastAt + 1 : -1;
  }

  /** `node` lost its last mark: dropped at the next compaction. */
  release(node: Text): void {
    if (this.listed.has(node)) this.stale++;
  }

  /** The first position whose node does not come before `node`. */
  lowerBound(node: Node): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.nodes[mid] as Text, node)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.nodes = [];
    this.lastAt = -1;
    this.listed.clear();
    this.stale = 0;
  }

  private compact(): void {
    if (this.stale === 0) return;
    this.lastAt = -1;
    this.nodes = this.nodes.filter((n) => {
      if (this.painted(n)) return true;
      this.listed.delete(n);
      return false;
    });
    this.stale = 0;
  }
}
