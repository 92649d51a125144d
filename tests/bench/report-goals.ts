/**
 * The goals of the benchmark, each with its target and the figure measured in this run, computed
 * from the results alone (the report only writes them out).
 */
import type { BenchResults, StaticRuns } from './run';
import type { LiveResult } from './measure';
import { med } from './report-format';
import { bytes, ms, quantile, range, ratio, summarize } from './stats';

/** One row of the goals table. */
export interface Goal {
  goal: string;
  target: string;
  measured: string;
  met: boolean | null;
}

/** The last column of a goal's row. */
export function check(met: boolean | null): string {
  return met === null ? '–' : met ? '✅ met' : '❌ missed';
}

/**
 * Live page, per 50 appended paragraphs: Gloss's own script (from the trace), what its marks add
 * to pre-paint and paint (runs with Gloss minus runs without, medians), their sum, and the
 * difference of the whole runs (which also carries the page's own noise).
 */
export function liveCost(
  results: BenchResults,
  extra: number,
  runs?: LiveResult[],
): { script: number; paint: number; cost: number; whole: number } {
  const on = runs ?? results.live[extra] ?? [];
  const off = results.liveBaseline;
  const paragraphs = results.pages.find((p) => p.name === 'live')?.live?.paragraphs ?? 1;
  const per = 50 / paragraphs;
  const script = med(on.map((r) => r.glossScriptMs)) * per;
  const paint = Math.max(0, med(on.map((r) => r.paintMs)) - med(off.map((r) => r.paintMs))) * per;
  const whole = (med(on.map((r) => r.window.ms)) - med(off.map((r) => r.window.ms))) * per;
  return { script, paint, cost: script + paint, whole };
}

/** The runs of one page at one fact-base size, if measured. */
export function staticRuns(r: BenchResults, page: string, extra: number): StaticRuns | undefined {
  return (r.static[page] as Record<number, StaticRuns> | undefined)?.[extra];
}

