/**
 * Reliability on heavy pages: 100,000 text nodes, a DOM 2,000 levels deep, and a page that edits
 * its text 1,000 times a second for ten seconds. Gloss must mark exactly what is there, work in
 * short slices, and leave the page's own timers running. The figures each test prints
 * (`[reliability] ...`) are the ones in docs/reliability.md.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardReport,
  evalInGloss,
  hoverInGloss,
  launchGloss,
  recordErrors,
  waitForGloss,
  type Gloss,
} from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

interface Stats {
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  textNodes: number;
  batches: number;
}

const stats = (page: Page) =>
  evalInGloss<Stats>(
    page,
    'globalThis.__gloss.annotator && { ...globalThis.__gloss.annotator.stats }',
  );

/** The page's own 10 ms timer: the longest gap between its ticks since `resetTimer`. */
const resetTimer = (page: Page) =>
  page.evaluate(() => Object.assign(window, { __maxGap: 0, __ticks: 0 }));
const pageTimer = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __ticks: number };
    return { maxGapMs: Math.round(w.__maxGap), ticks: w.__ticks };
  });

/** Switches Gloss off or on everywhere, as the popup's switch does (one settings write). */
const setEnabled = (enabled: boolean) =>
  gloss.worker.evaluate(
    (on) => chrome.storage.local.set({ settings: { version: 2, enabled: on } }),
    enabled,
  );

/** Every occurrence Gloss holds is connected, painted, and spells one of `terms`. */
const checkMarks = (page: Page, terms: string[]) =>
  evalInGloss<{ valid: number; invalid: number }>(
    page,
    `(() => {
      const terms = ${JSON.stringify(terms)};
      let valid = 0, invalid = 0;
      for (const o of globalThis.__gloss.annotator.store.all()) {
        const ok = o.node.isConnected && o.painted && terms.includes(o.node.data.slice(o.start, o.end));
        if (ok) valid++; else invalid++;
      }
      return { valid, invalid };
    })()`,
  );

/** Scans again from scratch (Gloss off, then on) with the page's timer watched. */
async function rescan(page: Page): Promise<{ marks: number; stats: Stats; maxGapMs: number }> {
  await setEnabled(false);
  await expect.poll(() => evalInGloss(page, 'globalThis.__gloss.annotator === null')).toBe(true);
  await resetTimer(page);
  await setEnabled(true);
  await expect.poll(() => evalInGloss(page, 'globalThis.__gloss.annotator !== null')).toBe(true);
  const marks = await waitForGloss(page, 30_000);
  // A few more ticks, so a gap that ends after the scan is counted.
  await page.waitForTimeout(100);
  return { marks, stats: await stats(page), maxGapMs: (await pageTimer(page)).maxGapMs };
}

test('a page of 100,000 text nodes: scanned in short slices, page timers keep firing', async () => {
  const page = await gloss.openFixture('hostile/big.html', { waitForScan: false });
  const errors = await recordErrors(page);
  expect(await waitForGloss(page, 30_000)).toBe(100);
  const first = await stats(page);
  const again = await rescan(page);
  console.log('[reliability] 100k text nodes', JSON.stringify({ first, again }));
  expect(again.marks).toBe(100);
  expect(again.stats.textNodes).toBeGreaterThanOrEqual(100_000);
  expect(await checkMarks(page, ['S-400'])).toEqual({ valid: 100, invalid: 0 });
  // Slices of about 8 ms. A slice is timed by the clock, so a busy machine (GC, other processes)
  // stretches some; 100 still fails a scan that stops slicing (one task of 150 ms and more).
  expect(Math.max(first.longestSliceMs, again.stats.longestSliceMs)).toBeLessThan(100);
  // The page's 10 ms timer is never held back for the whole scan: with scheduler.yield alone
  // (which resumes ahead of timers) its longest gap was the scan's length (~170 ms, 17 slices).
  expect(again.maxGapMs).toBeLessThan(Math.max(150, again.stats.busyMs / 2));
  // The last mark, 99,500 text nodes down (paragraph 4,976), opens its card.
  await hoverInGloss(page, '#feed p:nth-child(4976)', 'S-400');
  await expect.poll(async () => (await cardReport(page))?.heading).toMatch(/S-400/);
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('a DOM 2,000 levels deep: marked to the bottom, and text added there is marked', async () => {
  const page = await gloss.openFixture('hostile/deep.html', { waitForScan: false });
  const errors = await recordErrors(page);
  expect(await waitForGloss(page, 30_000)).toBe(20);
  const again = await rescan(page);
  expect(again.marks).toBe(20);
  expect(again.stats.longestSliceMs).toBeLessThan(100);
  expect(again.maxGapMs).toBeLessThan(150);
  await hoverInGloss(page, '#level-2000', 'INSTC');
  await expect.poll(async () => (await cardReport(page))?.heading).toMatch(/Transport Corridor/);
  await page.keyboard.press('Escape');
  // A change at the deepest level is found by the observer and scanned.
  await page.evaluate(() =>
    document.getElementById('level-2000')?.prepend('Late news: RELOS is signed. '),
  );
  await expect.poll(() => waitForGloss(page)).toBe(21);
  expect(await checkMarks(page, ['INSTC', 'RELOS'])).toEqual({ valid: 21, invalid: 0 });
  console.log('[reliability] 2,000 levels', JSON.stringify({ again, after: await stats(page) }));
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('a page editing its text 1,000 times a second for 10 s: marks follow, page keeps pace', async () => {
  const page = await gloss.openFixture('hostile/mutating.html');
  const errors = await recordErrors(page);
  const before = await stats(page);
  const run = page.evaluate(() =>
    (
      window as unknown as {
        runTicker(ms: number): Promise<{ mutations: number; elapsedMs: number; maxGapMs: number }>;
      }
    ).runTicker(10_000),
  );
  // A reader opens a card on the untouched paragraph in the middle of the storm.
  await page.waitForTimeout(2000);
  await hoverInGloss(page, '#static', 'S-400');
  await expect.poll(async () => (await cardReport(page))?.heading).toMatch(/S-400/);
  const ticker = await run;
  const card = await cardReport(page);
  expect(card?.heading).toMatch(/S-400/);
  expect(card && card.box.bottom <= card.viewport.height && card.box.top >= 0).toBe(true);

  const rate = (ticker.mutations / ticker.elapsedMs) * 1000;
  expect(ticker.mutations).toBe(10_000);
  expect(rate).toBeGreaterThan(950);
  expect(ticker.maxGapMs).toBeLessThan(250);

  // Once the text is still, Gloss's marks are exactly the terms in it.
  await page.waitForTimeout(200);
  await waitForGloss(page);
  const expected = await page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('body > p, #ticker span, #log p'))
      n += (el.textContent?.match(/S-400|INSTC|CAATSA|RELOS/g) ?? []).length;
    return n;
  });
  const marks = await checkMarks(page, ['S-400', 'INSTC', 'CAATSA', 'RELOS']);
  expect(marks).toEqual({ valid: expected, invalid: 0 });
  const after = await stats(page);
  const busyMs = after.busyMs - before.busyMs;
  console.log(
    '[reliability] mutations',
    JSON.stringify({ ticker, rate: Math.round(rate), expected, after, busyMs }),
  );
  expect(after.batches - before.batches).toBeGreaterThan(50);
  // Gloss's share of the main thread while the page changed: under 5 %.
  expect(busyMs / ticker.elapsedMs).toBeLessThan(0.05);
  expect(await errors.stop()).toEqual([]);
  await page.close();
});
