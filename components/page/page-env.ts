/**
 * The annotator's clock and scheduling in a real page: slices yield with `scheduler.yield` where
 * the browser has it, and with a plain task often enough that the page's own timers keep up.
 */
import type { AnnotatorEnv } from './annotator';

/**
 * How long a scan may keep the page's own tasks waiting. `scheduler.yield` lets input and
 * rendering through, but resumes ahead of the page's timers and network callbacks, so a long
 * scan (100,000 text nodes) would hold them all back: at least this often, yield with a plain
 * task that queues behind them.
 */
const FAIR_YIELD_MS = 40;

/** The annotator's environment in `win`. */
export function pageEnv(win: Window & typeof globalThis): AnnotatorEnv {
  const scheduler = (win as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const task = () => new Promise<void>((resolve) => win.setTimeout(resolve, 0));
  // Read once: a scan reads the clock every 16 text nodes.
  const clock = win.performance;
  let lastTask = clock.now();
  return {
    now: () => clock.now(),
    yieldToPage: async () => {
      if (scheduler?.yield && clock.now() - lastTask < FAIR_YIELD_MS) {
        return scheduler.yield();
      }
      await task();
      lastTask = clock.now();
    },
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
    MutationObserver: win.MutationObserver,
  };
}
