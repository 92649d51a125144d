/**
 * The Firefox section of the benchmark report: the article and the large page in Firefox ESR
 * beside the same clocks read in Chromium's runs, with the ratios to the same floors (the bare
 * text pass, mark.js with one pattern, and the page painting Gloss's ranges itself).
 */
import type { FirefoxPageRuns } from './firefox';
import type { CompetitorResult } from './measure';
import { med } from './report-format';
import { staticRuns } from './report-goals';
import type { BenchResults } from './run';
import { ms, range, ratio, summarize } from './stats';

/** A page script's own clock in Chromium: its script and the layout it forces (as in Firefox). */
const pageClock = (runs: CompetitorResult[]): number[] =>
  runs.map((c) => (c.extrapolated ? c.scriptMs / c.done : c.scriptMs + c.layoutMs));

interface Row {
  browser: string;
  gloss: number[];
  marked: string;
  floor: number[];
  markjs: number[];
  wall: number[];
  longest: number[];
}

function rowsFor(r: BenchResults, name: string): Row[] {
  const rows: Row[] = [];
  const expected = r.pages.find((p) => p.name === name)?.occurrences ?? 0;
  const chromium = staticRuns(r, name, 0);
  if (chromium) {
    rows.push({
      browser: 'Chromium',
      gloss: chromium.gloss.map((g) => g.busyMs),
      marked: `${chromium.gloss[0]?.painted ?? 0} (${expected})`,
      floor: pageClock(chromium.floor),
      markjs: pageClock(chromium['markjs-best']),
      wall: [],
      longest: chromium.gloss.map((g) => g.longestSliceMs ?? NaN),
    });
  }
  const ff = r.firefox?.pages[name] as FirefoxPageRuns | undefined;
  if (ff) {
    rows.push({
      browser: 'Firefox',
      gloss: ff.gloss.map((g) => g.busyMs),
      marked: `${ff.gloss.map((g) => g.painted).join(', ')} (${expected})`,
      floor: ff.floor.map((c) => c.ms),
      markjs: ff['markjs-best'].map((c) => c.ms),
      wall: ff.gloss.map((g) => g.wallMs),
      longest: ff.gloss.map((g) => g.longestSliceMs),
    });
  }
  return rows;
}

/** The section, or '' when the run had no Firefox leg. */
export function firefoxSection(r: BenchResults): string {
  if (!r.firefox) return '';
  const out: string[] = ['## Firefox', ''];
  out.push(
    `${r.firefox.version}, headless over WebDriver BiDi, the benchmark's Firefox build (the shipped code, plus a line that posts each first scan's figures to the page), the same pages, ${r.options.reps} repetition${r.options.reps === 1 ? '' : 's'} in fresh browsers. ` +
      'Firefox lets no tool trace a content script or read the browser’s paint, so these are clocks read inside the document (with the timer precision pref off): Gloss’s own account of its scan slices from switching on to every occurrence marked, and the page script’s clock for the bare text pass and mark.js (their script plus the layout they force). ' +
      'The Chromium rows read the same clocks in the Chromium runs above, so the ratios compare like with like; the trace-based figures above remain Chromium’s fuller account (they add start-up, style, layout and paint).',
  );
  out.push('');
  out.push(
    '| Page | Browser | Gloss’s scan slices | longest slice | switch-on to marks shown | marked (expected) | bare text pass | mark.js, one pattern | Gloss ÷ bare pass | mark.js ÷ Gloss |',
  );
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const name of ['article', 'large']) {
    for (const row of rowsFor(r, name)) {
      const gloss = med(row.gloss);
      out.push(
        `| ${name} | ${row.browser} | ${range(summarize(row.gloss))} | ${ms(Math.max(...row.longest.filter(Number.isFinite)))} | ${range(summarize(row.wall))} | ${row.marked} | ${range(summarize(row.floor))} | ${range(summarize(row.markjs))} | ${ratio(gloss / med(row.floor))} | ${ratio(med(row.markjs) / gloss)} |`,
      );
    }
  }
  out.push('');
  const article = r.firefox.pages.article;
  if (article?.highlights.length && article.gloss.length) {
    const floor = med(article.highlights);
    const wall = med(article.gloss.map((g) => g.wallMs));
    out.push(
      `**The article’s floor in Firefox:** the page registering the very ranges Gloss marked as one underlined highlight takes ${range(summarize(article.highlights))} ms to the frame that shows them (most of it the wait for that frame); Gloss takes ${ms(wall)} ms from switching on to the frame that shows its marks: ${ratio(wall / floor)} the floor.`,
    );
    out.push('');
  }
  return out.join('\n');
}
