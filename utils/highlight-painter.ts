/**
 * Paints occurrences with the CSS Custom Highlight API, so the page's own DOM is never touched:
 * no wrapped text, no broken layouts or page scripts. StaticRange rather than Range, because the
 * browser updates every live Range on every DOM change; the scanner re-paints edited nodes itself.
 * The manifest's minimum versions (Chrome 105+, Firefox 140+) all have the API.
 */
import type { Occurrence } from './occurrence-store';

/** What the painter needs from the page's window; passed in so it can be tested or swapped. */
export interface HighlightEnv {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
  StaticRange: typeof StaticRange;
}

/** Names of the highlights; `entrypoints/content/style.css` styles them. */
export const HIGHLIGHT_NAMES = {
  underline: 'gloss-underline',
  background: 'gloss-background',
  active: 'gloss-active',
} as const;

/** Reads the highlight API from a window, or null where it is missing. */
export function highlightEnv(win: typeof globalThis): HighlightEnv | null {
  if (
    typeof win.CSS === 'undefined' ||
    !('highlights' in win.CSS) ||
    typeof win.Highlight !== 'function'
  ) {
    return null;
  }
  return { registry: win.CSS.highlights, Highlight: win.Highlight, StaticRange: win.StaticRange };
}

/** One named highlight holding every painted occurrence, plus one for the active occurrence. */
export class HighlightPainter {
  private readonly marks: Highlight;
  private readonly active: Highlight;
  private name: string;

  constructor(
    private readonly env: HighlightEnv,
    style: 'underline' | 'background',
  ) {
    this.marks = new env.Highlight();
    this.active = new env.Highlight();
    this.active.priority = 1;
    this.name = HIGHLIGHT_NAMES[style];
    env.registry.set(this.name, this.marks);
    env.registry.set(HIGHLIGHT_NAMES.active, this.active);
  }

  /** Paints `occurrences` (creating their ranges). */
  paint(occurrences: readonly Occurrence[]): void {
    for (const o of occurrences) {
      if (o.range) continue;
      o.range = new this.env.StaticRange({
        startContainer: o.node,
        startOffset: o.start,
        endContainer: o.node,
        endOffset: o.end,
      });
      this.marks.add(o.range);
    }
  }

  /** Removes `occurrences` from the page. */
  unpaint(occurrences: readonly Occurrence[]): void {
    for (const o of occurrences) {
      if (!o.range) continue;
      this.marks.delete(o.range);
      this.active.delete(o.range);
      o.range = null;
    }
  }

  /** Shows `occurrence` as the active one (the card's, or the keyboard's), or none. */
  setActive(occurrence: Occurrence | null): void {
    this.active.clear();
    if (occurrence?.range) this.active.add(occurrence.range);
  }

  /** Switches between the underline and the background style without re-creating ranges. */
  setStyle(style: 'underline' | 'background'): void {
    const name = HIGHLIGHT_NAMES[style];
    if (name === this.name) return;
    this.env.registry.delete(this.name);
    this.name = name;
    this.env.registry.set(name, this.marks);
  }

  /** How many ranges are painted. */
  get size(): number {
    return this.marks.size;
  }

  /** Removes every mark Gloss painted. */
  destroy(): void {
    this.marks.clear();
    this.active.clear();
    if (this.env.registry.get(this.name) === this.marks) this.env.registry.delete(this.name);
    if (this.env.registry.get(HIGHLIGHT_NAMES.active) === this.active) {
      this.env.registry.delete(HIGHLIGHT_NAMES.active);
    }
  }
}
