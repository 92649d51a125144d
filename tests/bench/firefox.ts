/**
 * The article and the large page in Firefox ESR, beside Chromium. Firefox lets no tool trace a
 * content script or read the browser's paint, so every figure here is a clock read inside the
 * document: Gloss's own (the benchmark's Firefox build posts each first scan's figures to the
 * page, see entrypoints/gloss.ts) and the page script's for the floors and mark.js. The same
 * clocks are read in Chromium's runs, so the two browsers are compared like with like.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';
import { firefoxPath, launchFirefoxGloss, type FirefoxGloss } from '../e2e/firefox-harness';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../components/store/settings';
import { PAGE_RANGES_STYLE, SETTLE, competitor, pageRanges } from './scripts';

/** One switch-on of Gloss, on the document's clock. */
export interface FirefoxGlossRun {
  /** From switching on to the frame after the first scan was done. */
  wallMs: number;
  /** The annotator's own slices (script only). */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  occurrences: number;
  painted: number;
}

/** A page script's run, timed by the page until layout is done (or extrapolated when stopped). */
export interface PageClockRun {
  ms: number;
  count: number;
  extrapolated: boolean;
}

export interface FirefoxPageRuns {
  gloss: FirefoxGlossRun[];
  /** The bare text pass (a TreeWalker reading every text node). */
  floor: PageClockRun[];
  'markjs-best': PageClockRun[];
  /** The page registering Gloss's ranges itself, to the frame that shows them (article only). */
  highlights: number[];
}

export interface FirefoxResults {
  version: string;
  pages: Record<string, FirefoxPageRuns>;
}

/** Page world: resolves with Gloss's posted figures and the frame after them. */
const AWAIT_SCAN = `(() => {
  window.__benchScan = new Promise((resolve) => {
    addEventListener('message', function on(event) {
      const figures = event.data && event.data.glossBench;
      if (!figures) return;
      removeEventListener('message', on);
      requestAnimationFrame(() => setTimeout(() => resolve({ ...figures, shownAt: performance.now() }), 0));
    });
  });
  return true;
})()`;

/** Page world: Gloss's registered ranges as [text node in document order, start, end]. */
const REGISTERED_RANGES = `(() => {
  const index = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) index.set(node, index.size);
  const out = [];
  for (const r of CSS.highlights.get('gloss-underline') || []) {
    if (index.has(r.startContainer)) out.push([index.get(r.startContainer), r.startOffset, r.endOffset]);
  }
  return out;
})()`;

function firefoxVersion(): string {
  try {
    return execFileSync(firefoxPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Firefox (version unknown)';
  }
}

const rotate = <T>(list: readonly T[], by: number): T[] =>
  list.map((_, i) => list[(i + by) % list.length] as T);

async function setGloss(ext: Page, enabled: boolean): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, disabledSites: enabled ? [] : ['127.0.0.1'] };
  await ext.evaluate(
    (key, value) => browser.storage.local.set({ [key]: value }),
    SETTINGS_KEY,
    settings,
  );
}

async function openSettled(ff: FirefoxGloss, file: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${ff.origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
  await page.evaluate(SETTLE);
  return page;
}

async function glossRun(
  ff: FirefoxGloss,
  ext: Page,
  file: string,
  wantRanges: boolean,
): Promise<{ run: FirefoxGlossRun; ranges: [number, number, number][] | null }> {
  const page = await openSettled(ff, file);
  try {
    await page.evaluate(AWAIT_SCAN);
    await setGloss(ext, true);
    const f = (await page.evaluate('window.__benchScan')) as {
      startedAt: number;
      shownAt: number;
      busyMs: number;
      slices: number;
      longestSliceMs: number;
      occurrences: number;
      painted: number;
    };
    const ranges = wantRanges
      ? ((await page.evaluate(REGISTERED_RANGES)) as [number, number, number][])
      : null;
    return {
      run: {
        wallMs: f.shownAt - f.startedAt,
        busyMs: f.busyMs,
        slices: f.slices,
        longestSliceMs: f.longestSliceMs,
        occurrences: f.occurrences,
        painted: f.painted,
      },
      ranges,
    };
  } finally {
    await page.close();
  }
}

async function competitorRun(
  ff: FirefoxGloss,
  file: string,
  variant: 'floor' | 'markjs-best',
  input: { pattern: string; expected: number; deadlineMs: number },
): Promise<PageClockRun> {
  const page = await openSettled(ff, file);
  try {
    await page.evaluate((pattern) => {
      (window as unknown as { __benchPattern: string }).__benchPattern = pattern;
    }, input.pattern);
    const r = (await page.evaluate(competitor(variant, input.deadlineMs, input.expected))) as {
      count: number;
      scriptMs: number;
      layoutMs: number;
      stopped: boolean;
      done: number;
    };
    return {
      ms: r.stopped ? r.scriptMs / r.done : r.scriptMs + r.layoutMs,
      count: r.count,
      extrapolated: r.stopped,
    };
  } finally {
    await page.close();
  }
}

async function highlightRun(
  ff: FirefoxGloss,
  file: string,
  ranges: [number, number, number][],
): Promise<number> {
  const page = await openSettled(ff, file);
  try {
    await page.evaluate(PAGE_RANGES_STYLE);
    await page.evaluate(SETTLE);
    return (await page.evaluate(`(async () => {
      const t0 = performance.now();
      ${pageRanges(ranges)};
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    })()`)) as number;
  } finally {
    await page.close();
  }
}

/**
 * Measures Gloss, the bare text pass and mark.js (one pattern) on `pages` in Firefox, `reps`
 * times (one fresh browser per repetition, variants in rotating order), with the benchmark's
 * Firefox build in `extensionDir`.
 */
export async function measureFirefox(options: {
  extensionDir: string;
  pagesDir: string;
  pages: { name: string; file: string; occurrences: number }[];
  pattern: string;
  reps: number;
  deadlineMs: number;
  log: (message: string) => void;
}): Promise<FirefoxResults> {
  const results: FirefoxResults = { version: firefoxVersion(), pages: {} };
  for (const p of options.pages) {
    results.pages[p.name] = { gloss: [], floor: [], 'markjs-best': [], highlights: [] };
  }
  for (let rep = 0; rep < options.reps; rep++) {
    const ff = await launchFirefoxGloss({
      extensionDir: options.extensionDir,
      servedDir: options.pagesDir,
      // Pages get a clock rounded to the millisecond by default, too coarse for slices of a few.
      prefs: { 'privacy.reduceTimerPrecision': false },
    });
    try {
      const ext = await ff.openExtensionPage('popup.html');
      for (const p of options.pages) {
        const runs = results.pages[p.name] as FirefoxPageRuns;
        let ranges: [number, number, number][] | null = null;
        for (const variant of rotate(['gloss', 'floor', 'markjs-best'] as const, rep)) {
          const t0 = Date.now();
          await setGloss(ext, false);
          if (variant === 'gloss') {
            const got = await glossRun(ff, ext, p.file, p.name === 'article');
            runs.gloss.push(got.run);
            ranges = got.ranges;
          } else {
            runs[variant].push(
              await competitorRun(ff, p.file, variant, {
                pattern: options.pattern,
                expected: p.occurrences,
                deadlineMs: options.deadlineMs,
              }),
            );
          }
          options.log(`  firefox, ${p.name}, ${variant}: ${Date.now() - t0} ms`);
        }
        if (ranges?.length) {
          await setGloss(ext, false);
          runs.highlights.push(await highlightRun(ff, p.file, ranges));
        }
      }
    } finally {
      await ff.close();
    }
  }
  return results;
}
