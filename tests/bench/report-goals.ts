/**
 * The goals of the benchmark, each with its target and the figure measured in this run, computed
 * from the results alone (the report only writes them out).
 */
import type { BenchResults, StaticRuns } from './run';
import type { LiveResult } from './measure';
import { med } from './report-format';
import { AD_FRAMES } from './pages';
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

/** The article's floor (start-up of a settings-only script + the page painting Gloss's marks). */
export function articleFloorMs(r: BenchResults): number {
  const runs = r.articleFloor ?? [];
  if (runs.length === 0) return NaN;
  return med(runs.map((f) => f.startupMs)) + med(runs.map((f) => f.paintMs));
}

/** What the page registering highlights itself adds to paint per 50 live paragraphs (the floor). */
export function liveHighlightFloor(r: BenchResults): number {
  if (!r.liveHighlights?.length) return NaN;
  const per = 50 / (r.pages.find((p) => p.name === 'live')?.live?.paragraphs ?? 1);
  const added =
    med(r.liveHighlights.map((l) => l.paintMs)) - med(r.liveBaseline.map((l) => l.paintMs));
  return Math.max(0, added) * per;
}

/**
 * The walk from the extension's world on `page` (a further floor for pages of many nodes: see
 * `WORLD_WALK` in scripts.ts), measured with the shipped build; NaN in older results.
 */
export function walkFloorMs(r: BenchResults, page: string): number {
  const runs = staticRuns(r, page, 0)?.walk ?? [];
  return runs.length > 0 ? med(runs.map((f) => f.ms)) : NaN;
}

/** The walk floor beside Gloss's figure, for a goal's text ('' when not measured). */
function walkText(r: BenchResults, page: string, gloss: number): string {
  const walk = walkFloorMs(r, page);
  if (!Number.isFinite(walk)) return '';
  return `; the same pass from an extension’s world, visiting the elements as skipping code and finding shadow roots needs: ${ms(walk)} ms, Gloss ${ratio(gloss / walk)} of it`;
}

/** The page-cost goals of one build: the article against its floor and mark.js, the large page. */
function pageGoals(r: BenchResults, extra: number, goals: Goal[]): void {
  const article = staticRuns(r, 'article', extra);
  const large = staticRuns(r, 'large', extra);
  const label = extra === 0 ? '' : ` (${extra.toLocaleString('en-US')} extra terms)`;
  if (article) {
    const total = med(article.gloss.map((g) => g.totalMs));
    const floor = articleFloorMs(r);
    // The same marking once V8 has compiled Gloss's code (switched off and on in the tab): what
    // part of the first one is the engine running code for the first time.
    const again = med(article.gloss.map((g) => g.again?.window.ms ?? NaN).filter(Number.isFinite));
    const marking = med(article.gloss.map((g) => g.mark.ms));
    const warm = Number.isFinite(again)
      ? `; of Gloss’s ${ms(total)} ms, marking is ${ms(marking)} ms the first time and ${ms(again)} ms when switched on again in the same tab (its code compiled), so start-up plus a warm marking would be ${ratio((total - marking + again) / floor)} the floor`
      : '';
    // Chromium compiles a content script anew on every page, on the main thread (no code cache
    // was used over five visits, 2026-12-07); Gloss's page code is therefore a module the content
    // script imports, which V8 compiles on a background thread, every function at once.
    // Traced in runs of their own (tracing it costs time), so the shares come from those runs.
    const traced = article.compiled ?? [];
    const compileShare = med(
      traced.map((g) => (g.startupCompileMs + g.mark.compileMs) / g.totalMs),
    );
    const startCompile = med(traced.map((g) => g.startupCompileMs));
    const markCompile = med(traced.map((g) => g.mark.compileMs));
    const background = med(traced.map((g) => g.backgroundCompileMs ?? NaN));
    const compiled =
      traced.length > 0
        ? `; V8 compiling Gloss’s code on the main thread is ${Math.round(compileShare * 100)}% of Gloss’s time (${ms(startCompile)} ms at start-up, ${ms(markCompile)} ms in the first marking, in runs that also trace it)${Number.isFinite(background) ? `, and ${ms(background)} ms more on a background thread as the page code streams in (Chromium compiles a content script on the main thread on every page, so the content script only imports that code)` : ''}`
        : '';
    goals.push({
      goal: `Article${label}: Gloss’s total main-thread work ÷ the article’s floor`,
      target: '≤ 2.5×',
      measured: `${ratio(total / floor)}: ${ms(total)} ms against ${ms(floor)} ms${articleFloorText(r, 'short')}${warm}${compiled}${extra === 0 ? walkText(r, 'article', total) : ''}`,
      met: Number.isFinite(floor) ? total / floor <= 2.5 : null,
    });
    const best = med(article['markjs-best'].map((f) => f.ms));
    goals.push({
      goal: `Article${label}: mark.js with one pattern ÷ Gloss`,
      target: '≥ 2×',
      measured: `${ratio(best / total)} (${ms(best)} against ${ms(total)} ms)`,
      met: best / total >= 2,
    });
  }
  const news = staticRuns(r, 'news', extra);
  if (news?.gloss.length) {
    const expected = r.pages.find((p) => p.name === 'news')?.occurrences ?? 0;
    const gloss = med(news.gloss.map((g) => g.totalMs));
    const best = med(news['markjs-best'].map((f) => f.ms));
    const floor = med(news.floor.map((f) => f.ms));
    goals.push({
      goal: `News-site page${label} (deep layout, thousands of text nodes, few terms): mark.js with one pattern ÷ Gloss, every occurrence marked`,
      target: '≥ 2×',
      measured: `${ratio(best / gloss)} (${ms(best)} against ${ms(gloss)} ms; bare text pass ${ms(floor)} ms, Gloss ${ratio(gloss / floor)} of it${walkText(r, 'news', gloss)}); marked ${news.gloss.map((g) => g.painted).join(', ')} of ${expected}`,
      met: best / gloss >= 2 && news.gloss.every((g) => g.painted === expected),
    });
  }
  if (large) {
    const expected = r.pages.find((p) => p.name === 'large')?.occurrences ?? 0;
    goals.push({
      goal: `Large page${label}: every occurrence marked`,
      target: `${expected.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}`,
      measured: large.gloss.map((g) => g.painted.toLocaleString('en-US')).join(', '),
      met: large.gloss.every((g) => g.occurrences === expected && g.painted === expected),
    });
    const floor = med(large.floor.map((f) => f.ms));
    const gloss = med(large.gloss.map((g) => g.totalMs));
    goals.push({
      goal: `Large page${label}: Gloss ÷ the bare text pass`,
      target: '≤ 6×',
      measured: `${ratio(gloss / floor)} (${ms(gloss)} against ${ms(floor)} ms${walkText(r, 'large', gloss)})`,
      met: gloss / floor <= 6,
    });
    const longest = Math.max(...large.gloss.map((g) => g.longestMs));
    goals.push({
      goal: `Large page${label}: no task of 50 ms or more caused by Gloss (start-up included)`,
      target: '< 50 ms',
      measured: `longest ${ms(longest)} ms (worst run)`,
      met: longest < 50,
    });
  }
}

