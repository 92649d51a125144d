/**
 * One measurement each: a fresh tab, the page loaded and settled, then the thing measured, with
 * Chromium tracing the page's main thread. Every figure is main-thread time as the trace records
 * it: all top-level tasks between the `bench:start` and `bench:end` marks (script, style, layout,
 * paint, garbage collection), whoever caused them, so Gloss and its competitors are counted the
 * same way, up to and including the frames that show their marks. The page is static and
 * settled, so everything in the window is the measured thing's doing; the benchmark's own
 * waiting happens outside the window (the tasks that set the marks are left out).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import {
  GLOSS_HOOK,
  GLOSS_LOADED,
  GLOSS_RANGES,
  GLOSS_READY,
  GLOSS_STATS,
  LIVE_RESULT,
  LIVE_RUN,
  LIVE_TRACK,
  MARK_END,
  MARK_START,
  ONE_FRAME,
  SETTLE,
  competitor,
  hoverPoints,
  pageHighlights,
} from './scripts';
import {
  COMPILE_CATEGORY,
  TRACE_CATEGORIES,
  cpuMs,
  eventMs,
  findMark,
  glossScriptMs,
  scriptTime,
  startTrace,
  tasksOf,
  isExtensionUrl,
  totals,
  type Task,
  type TraceEvent,
} from './trace';

/** A task this long or longer is a long task (the Long Tasks API threshold). */
export const LONG_TASK_MS = 50;
/** How long the benchmark waits after the work for the frames it caused. */
export const RENDER_WAIT_MS = 300;
/** The name of Gloss's isolated world (the extension's name). */
export const GLOSS_WORLD = 'Gloss';

/** Main-thread totals of one window. */
export interface Window {
  ms: number;
  longestMs: number;
  renderMs: number;
  gcMs: number;
  /** V8 compiling script (see `Task.compileMs`). */
  compileMs: number;
  tasks: number;
  longTasks: number;
}

export function windowOf(events: TraceEvent[], from = 'bench:start', to = 'bench:end'): Window {
  const start = findMark(events, from);
  const end = findMark(events, to);
  if (!start || !end) throw new Error(`trace has no ${from} / ${to} marks`);
  // The task that sets the end mark is the benchmark's, not the page's.
  const tasks = tasksOf(events, start.pid, start.tid, start.ts, end.ts).filter(
    (t) => t.endTs < end.ts,
  );
  if (process.env.GLOSS_BENCH_DEBUG) debugTasks(events, tasks, start);
  if (process.env.GLOSS_BENCH_BREAKDOWN) breakdown(events, start.pid, start.tid, start.ts, end.ts);
  const t = totals(tasks);
  return {
    ms: t.ms,
    longestMs: t.longestMs,
    renderMs: t.renderMs,
    gcMs: t.gcMs,
    compileMs: t.compileMs,
    tasks: t.count,
    longTasks: tasks.filter((task) => task.ms >= LONG_TASK_MS).length,
  };
}

/** Prints the tasks over GLOSS_BENCH_DEBUG ms and what took their time. */
function debugTasks(events: TraceEvent[], tasks: Task[], start: TraceEvent): void {
  const lines: string[] = [];
  for (const t of tasks) {
    if (t.ms < Number(process.env.GLOSS_BENCH_DEBUG)) continue;
    const inner = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== start.pid || e.tid !== start.tid || e.ph !== 'X' || !e.dur) continue;
      if (e.ts < t.ts || e.ts >= t.endTs) continue;
      inner.set(e.name, (inner.get(e.name) ?? 0) + cpuMs(e));
    }
    const top = [...inner]
      .sort((a, b) => b[1] - a[1])
      .slice(1, 10)
      .map(([k, v]) => `${k}=${v.toFixed(1)}`)
      .join(' ');
    const at = ((t.ts - start.ts) / 1000).toFixed(1);
    lines.push(`  +${at} ${t.ms.toFixed(2)}ms ${top} ${t.urls.slice(0, 1).join(' ')}`);
  }
  console.log(lines.join('\n'));
}

