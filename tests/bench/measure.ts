/**
 * One measurement each: a fresh tab, the page loaded and settled, then the thing measured, with
 * Chromium tracing the page's main thread. Every figure is main-thread time as the trace records
 * it: all top-level tasks that start between the `bench:start` and `bench:end` marks (script,
 * style, layout, paint, garbage collection), so Gloss and its competitors are counted the same
 * way, up to the frame that shows their marks.
 */
import type { CDPSession, Page } from 'playwright-core';
import { evalInGloss } from '../e2e/harness';
import type { BenchBrowser } from './browser';
import {
  GLOSS_DONE,
  GLOSS_LOADED,
  LIVE_RESULT,
  LIVE_TRACK,
  MARK_START,
  ONE_FRAME,
  SETTLE,
  competitor,
  hoverPoints,
  liveRun,
} from './scripts';
import { findMark, scriptTime, startTrace, tasksOf, totals, type TraceEvent } from './trace';

/** A task this long or longer is a long task (the RAIL and Long Tasks API threshold). */
export const LONG_TASK_MS = 50;

/** Main-thread totals of one window. */
export interface Window {
  ms: number;
  longestMs: number;
  renderMs: number;
  gcMs: number;
  tasks: number;
  longTasks: number;
}

function windowOf(events: TraceEvent[], from = 'bench:start', to = 'bench:end'): Window {
  const start = findMark(events, from);
  const end = findMark(events, to);
  if (!start || !end) throw new Error(`trace has no ${from} / ${to} marks`);
  const tasks = tasksOf(events, start.pid, start.tid, start.ts, end.ts);
  const t = totals(tasks);
  return {
    ms: t.ms,
    longestMs: t.longestMs,
    renderMs: t.renderMs,
    gcMs: t.gcMs,
    tasks: t.count,
    longTasks: tasks.filter((task) => task.ms >= LONG_TASK_MS).length,
  };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
}

export interface GlossStaticResult {
  /** Content script start: its tasks at page load (script evaluation, matcher, settings). */
  startupMs: number;
  startupLongestMs: number;
  /** What loading the matcher cost inside the start (the content script's own clock). */
  matcherMs: number;
  /** From switching on to every occurrence marked and rendered. */
  mark: Window;
  /** startupMs + mark.ms. */
  totalMs: number;
  longestMs: number;
  occurrences: number;
  painted: number;
  registered: number;
  /** The annotator's own account of its slices (script only). */
  busyMs: number;
  slices: number;
  heap?: { beforeBytes: number; afterBytes: number };
  hover?: { moves: number; perMoveMs: number; maxMs: number };
}

/**
 * Gloss on a static page: loaded with Gloss switched off for the site (the content script
 * starts, loads its matcher and waits), settled, then switched on; measured until every
 * occurrence is marked and the next frame rendered. The start-up tasks come from the same trace.
 */
export async function measureGloss(
  browser: BenchBrowser,
  file: string,
  options: { heap?: boolean; hover?: number } = {},
): Promise<GlossStaticResult> {
  await browser.setGloss(false);
  const { page, cdp } = await browser.open();
  try {
    const stop = await startTrace(cdp);
    await load(page, `${browser.origin}/${file}`);
    await evalInGloss(page, GLOSS_LOADED, 30_000);
    await page.evaluate(SETTLE);
    const beforeBytes = options.heap ? await heapUsed(cdp) : 0;
    await page.evaluate(MARK_START);
    await browser.setGloss(true);
    const done = await evalInGloss<{
      size: number;
      painted: number;
      registered: number;
      busyMs: number;
      slices: number;
      startup: { matcherMs: number } | null;
    }>(page, GLOSS_DONE, 120_000);
    let hover: GlossStaticResult['hover'];
    if (options.hover) {
      const points = await evalInGloss<{ x: number; y: number }[]>(
        page,
        hoverPoints(options.hover),
      );
      await page.evaluate(`performance.mark('hover:start')`);
      for (const p of points) {
        await page.mouse.move(p.x, p.y);
        await page.evaluate(ONE_FRAME);
      }
      await page.evaluate(`performance.mark('hover:end')`);
      hover = { moves: points.length, perMoveMs: 0, maxMs: 0 };
    }
    const afterBytes = options.heap ? await heapUsed(cdp) : 0;
    const events = await stop();

    const start = findMark(events, 'bench:start') as TraceEvent;
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const startup = tasksOf(events, start.pid, start.tid, 0, start.ts).filter((t) =>
      t.urls.some((u) => u.startsWith(prefix)),
    );
    const startupMs = startup.reduce((sum, t) => sum + t.ms, 0);
    const startupLongestMs = startup.reduce((max, t) => Math.max(max, t.ms), 0);
    const mark = windowOf(events);
    if (hover) {
      const from = findMark(events, 'hover:start') as TraceEvent;
      const to = findMark(events, 'hover:end') as TraceEvent;
      const calls = scriptTime(
        events,
        from.pid,
        from.tid,
        from.ts,
        to.ts,
        prefix,
        new Set(['EventDispatch', 'FireAnimationFrame']),
      );
      const sum = calls.reduce((a, b) => a + b, 0);
      hover.perMoveMs = sum / Math.max(1, hover.moves);
      hover.maxMs = calls.reduce((a, b) => Math.max(a, b), 0);
    }
    return {
      startupMs,
      startupLongestMs,
      matcherMs: done.startup?.matcherMs ?? NaN,
      mark,
      totalMs: startupMs + mark.ms,
      longestMs: Math.max(startupLongestMs, mark.longestMs),
      occurrences: done.size,
      painted: done.painted,
      registered: done.registered,
      busyMs: done.busyMs,
      slices: done.slices,
      heap: options.heap ? { beforeBytes, afterBytes } : undefined,
      hover,
    };
  } finally {
    await page.close();
  }
}

