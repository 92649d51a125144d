// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import type { HighlightEnv, ViewportEnv } from '../../../components/page/highlight-env';
import { HighlightPainter, REGISTER_ALL_LIMIT } from '../../../components/page/highlight-painter';
import type { Occurrence } from '../../../components/page/occurrence-store';

/** Ranges as plain records; a highlight as a set of them. */
class FakeRange {
  constructor(readonly init: { startContainer: Node }) {}
}
class FakeHighlight extends Set<FakeRange> {
  priority = 0;
}

/** A page of text nodes laid out top to bottom (100 px apart), a viewport, and a frame clock. */
class FakePage {
  readonly tops = new Map<Text, number>();
  readonly registry = new Map<string, FakeHighlight>();
  scrollY = 0;
  fullSearches = 0;
  private tasks: (() => void)[] = [];
  private clock = 0;
  private listener: ((viewChanged: boolean) => void) | null = null;
  readonly column = document.createElement('main');
  readonly sidebar = document.createElement('aside');

  constructor() {
    document.body.replaceChildren(this.column, this.sidebar);
    const side = document.createTextNode('unmarked sidebar text');
    this.sidebar.append(side);
    // The sidebar sits beside the top of the column, after it in document order.
    this.tops.set(side, 0);
  }

  /** Adds a paragraph at `top` (page coordinates) to the column; returns its text node. */
  add(top: number, where: 'end' | 'start' = 'end'): Text {
    const p = document.createElement('p');
    const text = document.createTextNode('Gloss marks INSTC here');
    p.append(text);
    if (where === 'end') this.column.append(p);
    else this.column.prepend(p);
    this.tops.set(text, top);
    return text;
  }

  scroll(y: number): void {
    this.scrollY = y;
    this.listener?.(true);
  }

  /** Runs the queued frames and timers, `ms` of fake time. */
  advance(ms = 1000): void {
    const until = this.clock + ms;
    for (let guard = 0; this.tasks.length > 0 && guard < 100; guard++) {
      const now = this.tasks.splice(0);
      this.clock = Math.min(until, this.clock + 16);
      for (const task of now) task();
    }
    this.clock = until;
  }

  env(): HighlightEnv {
    const viewport: ViewportEnv = {
      size: () => ({ width: 1000, height: 1000 }),
      extent: (node) => {
        const top = this.tops.get(node);
        return top === undefined
          ? null
          : { top: top - this.scrollY, bottom: top - this.scrollY + 40 };
      },
      nodeAt: (_x, y) => {
        this.fullSearches++;
        // The right-hand samples land on the sidebar, as on a real page with one.
        if (_x > 700) return this.sidebar.firstChild;
        let best: Text | null = null;
        for (const [node, top] of this.tops) {
          if (node.parentElement?.parentElement !== this.column) continue;
          if (top - this.scrollY <= y && (!best || top > (this.tops.get(best) ?? 0))) best = node;
        }
        return best;
      },
      requestFrame: (fn) => void this.tasks.push(fn),
      now: () => this.clock,
      setTimeout: (fn, ms) => {
        const at = this.clock + ms;
        const wait = () => (this.clock >= at ? fn() : this.tasks.push(wait));
        this.tasks.push(wait);
      },
      // Like an intersection observer: answers after the next frame, near ones only.
      whenNear: (nodes, margin, callback) => {
        const list = [...nodes];
        this.tasks.push(() => {
          for (const node of list) {
            const e = viewport.extent(node);
            if (e && e.bottom >= -margin * 1000 && e.top <= (1 + margin) * 1000) callback(node);
          }
        });
      },
      watch: (listener) => {
        this.listener = listener;
        return () => (this.listener = null);
      },
    };
    return {
      registry: this.registry as unknown as HighlightRegistry,
      Highlight: FakeHighlight as unknown as typeof Highlight,
      StaticRange: FakeRange as unknown as typeof StaticRange,
      viewport,
    };
  }
}

const occurrence = (node: Text): Occurrence => ({
  node,
  start: 12,
  end: 17,
  term: 0,
  painted: false,
  range: null,
});

/** Tops (page px) of the nodes whose ranges are registered. */
function registeredTops(page: FakePage): number[] {
  const marks = page.registry.get('gloss-underline') ?? new FakeHighlight();
  return [...marks]
    .map((r) => page.tops.get(r.init.startContainer as Text) ?? NaN)
    .sort((a, b) => a - b);
}

let page: FakePage;
let painter: HighlightPainter;
beforeEach(() => {
  page = new FakePage();
  painter = new HighlightPainter(page.env(), 'underline');
});

