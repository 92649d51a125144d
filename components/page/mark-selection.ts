/**
 * Which occurrences are painted: every one ("all"), or only the first of each term ("first"),
 * another occurrence taking the mark over when the first goes. Sits between the annotator's
 * store and its painter, so the scan itself never asks which mode it is in.
 */
import type { Occurrence, OccurrenceStore } from './occurrence-store';
import type { MarkMode } from '../store/settings';

/** What the annotator paints with (HighlightPainter in pages, a fake in unit tests). */
export interface Painter {
  /** `after`: a node with occurrences that comes before theirs in the same tree, or null. */
  paint(occurrences: readonly Occurrence[], after: Text | null): void;
  unpaint(occurrences: readonly Occurrence[]): void;
  /** Keeps new marks from the page's rendering until `release` (the first scan's slices). */
  hold?(): void;
  release?(): void;
}

export class MarkSelection {
  /** The painted occurrence of each term, in "first" mode. */
  private readonly firsts = new Map<number, Occurrence>();

  constructor(
    private readonly store: OccurrenceStore,
    private readonly painter: Painter,
    private mode: MarkMode,
  ) {}

  /** Switches modes, painting again what the store holds; false when `mode` is the current one. */
  setMode(mode: MarkMode): boolean {
    if (mode === this.mode) return false;
    this.mode = mode;
    const all = [...this.store.all()];
    this.painter.unpaint(all);
    this.firsts.clear();
    this.paintNew(all);
    return true;
  }

  /**
   * Paints what the mode lets through of `occurrences`, just stored. `after`: a node with
   * occurrences that comes before theirs in the same tree (see `HighlightPainter.paint`).
   */
  paintNew(occurrences: readonly Occurrence[], after: Text | null = null): void {
    if (this.mode === 'all') {
      this.painter.paint(occurrences, after);
      return;
    }
    const fresh: Occurrence[] = [];
    for (const o of occurrences) {
      if (this.firsts.has(o.term)) continue;
      this.firsts.set(o.term, o);
      fresh.push(o);
    }
    this.painter.paint(fresh, after);
  }

  /** Unpaints occurrences that left the store; in "first" mode another takes each mark over. */
  dropped(previous: readonly Occurrence[]): void {
    if (previous.length === 0) return;
    this.painter.unpaint(previous);
    if (this.mode !== 'first') return;
    for (const o of previous) {
      if (this.firsts.get(o.term) !== o) continue;
      this.firsts.delete(o.term);
      for (const other of this.store.all()) {
        if (other.term === o.term) {
          this.paintNew([other]);
          break;
        }
      }
    }
  }
}
