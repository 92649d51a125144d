/**
 * The popup: how long after opening it shows its first results, and what each keystroke in its
 * search box costs, in the real popup page (Preact rendering, style, layout and paint included),
 * plus the search function alone in Node on the same index.
 */
import { buildSearchIndex } from '../../components/search/search-index';
import { createSearcher } from '../../components/search/search-query';
import type { Term } from '../../data/schema';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { findMark, startTrace, tasksOf, totals } from './trace';

/** What a reader types, one key at a time. */
export const QUERIES = ['brahmos', 'sputnik v', 'north south corridor', 'kudankulam', 's400'];

/** Records when the first result option is in the page, and when the next frame has shown it. */
const FIRST_RESULTS = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[role="option"]')) return;
    observer.disconnect();
    window.__benchFirst = performance.now();
    requestAnimationFrame(() => setTimeout(() => { window.__benchShown = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export interface PopupResult {
  /** From opening the popup to its first results in the page, and to the frame that shows them. */
  firstResultsMs: number;
  shownMs: number;
  /** Main-thread time of each keystroke, from the key event to the frame showing its results. */
  keystrokesMs: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measurePopup(browser: BenchBrowser): Promise<PopupResult> {
  const { page, cdp } = await browser.open();
  try {
    const first = await openFirst(
      page,
      cdp,
      `chrome-extension://${browser.extensionId}/popup.html`,
    );
    const keystrokesMs = await typeQueries(page, cdp);
    return { firstResultsMs: first.first, shownMs: first.shown, keystrokesMs };
  } finally {
    await page.close();
  }
}

/** Opens `url` in `page`; when its first result option was in the page, and when it was shown. */
async function openFirst(
  page: Page,
  cdp: CDPSession,
  url: string,
): Promise<{ first: number; shown: number }> {
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: FIRST_RESULTS });
  await page.goto(url);
  await page.waitForFunction(() => (window as { __benchShown?: number }).__benchShown, null, {
    timeout: 30_000,
  });
  return (await page.evaluate('({ first: window.__benchFirst, shown: window.__benchShown })')) as {
    first: number;
    shown: number;
  };
}

/**
 * The floor of the first results: opening, the same way, an extension page that holds one
 * result option and nothing else (no script, no style sheet; `POPUP_FLOOR_PAGE` of the floor
 * extension): what the browser takes to open any extension page in a tab and show it.
 */
export async function measurePopupFloor(browser: BenchBrowser): Promise<number> {
  const { page, cdp } = await browser.open();
  try {
    const url = `chrome-extension://${browser.extensionId}/${POPUP_FLOOR_PAGE}`;
    return (await openFirst(page, cdp, url)).shown;
  } finally {
    await page.close();
  }
}

/** The floor extension's page for `measurePopupFloor`. */
export const POPUP_FLOOR_PAGE = 'one-option.html';

/** That page's markup: a listbox with one option, as the popup's prewritten search screen has. */
export const POPUP_FLOOR_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>' +
  '<body><div role="listbox"><div role="option">One result</div></div></body></html>\n';

/**
 * Types `QUERIES` into the page's combobox one key at a time; returns each keystroke's main-thread
 * time, from the key event to the frame showing its effect, from Chromium's trace.
 */
async function typeQueries(page: Page, cdp: CDPSession): Promise<number[]> {
  const box = page.locator('[role="combobox"]').first();
  await box.focus();
  await sleep(200);
  const stop = await startTrace(cdp);
  let key = 0;
  for (const query of QUERIES) {
    for (const ch of query) {
      await page.evaluate(`performance.mark('key:${key}:start')`);
      await page.keyboard.type(ch);
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)))');
      await page.evaluate(`performance.mark('key:${key}:end')`);
      key++;
    }
    await box.fill('');
    await sleep(100);
  }
  const events = await stop();
  const keystrokesMs: number[] = [];
  for (let k = 0; k < key; k++) {
    const from = findMark(events, `key:${k}:start`);
    const to = findMark(events, `key:${k}:end`);
    if (!from || !to) continue;
    const tasks = tasksOf(events, from.pid, from.tid, from.ts, to.ts).filter(
      (t) => t.endTs < to.ts,
    );
    keystrokesMs.push(totals(tasks).ms);
  }
  return keystrokesMs;
}

/**
 * The method's floor: the same typing into a page holding nothing but an input box (no script),
 * what any key press costs the browser here before a popup does anything.
 */
export async function measureTypingFloor(browser: BenchBrowser, url: string): Promise<number[]> {
  const { page, cdp } = await browser.open();
  try {
    await page.goto(url);
    return await typeQueries(page, cdp);
  } finally {
    await page.close();
  }
}

/** The search function alone (warm), per keystroke of `QUERIES`, in ms. */
export function searchTimes(terms: readonly Term[], rounds = 5): number[] {
  const searcher = createSearcher(JSON.parse(JSON.stringify(buildSearchIndex(terms))));
  const times: number[][] = [];
  for (let r = 0; r < rounds; r++) {
    let k = 0;
    for (const query of QUERIES) {
      for (let n = 1; n <= query.length; n++) {
        const t0 = performance.now();
        searcher.search(query.slice(0, n));
        (times[k++] ??= []).push(performance.now() - t0);
      }
    }
  }
  // The median of the rounds for each keystroke (the first round warms the JIT).
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN);
}