describe('HighlightPainter: holding marks back during a first scan', () => {
  test('held marks reach the browser together on release, less those removed meanwhile', () => {
    const [a, b, c] = [page.add(0), page.add(100), page.add(200)];
    painter.hold();
    const marks = [a, b, c].map(occurrence);
    painter.paint([marks[0]!], null);
    painter.paint([marks[1]!, marks[2]!], null);
    expect(painter.size).toBe(3);
    expect(registeredTops(page)).toEqual([]);
    painter.unpaint([marks[1]!]);
    painter.release();
    expect(registeredTops(page)).toEqual([0, 200]);
    // Released once: later marks go straight to the browser.
    painter.paint([occurrence(page.add(300))], null);
    expect(registeredTops(page)).toEqual([0, 200, 300]);
  });

  test('more marks than are all registered: the viewport window takes over from the hold', () => {
    painter.hold();
    const nodes = Array.from({ length: REGISTER_ALL_LIMIT + 40 }, (_, i) => page.add(i * 100));
    painter.paint(nodes.map(occurrence), null);
    page.advance();
    // The first screen's marks are shown without waiting for a release.
    const shown = registeredTops(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((top) => top < 3000)).toBe(true);
  });

  test('a held first scan that the window takes over changes the registry once', () => {
    painter.hold();
    const nodes = Array.from({ length: REGISTER_ALL_LIMIT + 40 }, (_, i) => page.add(i * 100));
    painter.paint(nodes.map(occurrence), null);
    const highlight = page.registry.get('gloss-underline') as FakeHighlight;
    // Before the next frame nothing is registered: the held marks were not handed over.
    expect(highlight.size).toBe(0);
    const removed: FakeRange[] = [];
    const remove = highlight.delete.bind(highlight);
    highlight.delete = (range) => (removed.push(range), remove(range));
    page.advance();
    painter.release();
    // Only the marks within a quarter screen of the 1000 px viewport, none added then dropped.
    expect(registeredTops(page)).toEqual(Array.from({ length: 13 }, (_, i) => i * 100));
    expect(removed).toEqual([]);
  });
});

describe('HighlightPainter: which marks the browser holds', () => {
  test('a page with few marks registers every one', () => {
    const nodes = Array.from({ length: REGISTER_ALL_LIMIT }, (_, i) => page.add(i * 100));
    painter.paint(nodes.map(occurrence));
    page.advance();
    expect(registeredTops(page)).toHaveLength(REGISTER_ALL_LIMIT);
  });

  test('a page with many marks registers those within a quarter screen of the viewport', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => page.add(i * 100));
    painter.paint(nodes.map(occurrence));
    page.advance();
    // Viewport 0–1000 px. Marks already registered stay while within half a screen of it
    // (so small scrolls do not churn the registry): all were, at first, so 0–1500 px.
    expect(registeredTops(page)).toEqual(Array.from({ length: 16 }, (_, i) => i * 100));
    expect(painter.size).toBe(300);
  });

  test('a range is made only for a mark the browser is handed (and stays made)', () => {
    const list = Array.from({ length: 300 }, (_, i) => occurrence(page.add(i * 100)));
    painter.paint(list);
    page.advance();
    const made = list.filter((o) => o.range !== null);
    // The first marks were registered before the window existed; later ones only if in view.
    expect(made.length).toBeLessThanOrEqual(REGISTER_ALL_LIMIT + 1);
    expect(list.every((o) => o.painted)).toBe(true);
    page.scroll(20_000);
    page.advance();
    const shown = new Set(page.registry.get('gloss-underline') ?? []);
    const inView = list.filter(
      (o) => o.range !== null && shown.has(o.range as unknown as FakeRange),
    );
    expect(inView.map((o) => page.tops.get(o.node))).toContain(20_000);
    painter.setActive(list[299] as Occurrence);
    expect(list[299]?.range).not.toBeNull();
  });

  test('the registered set follows scrolling', () => {
    painter.paint(Array.from({ length: 300 }, (_, i) => occurrence(page.add(i * 100))));
    page.advance();
    page.scroll(10_000);
    page.advance();
    // The band now: a quarter screen beyond the viewport (10,000–11,000 px), boxes 40 px tall.
    expect(registeredTops(page)).toEqual(Array.from({ length: 15 }, (_, i) => 9_800 + i * 100));
  });

  test('marks added far below the view are not registered, and cost no full search', () => {
    painter.paint(Array.from({ length: 300 }, (_, i) => occurrence(page.add(i * 100))));
    page.advance();
    const before = registeredTops(page);
    const searches = page.fullSearches;
    for (let n = 0; n < 20; n++) {
      painter.paint([occurrence(page.add(30_000 + n * 100))]);
      page.advance(50);
    }
    page.advance();
    expect(registeredTops(page)).toEqual(before);
    expect(page.fullSearches).toBe(searches);
  });

  test('a mark added inside the view is registered after the next frame', () => {
    painter.paint(Array.from({ length: 300 }, (_, i) => occurrence(page.add(i * 100))));
    page.advance();
    const text = page.add(450, 'start');
    painter.paint([occurrence(text)]);
    page.advance();
    expect(registeredTops(page)).toContain(450);
  });

  test('many new marks at once are placed by the full search', () => {
    painter.paint(Array.from({ length: 100 }, (_, i) => occurrence(page.add(i * 100))));
    page.advance();
    const searches = page.fullSearches;
    painter.paint(Array.from({ length: 300 }, (_, i) => occurrence(page.add(50 + i, 'start'))));
    page.advance();
    expect(page.fullSearches).toBeGreaterThan(searches);
    expect(registeredTops(page)).toContain(349);
  });

  test('removing marks below half the limit registers every one left', () => {
    const all = Array.from({ length: 100 }, (_, i) => occurrence(page.add(i * 100)));
    painter.paint(all);
    page.advance();
    painter.unpaint(all.slice(0, 80));
    expect(registeredTops(page)).toHaveLength(20);
  });

  test('destroy takes the highlights away, but not a newer script’s', () => {
    painter.paint([occurrence(page.add(0))]);
    const newer = new FakeHighlight();
    page.registry.set('gloss-active', newer);
    painter.destroy();
    expect(page.registry.has('gloss-underline')).toBe(false);
    expect(page.registry.get('gloss-active')).toBe(newer);
  });
});