export interface CompetitorResult {
  window: Window;
  /** Main-thread time: the trace window, or the extrapolation when the run was stopped. */
  ms: number;
  count: number;
  scriptMs: number;
  layoutMs: number;
  /** True when the run hit its deadline and `ms` is extrapolated from the share done. */
  extrapolated: boolean;
}

/** A competitor (mark.js, or the bare text pass) on a page where Gloss is switched off. */
export async function measureCompetitor(
  browser: BenchBrowser,
  file: string,
  variant: 'floor' | 'markjs-best' | 'markjs-array',
  input: { names: string[]; pattern: string; expected: number; deadlineMs: number },
): Promise<CompetitorResult> {
  await browser.setGloss(false);
  const { page, cdp } = await browser.open();
  try {
    await load(page, `${browser.origin}/${file}`);
    await page.evaluate(
      ([names, pattern]) => {
        const w = window as unknown as { __benchNames: unknown; __benchPattern: unknown };
        w.__benchNames = names;
        w.__benchPattern = pattern;
      },
      [variant === 'markjs-array' ? input.names : [], variant === 'markjs-best' ? input.pattern : ''],
    );
    await page.evaluate(SETTLE);
    const stop = await startTrace(cdp);
    const run = (await page.evaluate(competitor(variant, input.deadlineMs, input.expected))) as {
      count: number;
      scriptMs: number;
      layoutMs: number;
      stopped: boolean;
      done: number;
    };
    const events = await stop();
    const window = windowOf(events);
    return {
      window,
      ms: run.stopped ? run.scriptMs / run.done : window.ms,
      count: run.count,
      scriptMs: run.scriptMs,
      layoutMs: run.layoutMs,
      extrapolated: run.stopped,
    };
  } finally {
    await page.close();
  }
}

/** The page's JavaScript heap, settled and collected, in a browser without Gloss. */
export async function measureHeap(browser: BenchBrowser, file: string): Promise<number> {
  const { page, cdp } = await browser.open();
  try {
    await load(page, `${browser.origin}/${file}`);
    await page.evaluate(SETTLE);
    return await heapUsed(cdp);
  } finally {
    await page.close();
  }
}

export interface LiveResult {
  window: Window;
  /** Gloss switched on: per-paragraph delay from arrival to fully marked, and what it did. */
  gloss?: {
    delays: number[];
    unmarked: number;
    size: number;
    painted: number;
    registered: number;
    busyMs: number;
    batches: number;
  };
}

/** The live page: 100 paragraphs a second for ten seconds, with Gloss on or off. */
export async function measureLive(
  browser: BenchBrowser,
  file: string,
  glossOn: boolean,
): Promise<LiveResult> {
  await browser.setGloss(glossOn);
  const { page, cdp } = await browser.open();
  try {
    await load(page, `${browser.origin}/${file}`);
    await evalInGloss(page, GLOSS_LOADED, 30_000);
    if (glossOn) {
      await evalInGloss(page, GLOSS_DONE, 60_000);
      await evalInGloss(page, LIVE_TRACK);
    }
    await page.evaluate(SETTLE);
    const stop = await startTrace(cdp);
    await page.evaluate(liveRun(600));
    const gloss = glossOn ? await evalInGloss<LiveResult['gloss']>(page, LIVE_RESULT) : undefined;
    const events = await stop();
    return { window: windowOf(events), gloss };
  } finally {
    await page.close();
  }
}