/** Prints where a window's time went, by trace event name (GLOSS_BENCH_BREAKDOWN=1). */
function breakdown(events: TraceEvent[], pid: number, tid: number, from: number, to: number): void {
  const by = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || !e.dur || e.ts < from || e.ts >= to)
      continue;
    let name = e.name;
    const url = (e.args?.data as { url?: string } | undefined)?.url;
    if (url && (name === 'FunctionCall' || name === 'TimerFire'))
      name += url.includes('chrome-extension') ? ' (Gloss)' : ' (page)';
    by.set(name, (by.get(name) ?? 0) + cpuMs(e));
  }
  console.log(
    [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 24)
      .map(([k, v]) => `${k}=${v.toFixed(0)}`)
      .join(' '),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Evaluation in the page's main frame, in the page's world or in Gloss's isolated world, over
 * one CDP session enabled before the page loads (so asking adds no work to the page later).
 */
export class Worlds {
  private readonly contexts: { id: number; name: string; frameId?: string; type?: string }[] = [];
  private frameId = '';

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string; type?: string } | undefined;
      this.contexts.push({ id: context.id, name: context.name, ...aux });
    });
  }

  async enable(): Promise<void> {
    await this.cdp.send('Runtime.enable');
  }

  async loaded(): Promise<void> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    this.frameId = frameTree.frame.id;
  }

  private async contextId(gloss: boolean): Promise<number> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = [...this.contexts]
        .reverse()
        .find(
          (c) =>
            c.frameId === this.frameId &&
            (gloss ? c.type === 'isolated' && c.name === GLOSS_WORLD : c.type === 'default'),
        );
      if (found) return found.id;
      if (Date.now() > deadline) throw new Error(`no ${gloss ? 'Gloss' : 'page'} world`);
      await sleep(20);
    }
  }

  async eval<T>(expression: string, gloss: boolean): Promise<T> {
    const contextId = await this.contextId(gloss);
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? 'evaluation failed');
    }
    return result.result.value as T;
  }

  page<T>(expression: string): Promise<T> {
    return this.eval<T>(expression, false);
  }

  gloss<T>(expression: string): Promise<T> {
    return this.eval<T>(expression, true);
  }
}

/**
 * The page thread's tasks before `start` that ran or loaded the extension's scripts (URLs under
 * `prefix`) or evaluated a module in its isolated world (`world`): its start-up.
 */
export function startupTasks(
  events: TraceEvent[],
  start: TraceEvent,
  prefix: string,
  world = GLOSS_WORLD,
): Task[] {
  return tasksOf(events, start.pid, start.tid, 0, start.ts).filter((t) =>
    t.urls.some((u) => isExtensionUrl(u, prefix) || u === `world:${world}`),
  );
}

