/**
 * Main-thread time from Chromium's own trace. A trace records every task the renderer's main
 * thread runs (script, style, layout, paint, garbage collection) with its duration, so the
 * benchmark can add up all the work between two user-timing marks the page or the benchmark
 * sets, whoever caused it, without instrumenting what it measures.
 */
import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the fields the benchmark reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread-clock duration (µs): the time the thread actually ran, preemption left out. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; [key: string]: unknown };
}

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];

/**
 * V8 compiling script: a script's first compile, then each function's on its first call. Traced
 * only in a run of its own, as recording it made the article's figures about 1.5 ms higher
 * (2026-12-07).
 */
export const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';

/** Starts tracing on `cdp`'s browser; the returned function stops and returns the events. */
export async function startTrace(
  cdp: CDPSession,
  categories = TRACE_CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const event of e.value) events.push(event as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents' as const,
  });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * The main-thread time of a complete event, ms: its thread-clock duration where the trace has one.
 * The benchmark machines are shared, and wall-clock durations carry the time the renderer's main
 * thread was not running at all (another process had the core): on the article, one script
 * evaluation measured 8.2 ms of wall clock for 4.3 ms of thread time (2026-12-07). Thread time is
 * the work itself, the same for Gloss, its floors and the competitors. Only amounts use it; where
 * an event starts and ends (what is nested in what, what falls in a window) stays on the wall clock.
 */
export function cpuMs(e: TraceEvent): number {
  return (e.tdur ?? e.dur ?? 0) / 1000;
}

/** A top-level task of one thread: its start (µs, trace clock), duration (ms) and what ran. */
export interface Task {
  ts: number;
  /** Where it ends, µs on the trace's wall clock. */
  endTs: number;
  /** Main-thread time (see `cpuMs`). */
  ms: number;
  /**
   * Script the task ran or loaded: the URLs its events name (calls, evaluations, timers, a
   * module's fetch and compile), and `world:<name>` for a module evaluated in a named world.
   */
  urls: string[];
  /** Time in rendering steps (style, layout, pre-paint, paint, commit) inside the task, ms. */
  renderMs: number;
  /** Time in garbage collection inside the task, ms. */
  gcMs: number;
  /** Time V8 spent compiling script inside the task (outermost compile events), ms. */
  compileMs: number;
  /** Names of the notable events inside the task. */
  kinds: Set<string>;
}

/**
 * True for the URLs of the extension under test (`prefix`, its id's origin), including the
 * per-session addresses Chromium serves its web-accessible files under (`use_dynamic_url`: a
 * random id in place of the extension's). The benchmark's browsers hold that one extension only.
 */
export function isExtensionUrl(url: string, prefix: string): boolean {
  return url.startsWith(prefix) || DYNAMIC_URL.test(url);
}
const DYNAMIC_URL =
  /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//;

/** Finds the first user-timing mark named `name` (set with performance.mark). */
export function findMark(events: readonly TraceEvent[], name: string): TraceEvent | undefined {
  return events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
}

const RENDER_STEPS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Commit',
  'Layerize',
]);
const GC_STEPS = new Set([
  'MinorGC',
  'MajorGC',
  'V8.GC_MC_BACKGROUND_MARKING',
  'BlinkGC.AtomicPhase',
]);
/** A script's first compile, and a function's when it first runs (V8 compiles lazily). */
const COMPILE_STEPS = new Set(['v8.compile', 'V8.CompileCode']);

/**
 * The top-level tasks of thread (`pid`, `tid`) that start in [`from`, `to`) (trace clock, µs).
 * Top-level means not nested in another complete event of the same thread.
 */
