/**
 * The browser's floor for the typical article: what any extension that marks terms with
 * highlights pays on that page before it matches a single word. Two parts, each measured with
 * no Gloss code at all:
 *
 * - start-up: a content script that only reads its settings from storage and listens for
 *   changes to them (what a per-site switch needs), in an extension of its own;
 * - painting: the page itself registers the very ranges Gloss marks as one highlight, and the
 *   frames that paint them are timed like Gloss's marking window.
 *
 * The same extension's content script also holds an empty pointer listener: the hover floor,
 * what calling any content script on each pointer move costs the page. On a page opened with
 * `?hover=target` the listener reads the event's target and position instead: the least a hover
 * card needs to know, and a second floor for it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchBrowser } from './browser';
import {
  RENDER_WAIT_MS,
  Worlds,
  collect,
  hoverCalls,
  startupTasks,
  windowOf,
  type Window,
} from './measure';
import { MARK_END, MARK_START, ONE_FRAME, PAGE_RANGES_STYLE, SETTLE, pageRanges } from './scripts';
import { findMark, startTrace, type TraceEvent } from './trace';
import { POPUP_FLOOR_HTML, POPUP_FLOOR_PAGE } from './popup';

/** One repetition of the floor. */
export interface ArticleFloor {
  /** The settings-only content script's tasks at page load (same method as Gloss's start-up). */
  startupMs: number;
  /** Style, layout, pre-paint and paint of the window in which the page registers the ranges. */
  paintMs: number;
  /** The whole window, the page's own registering script included. */
  window: Window;
  ranges: number;
}

/** Writes the settings-only extension into `dir` and returns `dir`. */
export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Benchmark floor',
    version: '1.0',
    permissions: ['storage'],
    background: { service_worker: 'background.js' },
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, POPUP_FLOOR_PAGE), POPUP_FLOOR_HTML);
  // The launcher waits for an extension's service worker; this one does nothing.
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(
    join(dir, 'content.js'),
    [
      'chrome.storage.onChanged.addListener(() => {});',
      // Opened with ?hover=target, the listener reads what any hover card must know: the element
      // under the pointer (the browser makes it an object of this world) and where the pointer is.
      "if (location.search.includes('hover=target')) {",
      '  let seen = null;',
      "  document.addEventListener('pointermove', (e) => { seen = [e.target, e.clientX, e.clientY]; }, { passive: true });",
      '  globalThis.__floorSeen = () => seen;',
      "} else document.addEventListener('pointermove', () => {}, { passive: true });",
      "chrome.storage.local.get('settings').then((stored) => { globalThis.__floor = stored; });",
      '',
    ].join('\n'),
  );
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads `file` in `browser` (launched with the floor extension), then has the page register
 * `ranges` (Gloss's marks on the same page) as a highlight.
 */
export async function measureArticleFloor(
  browser: BenchBrowser,
  file: string,
  ranges: readonly [number, number, number][],
): Promise<ArticleFloor> {
  const { page, cdp } = await browser.open();
  const worlds = new Worlds(cdp);
  try {
    await worlds.enable();
    const stop = await startTrace(cdp);
    await page.goto(`${browser.origin}/${file}`, { waitUntil: 'load', timeout: 60_000 });
    await worlds.loaded();
    // The style sheet is in place before the window, as Gloss's is (it ships with the script).
    await worlds.page(PAGE_RANGES_STYLE);
    await worlds.page(SETTLE);
    await collect(cdp);
    await worlds.page(MARK_START);
    const registered = await worlds.page<number>(pageRanges(ranges));
    await sleep(RENDER_WAIT_MS);
    await worlds.page(MARK_END);
    const events = await stop();
    const start = findMark(events, 'bench:start') as TraceEvent;
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const startupMs = startupTasks(events, start, prefix).reduce((sum, t) => sum + t.ms, 0);
    const window = windowOf(events);
    return { startupMs, paintMs: window.renderMs, window, ranges: registered };
  } finally {
    await page.close();
  }
}

/**
 * The hover floor: the pointer moved over `points` (those of Gloss's hover run on the same page)
 * one frame apart, and the floor extension's empty listener timed as Gloss's is (its script
 * inside pointer-event dispatch, per move).
 */
export async function measureHoverFloor(
  browser: BenchBrowser,
  file: string,
  points: readonly { x: number; y: number }[],
  listener: 'empty' | 'target' = 'empty',
): Promise<number> {
  const { page, cdp } = await browser.open();
  const worlds = new Worlds(cdp);
  try {
    await worlds.enable();
    const query = listener === 'target' ? '?hover=target' : '';
    await page.goto(`${browser.origin}/${file}${query}`, { waitUntil: 'load', timeout: 60_000 });
    await worlds.loaded();
    await worlds.page(SETTLE);
    const stop = await startTrace(cdp);
    await worlds.page(`performance.mark('hover:start')`);
    for (const p of points) {
      await page.mouse.move(p.x, p.y);
      await worlds.page(ONE_FRAME);
    }
    await worlds.page(`performance.mark('hover:end')`);
    const events = await stop();
    const calls = hoverCalls(events, `chrome-extension://${browser.extensionId}/`);
    return calls.reduce((a, b) => a + b, 0) / Math.max(1, points.length);
  } finally {
    await page.close();
  }
}