/** Collects garbage (so one measurement's leftovers are not collected in the next's window). */
export async function collect(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await collect(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function openAt(
  browser: BenchBrowser,
  file: string,
): Promise<{ page: Page; cdp: CDPSession; worlds: Worlds }> {
  const { page, cdp } = await browser.open();
  const worlds = new Worlds(cdp);
  await worlds.enable();
  await page.goto(`${browser.origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
  await worlds.loaded();
  return { page, cdp, worlds };
}

/**
 * Script time per task of the extension at `prefix` between the `hover:start` and `hover:end`
 * marks: its pointer listener, frame callbacks, and the idle callbacks that read rectangles ahead
 * for the look-up (part of mapping the pointer, though no move waits for them).
 */
export function hoverCalls(events: TraceEvent[], prefix: string): number[] {
  const from = findMark(events, 'hover:start') as TraceEvent;
  const to = findMark(events, 'hover:end') as TraceEvent;
  return scriptTime(
    events,
    from.pid,
    from.tid,
    from.ts,
    to.ts,
    prefix,
    new Set(['EventDispatch', 'FireAnimationFrame', 'FireIdleCallback']),
  );
}

export interface GlossStaticResult {
  /** Content script start: its tasks at page load (script evaluation, matcher, settings). */
  startupMs: number;
  startupLongestMs: number;
  /** V8 compiling Gloss's script in its start-up tasks (the content script's first compile). */
  startupCompileMs: number;
  /** V8 compiling Gloss's page code off the main thread, as it streams in (thread time, ms). */
  backgroundCompileMs: number;
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
  longestSliceMs: number;
  heap?: { beforeBytes: number; afterBytes: number };
  hover?: {
    moves: number;
    perMoveMs: number;
    maxMs: number;
    /** The first move's task: V8 compiling the tracker, its watchers set up. */
    firstMs: number;
    /** Where the pointer went (the hover floor replays them). */
    points: { x: number; y: number }[];
  };
  /** Where the painted marks are (`GLOSS_RANGES`), when asked for: the floor repaints them. */
  ranges?: [number, number, number][];
  /**
   * Switched off and on again in the same tab, when asked for: the same marking with Gloss's
   * code already compiled and warm (a page only ever scans once, so this is not what a reader
   * pays; it shows how much of the first marking is V8 running code for the first time).
   */
  again?: { window: Window; busyMs: number };
}

/**
 * Gloss on a static page: loaded with Gloss switched off for the site (the content script
 * starts, loads its matcher and waits), settled, then switched on; measured until every
 * occurrence is marked and rendered. The start-up tasks come from the same trace.
 */
export async function measureGloss(
  browser: BenchBrowser,
  file: string,
  options: {
    heap?: boolean;
    hover?: number;
    ranges?: boolean;
    again?: boolean;
    /** Traces V8's compiling too (`compileMs` is 0 for lazy compiles otherwise). */
    compile?: boolean;
  } = {},
): Promise<GlossStaticResult> {
  await browser.setGloss(false);
  const { page, cdp } = await browser.open();
  const worlds = new Worlds(cdp);
  try {
    await worlds.enable();
    const stop = await startTrace(
      cdp,
      options.compile ? [...TRACE_CATEGORIES, COMPILE_CATEGORY] : TRACE_CATEGORIES,
    );
    await page.goto(`${browser.origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
    await worlds.loaded();
    await worlds.gloss(GLOSS_LOADED);
    await worlds.page(SETTLE);
    const beforeBytes = options.heap ? await heapUsed(cdp) : 0;
    if (!options.heap) await collect(cdp);
    await worlds.gloss(GLOSS_HOOK);
    const idle = worlds.gloss('globalThis.__benchIdle');
    await sleep(50);
    await worlds.page(MARK_START);
    await browser.setGloss(true);
    await idle;
    await sleep(RENDER_WAIT_MS);
    await worlds.page(MARK_END);
    const done = await worlds.gloss<{
      size: number;
      painted: number;
      registered: number;
      busyMs: number;
      slices: number;
      longestSliceMs: number;
      startup: { matcherMs: number } | null;
    }>(GLOSS_STATS);
    const ranges = options.ranges
      ? await worlds.gloss<[number, number, number][]>(GLOSS_RANGES)
      : undefined;
    let againBusyMs = NaN;
    if (options.again) {
      await browser.setGloss(false);
      await worlds.page(SETTLE);
      await worlds.gloss(GLOSS_HOOK);
      const idleAgain = worlds.gloss('globalThis.__benchIdle');
      await sleep(50);
      await worlds.page(`performance.mark('bench:again-start')`);
      await browser.setGloss(true);
      await idleAgain;
      await sleep(RENDER_WAIT_MS);
      await worlds.page(`performance.mark('bench:again-end')`);
      againBusyMs = (await worlds.gloss<{ busyMs: number }>(GLOSS_STATS)).busyMs;
    }
    let hover: GlossStaticResult['hover'];
    if (options.hover) {
      const points = await worlds.gloss<{ x: number; y: number }[]>(hoverPoints(options.hover));
      await worlds.page(`performance.mark('hover:start')`);
      for (const p of points) {
        await page.mouse.move(p.x, p.y);
        await worlds.page(ONE_FRAME);
      }
      await worlds.page(`performance.mark('hover:end')`);
      hover = { moves: points.length, perMoveMs: 0, maxMs: 0, firstMs: 0, points };
    }
    const afterBytes = options.heap ? await heapUsed(cdp) : 0;
    const events = await stop();

    const start = findMark(events, 'bench:start') as TraceEvent;
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const startup = startupTasks(events, start, prefix);
    if (process.env.GLOSS_BENCH_DEBUG) debugTasks(events, startup, start);
    const startupMs = startup.reduce((sum, t) => sum + t.ms, 0);
    const startupLongestMs = startup.reduce((max, t) => Math.max(max, t.ms), 0);
    const startupCompileMs = startup.reduce((sum, t) => sum + t.compileMs, 0);
    // The page code is a streamed module: V8 compiles it on a background thread of the page.
    const backgroundCompileMs = events
      .filter(
        (e) =>
          e.pid === start.pid &&
          e.tid !== start.tid &&
          e.name === 'v8.parseOnBackground' &&
          isExtensionUrl(String(e.args?.data?.url ?? ''), prefix),
      )
      .reduce((sum, e) => sum + cpuMs(e), 0);
    const mark = windowOf(events);
    const again = options.again
      ? { window: windowOf(events, 'bench:again-start', 'bench:again-end'), busyMs: againBusyMs }
      : undefined;
    if (hover) {
      const calls = hoverCalls(events, prefix);
      hover.perMoveMs = calls.reduce((a, b) => a + b, 0) / Math.max(1, hover.moves);
      hover.maxMs = calls.reduce((a, b) => Math.max(a, b), 0);
      hover.firstMs = calls[0] ?? 0;
    }
    return {
      startupMs,
      startupLongestMs,
      startupCompileMs,
      backgroundCompileMs,
      matcherMs: done.startup?.matcherMs ?? NaN,
      mark,
      totalMs: startupMs + mark.ms,
      longestMs: Math.max(startupLongestMs, mark.longestMs),
      occurrences: done.size,
      painted: done.painted,
      registered: done.registered,
      busyMs: done.busyMs,
      slices: done.slices,
      longestSliceMs: done.longestSliceMs,
      heap: options.heap ? { beforeBytes, afterBytes } : undefined,
      hover,
      ranges,
      again,
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
  /** Share of the work done (1 unless stopped). */
  done: number;
  /** Why mark.js stopped, when it failed rather than ran out of time. */
  error: string | null;
}

/**
 * A competitor (mark.js, or the bare text pass) on a page where Gloss is switched off. The `walk`
 * floor runs in Gloss's isolated world instead of the page's, as an extension's code does.
 */
export async function measureCompetitor(
  browser: BenchBrowser,
  file: string,
  variant: 'floor' | 'walk' | 'markjs-best' | 'markjs-array',
  input: { names: string[]; pattern: string; expected: number; deadlineMs: number },
): Promise<CompetitorResult> {
  await browser.setGloss(false);
  const { page, cdp, worlds } = await openAt(browser, file);
  try {
    await page.evaluate(
      ([names, pattern]) => {
        const w = window as unknown as { __benchNames: unknown; __benchPattern: unknown };
        w.__benchNames = names;
        w.__benchPattern = pattern;
      },
      [
        variant === 'markjs-array' ? input.names : [],
        variant === 'markjs-best' ? input.pattern : '',
      ],
    );
    if (variant === 'walk') await worlds.gloss(GLOSS_LOADED);
    await worlds.page(SETTLE);
    await collect(cdp);
    const stop = await startTrace(cdp);
    await worlds.page(MARK_START);
    const world = variant === 'walk' ? worlds.gloss.bind(worlds) : worlds.page.bind(worlds);
    const run = await world<{
      count: number;
      scriptMs: number;
      layoutMs: number;
      stopped: boolean;
      done: number;
      error: string | null;
    }>(competitor(variant, input.deadlineMs, input.expected));
    await sleep(RENDER_WAIT_MS);
    await worlds.page(MARK_END);
    const events = await stop();
    const window = windowOf(events);
    return {
      window,
      ms: run.stopped ? run.scriptMs / run.done : window.ms,
      count: run.count,
      scriptMs: run.scriptMs,
      layoutMs: run.layoutMs,
      extrapolated: run.stopped,
      error: run.error,
      done: run.done,
    };
  } finally {
    await page.close();
  }
}

/** The page's JavaScript heap, settled and collected (used in a browser without Gloss). */
export async function measureHeap(browser: BenchBrowser, file: string): Promise<number> {
  const { page, cdp, worlds } = await openAt(browser, file);
  try {
    await worlds.page(SETTLE);
    return await heapUsed(cdp);
  } finally {
    await page.close();
  }
}

export interface LiveResult {
  window: Window;
  /** Gloss's own script in the window, from the trace (callbacks and scan slices). */
  glossScriptMs: number;
  /** Time in pre-paint and paint (what the highlights add to every frame). */
  paintMs: number;
  /** Gloss switched on: per-paragraph delay from arrival to fully marked, and what it did. */
  gloss?: {
    delays: number[];
    unmarked: number;
    size: number;
    painted: number;
    registered: number;
    busyMs: number;
    batches: number;
    /** The longest slice of the session, first scan included. */
    longestSliceMs?: number;
  };
}

/** The live page: 100 paragraphs a second for ten seconds, with Gloss on or off. */
export async function measureLive(
  browser: BenchBrowser,
  file: string,
  glossOn: boolean,
  style: 'underline' | 'background' = 'underline',
  /** With Gloss off: this many highlight ranges registered by the page itself (a floor). */
  highlights = 0,
): Promise<LiveResult> {
  await browser.setGloss(glossOn, style);
  const { page, cdp, worlds } = await openAt(browser, file);
  try {
    await worlds.gloss(GLOSS_LOADED);
    if (highlights > 0) await worlds.page(pageHighlights(highlights));
    if (glossOn) {
      await worlds.gloss(GLOSS_READY);
      await worlds.gloss(LIVE_TRACK);
    }
    await worlds.page(SETTLE);
    await collect(cdp);
    const stop = await startTrace(cdp);
    await worlds.page(MARK_START);
    await worlds.page(LIVE_RUN);
    await sleep(RENDER_WAIT_MS * 2);
    await worlds.page(MARK_END);
    const gloss = glossOn ? await worlds.gloss<LiveResult['gloss']>(LIVE_RESULT) : undefined;
    const events = await stop();
    const start = findMark(events, 'bench:start') as TraceEvent;
    const end = findMark(events, 'bench:end') as TraceEvent;
    const args = [events, start.pid, start.tid, start.ts, end.ts] as const;
    return {
      window: windowOf(events),
      glossScriptMs: glossScriptMs(...args, `chrome-extension://${browser.extensionId}/`),
      paintMs: eventMs(...args, new Set(['PrePaint', 'Paint'])),
      gloss,
    };
  } finally {
    await page.close();
  }
}