/** Every goal, with what this run measured. */
export function goalsOf(r: BenchResults): Goal[] {
  const base = 0;
  const big = Math.max(...r.options.builds);
  const large = staticRuns(r, 'large', base);
  const goals: Goal[] = [];
  pageGoals(r, base, goals);
  const ads = r.adFrames;
  const articleRuns = staticRuns(r, 'article', base);
  if (ads?.gloss.length && articleRuns) {
    const startup = med(ads.gloss.map((g) => g.startupMs));
    const alone = med(articleRuns.gloss.map((g) => g.startupMs));
    const floor = ads.floor.length ? med(ads.floor) : NaN;
    const background = med(ads.gloss.map((g) => g.backgroundCompileMs ?? NaN));
    goals.push({
      goal: `Article between ad slots (${AD_FRAMES} frames with nothing to read): Gloss’s start-up over every frame`,
      target: 'reported',
      measured: `${ms(startup)} ms (the article alone: ${ms(alone)} ms${Number.isFinite(floor) ? `; a content script that only reads its settings, in every frame: ${ms(floor)} ms` : ''}; compiled on background threads: ${ms(background)} ms); total with the marking ${ms(med(ads.gloss.map((g) => g.totalMs)))} ms`,
      met: null,
    });
  }
  if (large) {
    const gloss = med(large.gloss.map((g) => g.totalMs));
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
      goal: 'Live page: Gloss’s script for 50 appended paragraphs',
      target: '≤ 8 ms',
      measured: `${ms(cost.script)} ms`,
      met: cost.script <= 8,
    });
    const floor = liveHighlightFloor(r);
    goals.push({
      goal: 'Live page: what Gloss’s marks add to paint ÷ the highlight floor',
      target: '≤ 1.2×',
      measured: `${ratio(cost.paint / floor)} (${ms(cost.paint)} against ${ms(floor)} ms per 50 paragraphs)`,
      met: Number.isFinite(floor) && floor > 0 ? cost.paint / floor <= 1.2 : null,
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
    const hover = med(large.gloss.map((g) => g.hover?.perMoveMs ?? NaN));
    const floor = r.hoverFloor?.length ? med(r.hoverFloor) : NaN;
    const targetFloor = r.hoverTargetFloor?.length ? med(r.hoverTargetFloor) : NaN;
    // The second floor says how much of the gap is the browser handing the extension's world the
    // element under the pointer, which no hover card can do without.
    const second = Number.isFinite(targetFloor)
      ? `; a listener that only reads the event’s target and position costs ${ms(targetFloor)} ms, and Gloss is ${ms(hover - targetFloor)} ms above it`
      : '';
    // The first move pays for V8 compiling the tracker and for setting up its watchers: apart.
    const first = med(large.gloss.map((g) => g.hover?.firstMs ?? NaN));
    const later = med(
      large.gloss.map((g) =>
        g.hover && g.hover.moves > 1
          ? (g.hover.perMoveMs * g.hover.moves - g.hover.firstMs) / (g.hover.moves - 1)
          : NaN,
      ),
    );
    const cold = Number.isFinite(first + later)
      ? `; its first move costs ${ms(first)} ms, each later one ${ms(later - floor)} ms above the empty listener`
      : '';
    goals.push({
      goal: `Hover: per move above an empty pointer listener, ${(r.pages.find((p) => p.name === 'large')?.occurrences ?? 0).toLocaleString('en-US')} occurrences marked`,
      target: '≤ 0.1 ms',
      measured: `${ms(hover - floor)} ms (Gloss ${ms(hover)}, empty listener ${ms(floor)} ms${second}${cold})`,
      met: Number.isFinite(floor) ? hover - floor <= 0.1 : null,
    });
  }
  // Each page's and build's median over its runs, then the worst of those: a slice is timed by
  // the annotator's wall clock, which on a shared machine also counts moments the thread was not
  // running, so a single run's maximum says more about the machine than about Gloss.
  const terms = (extra: string) =>
    Number(extra) === 0 ? '' : `, ${Number(extra).toLocaleString('en-US')} extra terms`;
  const sliceRuns = [
    ...Object.entries(r.static).flatMap(([page, byBuild]) =>
      Object.entries(byBuild).map(([extra, runs]) => ({
        where: `${page}${terms(extra)}`,
        list: runs.gloss.map((g) => g.longestSliceMs ?? NaN),
      })),
    ),
    ...Object.entries(r.live).map(([extra, runs]) => ({
      where: `live${terms(extra)}`,
      list: runs.map((l) => l.gloss?.longestSliceMs ?? NaN),
    })),
  ]
    .map(({ where, list }) => ({ where, list: list.filter(Number.isFinite) }))
    .filter(({ list }) => list.length > 0);
  if (sliceRuns.length) {
    const byMedian = sliceRuns.map(({ where, list }) => ({ where, ms: med(list) }));
    const top = byMedian.reduce((a, b) => (b.ms > a.ms ? b : a));
    const typical = top.ms;
    const worst = Math.max(...sliceRuns.flatMap(({ list }) => list));
    goals.push({
      goal: 'Slices: no single slice of Gloss’s work longer than 12 ms (article, large, news-site and live pages, every build; median of the runs)',
      target: '≤ 12 ms',
      measured: `longest ${ms(typical)} ms, on the ${top.where} page (the single worst run: ${ms(worst)} ms)`,
      met: typical <= 12,
    });
  }
  if (big > base) pageGoals(r, big, goals);
  sizeAndPopupGoals(r, base, big, goals);
  for (const name of ['article', 'large']) {
    const ff = r.firefox?.pages[name];
    if (!ff?.gloss.length) continue;
    const gloss = med(ff.gloss.map((g) => g.busyMs));
    goals.push({
      goal: `Firefox, ${name}: Gloss’s scan ÷ the bare text pass, and mark.js ÷ Gloss (document clocks)`,
      target: 'reported',
      measured: `${ratio(gloss / med(ff.floor.map((c) => c.ms)))}, ${ratio(med(ff['markjs-best'].map((c) => c.ms)) / gloss)}`,
      met: null,
    });
  }
  return goals;
}

/** Size, and the popup's first results and keystrokes. */
function sizeAndPopupGoals(r: BenchResults, base: number, big: number, goals: Goal[]): void {
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
    const opening = r.popupFloor?.length ? med(r.popupFloor) : NaN;
    const openingText = Number.isFinite(opening)
      ? `; the browser opening an extension page that holds one option and nothing else, shown: ${ms(opening)} ms, so the popup adds ${ms(first.median - opening)} ms`
      : '';
    goals.push({
      goal: 'Popup: first results shown after opening',
      target: '≤ 100 ms',
      measured: `${range(first)} ms${openingText}`,
      met: first.median <= 100,
    });
    const keys = med(popup.flatMap((p) => p.keystrokesMs));
    const floor = r.typingFloor?.length ? med(r.typingFloor.flat()) : NaN;
    goals.push({
      goal: 'Popup: search per keystroke above typing into a bare input page (key event to results painted)',
      target: '≤ 2 ms',
      measured: `${ms(keys - floor)} ms (popup ${ms(keys)}, bare input ${ms(floor)} ms; the search itself: ${ms(med(r.search[base] ?? []))} ms)`,
      met: Number.isFinite(floor) ? keys - floor <= 2 : null,
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