/** Every goal, with what this run measured. */
export function goalsOf(r: BenchResults): Goal[] {
  const base = 0;
  const big = Math.max(...r.options.builds);
  const stat = (page: string, extra: number) => staticRuns(r, page, extra);
  const article = stat('article', base);
  const large = stat('large', base);
  const pageInfo = (name: string) => r.pages.find((p) => p.name === name);
  const goals: Goal[] = [];
  if (article && large) {
    const articleTotal = summarize(article.gloss.map((g) => g.totalMs));
    goals.push({
      goal: 'Typical article: Gloss’s total main-thread work (start-up included)',
      target: '≤ 5 ms (median)',
      measured: `${range(articleTotal)} ms${articleFloorText(r, 'short')}`,
      met: articleTotal.median <= 5,
    });
    const expected = pageInfo('large')?.occurrences ?? 0;
    const allMarked = large.gloss.every(
      (g) => g.occurrences === expected && g.painted === expected,
    );
    goals.push({
      goal: 'Large page: every occurrence marked',
      target: `${expected.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}`,
      measured: large.gloss.map((g) => g.painted.toLocaleString('en-US')).join(', '),
      met: allMarked,
    });
    const longest = Math.max(...large.gloss.map((g) => g.longestMs));
    goals.push({
      goal: 'Large page: no task of 50 ms or more caused by Gloss (start-up included)',
      target: '< 50 ms',
      measured: `longest ${ms(longest)} ms (worst run)`,
      met: longest < 50,
    });
    const floor = med(large.floor.map((f) => f.ms));
    const gloss = med(large.gloss.map((g) => g.totalMs));
    goals.push({
      goal: 'Large page: Gloss ÷ bare text pass',
      target: '≤ 15×',
      measured: ratio(gloss / floor),
      met: gloss / floor <= 15,
    });
    const best = med(large['markjs-best'].map((f) => f.ms));
    const arr = med(large['markjs-array'].map((f) => f.ms));
    goals.push({
      goal: 'Large page: mark.js at its best ÷ Gloss',
      target: '≥ 3×',
      measured: ratio(best / gloss),
      met: best / gloss >= 3,
    });
    goals.push({
      goal: 'Large page: mark.js as most people use it ÷ Gloss',
      target: '≥ 20×',
      measured:
        ratio(arr / gloss) +
        (large['markjs-array'].some((x) => x.extrapolated) ? ' (extrapolated)' : ''),
      met: arr / gloss >= 20,
    });
  }
  const live = r.live[base] ?? [];
  if (live.length) {
    const delays = live.flatMap((l) => l.gloss?.delays ?? []);
    const unmarked = live.reduce((n, l) => n + (l.gloss?.unmarked ?? 0), 0);
    const worst = Math.max(...delays);
    goals.push({
      goal: 'Live page: every added paragraph marked within 500 ms of arrival',
      target: '≤ 500 ms, none missed',
      measured: `worst ${ms(worst)} ms, p95 ${ms(quantile(delays, 0.95))} ms, ${unmarked} missed`,
      met: worst <= 500 && unmarked === 0,
    });
    const cost = liveCost(r, base);
    goals.push({
      goal: 'Live page: main-thread cost of 50 appended paragraphs (Gloss’s script + what its marks add to paint)',
      target: '≤ 16 ms',
      measured: `${ms(cost.cost)} ms (script ${ms(cost.script)} + paint ${ms(cost.paint)})`,
      met: cost.cost <= 16,
    });
    const longTasks = live.reduce((n, l) => n + l.window.longTasks, 0);
    const baseLong = r.liveBaseline.reduce((n, l) => n + l.window.longTasks, 0);
    goals.push({
      goal: 'Live page: no long task',
      target: '0 tasks ≥ 50 ms',
      measured: `${longTasks} with Gloss (${baseLong} without), longest ${ms(Math.max(...live.map((l) => l.window.longestMs)))} ms`,
      met: longTasks <= baseLong,
    });
  }
  if (large) {
    const hover = large.gloss.map((g) => g.hover?.perMoveMs ?? NaN);
    goals.push({
      goal: `Hover: pointer to occurrence, per move, ${ms(pageInfo('large')?.occurrences ?? 0)} occurrences marked`,
      target: '≤ 0.2 ms',
      measured: `${range(summarize(hover))} ms`,
      met: med(hover) <= 0.2,
    });
  }
  if (big > base) {
    for (const name of ['article', 'large']) {
      const a = stat(name, base);
      const b = stat(name, big);
      if (!a || !b) continue;
      const k = med(b.gloss.map((g) => g.totalMs)) / med(a.gloss.map((g) => g.totalMs));
      goals.push({
        goal: `${big.toLocaleString('en-US')} extra terms: ${name} page cost ÷ bundled`,
        target: '≤ 2×',
        measured: ratio(k),
        met: k <= 2,
      });
    }
    if (r.live[big]?.length) {
      const k = liveCost(r, big).cost / liveCost(r, base).cost;
      goals.push({
        goal: `${big.toLocaleString('en-US')} extra terms: live page cost ÷ bundled`,
        target: '≤ 2×',
        measured: ratio(k),
        met: k <= 2,
      });
    }
  }
  const shipped = r.builds.find((b) => b.extra === base);
  if (shipped) {
    goals.push({
      goal: 'Content script as shipped (minified, gzip)',
      target: '≤ 25 KB gzip',
      measured: `${bytes(shipped.contentBytes)}, ${bytes(shipped.contentGzip)} gzip on every page; the card UI, ${bytes(shipped.cardGzip ?? 0)} gzip, loads on the first hover`,
      met: shipped.contentGzip <= 25 * 1024,
    });
    goals.push({
      goal: 'No search code (Fuse.js) and no fact text in the content script',
      target: 'none',
      measured: shipped.leaks.length ? shipped.leaks.join('; ') : 'none found',
      met: shipped.leaks.length === 0,
    });
  }
  const popup = r.popup[base] ?? [];
  if (popup.length) {
    const first = summarize(popup.map((p) => p.shownMs));
    goals.push({
      goal: 'Popup: first results shown after opening',
      target: '≤ 100 ms',
      measured: `${range(first)} ms`,
      met: first.median <= 100,
    });
    const keys = popup.flatMap((p) => p.keystrokesMs);
    goals.push({
      goal: 'Popup: search per keystroke, bundled fact base (key event to results painted)',
      target: '≤ 5 ms',
      measured: `median ${ms(med(keys))} ms, p95 ${ms(quantile(keys, 0.95))} ms (the search itself: ${ms(med(r.search[base] ?? []))} ms)${r.typingFloor?.length ? `; typing into a page holding only an input box, no script: ${ms(med(r.typingFloor.flat()))} ms` : ''}`,
      met: med(keys) <= 5,
    });
  }
  const popupBig = r.popup[big] ?? [];
  if (big > base && popupBig.length) {
    const keys = popupBig.flatMap((p) => p.keystrokesMs);
    goals.push({
      goal: `Popup: search per keystroke, ${big.toLocaleString('en-US')} extra terms`,
      target: '≤ 50 ms',
      measured: `median ${ms(med(keys))} ms, p95 ${ms(quantile(keys, 0.95))} ms (the search itself: ${ms(med(r.search[big] ?? []))} ms)`,
      met: med(keys) <= 50,
    });
  }
  return goals;
}

/** The article's floor (`tests/bench/floors.ts`), for the goals table or the page-cost section. */
export function articleFloorText(r: BenchResults, form: 'short' | 'long'): string {
  const runs = r.articleFloor ?? [];
  if (runs.length === 0) return '';
  const startup = med(runs.map((f) => f.startupMs));
  const paint = med(runs.map((f) => f.paintMs));
  // The sum of the parts' medians, so the figure adds up with the parts shown beside it.
  const total = startup + paint;
  if (form === 'short') {
    return `; the browser’s floor, before matching a word: ${ms(total)} ms (start-up ${ms(startup)} + painting ${ms(paint)})`;
  }
  return `**The browser’s floor on the article:** ${ms(total)} ms (the sum of the two medians) before matching a single word, measured with no Gloss code at all: a content script that only reads its settings from storage and listens for changes to them costs ${ms(startup)} ms at start-up (the extension API’s bindings and one storage read), and the page registering the very ranges Gloss marks (${runs[0]?.ranges ?? 0}) as one underlined highlight costs ${ms(paint)} ms of style, layout and paint in the frames that show them.`;
}