export function tasksOf(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  from: number,
  to: number,
): Task[] {
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: Task[] = [];
  let current: Task | null = null;
  let end = -Infinity;
  // Events nested in a rendering step are not counted twice.
  let stepEnd = -Infinity;
  let compileEnd = -Infinity;
  for (const e of own) {
    const dur = e.dur ?? 0;
    if (e.ts >= end) {
      current = null;
      if (e.ts >= from && e.ts < to) {
        current = {
          ts: e.ts,
          endTs: e.ts + dur,
          ms: cpuMs(e),
          urls: [],
          renderMs: 0,
          gcMs: 0,
          compileMs: 0,
          kinds: new Set(),
        };
        tasks.push(current);
      }
      end = e.ts + dur;
      stepEnd = compileEnd = -Infinity;
      continue;
    }
    if (!current) continue;
    // A script's calls and evaluation name its URL, and so do the loading and compiling of a
    // module a content script imports; evaluating that module names only its world.
    const url = (e.args?.data as { url?: string } | undefined)?.url;
    if (url) current.urls.push(url);
    else if (e.name === 'v8.evaluateModule' && typeof e.args?.worldName === 'string')
      current.urls.push(`world:${e.args.worldName}`);
    if (e.ts >= stepEnd && RENDER_STEPS.has(e.name)) {
      current.renderMs += cpuMs(e);
      current.kinds.add(e.name);
      stepEnd = e.ts + dur;
    } else if (GC_STEPS.has(e.name)) {
      current.gcMs += cpuMs(e);
    } else if (e.ts >= compileEnd && COMPILE_STEPS.has(e.name)) {
      current.compileMs += cpuMs(e);
      compileEnd = e.ts + dur;
    }
  }
  return tasks;
}

/** Sum and maximum of task durations, ms. */
export function totals(tasks: readonly Task[]): {
  ms: number;
  longestMs: number;
  renderMs: number;
  gcMs: number;
  compileMs: number;
  count: number;
} {
  let ms = 0;
  let longestMs = 0;
  let renderMs = 0;
  let gcMs = 0;
  let compileMs = 0;
  for (const t of tasks) {
    ms += t.ms;
    renderMs += t.renderMs;
    gcMs += t.gcMs;
    compileMs += t.compileMs;
    if (t.ms > longestMs) longestMs = t.ms;
  }
  return { ms, longestMs, renderMs, gcMs, compileMs, count: tasks.length };
}

/**
 * Time spent in script from `urlPrefix` (FunctionCall events, outermost only) in [`from`, `to`),
 * counted only inside events named in `within` (for example the pointer's event dispatch and
 * animation-frame callbacks). Returns one total per top-level task that had any.
 */
export function scriptTime(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  from: number,
  to: number,
  urlPrefix: string,
  within: ReadonlySet<string>,
): number[] {
  const own = events
    .filter(
      (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from && e.ts < to && e.dur,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const perTask: number[] = [];
  let taskEnd = -Infinity;
  let containerEnd = -Infinity;
  let callEnd = -Infinity;
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts >= taskEnd) {
      taskEnd = end;
      perTask.push(0);
    }
    if (within.has(e.name)) {
      containerEnd = Math.max(containerEnd, end);
      continue;
    }
    if (e.name !== 'FunctionCall' || e.ts >= containerEnd || e.ts < callEnd) continue;
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if (!isExtensionUrl(url, urlPrefix)) continue;
    callEnd = end;
    perTask[perTask.length - 1] = (perTask[perTask.length - 1] ?? 0) + cpuMs(e);
  }
  return perTask.filter((ms) => ms > 0);
}

/**
 * Main-thread time that is certainly Gloss's in [`from`, `to`): its callbacks (FunctionCall events
 * of scripts under `urlPrefix`, outermost only: observers, timers, frame callbacks) and the tasks
 * that resume its scan after `scheduler.yield` (microtask checkpoints outside any task, which on
 * the benchmark's live page nothing else causes).
 */
export function glossScriptMs(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  from: number,
  to: number,
  urlPrefix: string,
): number {
  const own = events
    .filter(
      (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from && e.ts < to && e.dur,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let total = 0;
  let taskEnd = -Infinity;
  let callEnd = -Infinity;
  for (const e of own) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts >= taskEnd) {
      taskEnd = end;
      if (e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint') {
        total += cpuMs(e);
        callEnd = end;
      }
      continue;
    }
    if (e.name !== 'FunctionCall' || e.ts < callEnd) continue;
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if (!isExtensionUrl(url, urlPrefix)) continue;
    callEnd = end;
    total += cpuMs(e);
  }
  return total;
}

/** Time in the named events (outermost of each name) of one thread in [`from`, `to`), ms. */
export function eventMs(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  from: number,
  to: number,
  names: ReadonlySet<string>,
): number {
  let total = 0;
  const ends = new Map<string, number>();
  const own = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.ts >= from &&
        e.ts < to &&
        e.dur &&
        names.has(e.name),
    )
    .sort((a, b) => a.ts - b.ts);
  for (const e of own) {
    if (e.ts < (ends.get(e.name) ?? -Infinity)) continue;
    ends.set(e.name, e.ts + (e.dur ?? 0));
    total += cpuMs(e);
  }
  return total;
}
