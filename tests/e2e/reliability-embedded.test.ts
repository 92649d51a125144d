/**
 * Reliability where a page nests documents and trees: same-origin iframes (each frame runs its
 * own Gloss session) and open shadow roots (declarative, scripted, nested, and ones that arrive
 * or change after load). Closed shadow roots stay closed. See docs/reliability.md.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardReport,
  evalInGloss,
  evalInGlossFrame,
  hoverInGloss,
  launchGloss,
  markedTerms,
  pointInGloss,
  recordErrors,
  storedData,
  waitForGloss,
  watchPageDom,
  type Gloss,
} from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

/** Term ids marked in a frame's session, in the order found. */
const frameIds = (page: Page, frame: string) =>
  evalInGlossFrame<string[]>(
    page,
    frame,
    `(async () => {
      const s = globalThis.__gloss;
      await s.ready;
      await s.annotator.idle();
      return [...s.annotator.store.all()].filter((o) => o.painted).map((o) => s.termIds[o.term]);
    })()`,
  );

/** Waits until no card is open in the main frame nor in `frame`. */
async function noCard(page: Page, frame = ''): Promise<void> {
  await expect.poll(async () => (await cardReport(page, frame)) === null).toBe(true);
}

test('same-origin iframes: the frame runs its own session, its card stays inside it', async () => {
  const page = await gloss.openFixture('hostile/frames.html');
  const errors = await recordErrors(page);
  // The top page's session leaves the frame's text to the frame's own session: no double marks.
  expect((await markedTerms(page)).map((m) => m.id)).toEqual(['caatsa']);
  expect(await frameIds(page, 'frame-inner')).toEqual(['relos', 'chabahar', 'instc']);

  await hoverInGloss(page, '#inner', 'RELOS', 'frame-inner');
  await expect.poll(async () => (await cardReport(page, 'frame-inner'))?.heading).toMatch(/RELOS/);
  const card = await cardReport(page, 'frame-inner');
  expect(card?.box.left).toBeGreaterThanOrEqual(0);
  expect(card?.box.top).toBeGreaterThanOrEqual(0);
  expect(card?.box.right).toBeLessThanOrEqual(card?.viewport.width ?? 0);
  expect(card?.box.bottom).toBeLessThanOrEqual(card?.viewport.height ?? 0);
  expect(card?.onTop).toBe(true);
  expect(await cardReport(page)).toBeNull();

  // A fact bookmarked from the frame's card records the frame's page.
  const frame = page.frames().find((f) => f.url().includes('frame-inner')) ?? page.mainFrame();
  await frame.locator('gloss-root button.bookmark').first().click();
  await expect
    .poll(async () => ((await storedData(gloss)).bookmarks as { items?: unknown[] })?.items?.length)
    .toBe(1);
  const [saved] = ((await storedData(gloss)).bookmarks as { items: { page: { url: string } }[] })
    .items;
  expect(saved?.page.url).toBe(frame.url());
  await page.mouse.move(2, 2);
  await noCard(page, 'frame-inner');

  // The popup's "on this page" list is the top page's.
  await page.bringToFront();
  const terms = await gloss.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return chrome.tabs.sendMessage(tab?.id ?? -1, { type: 'page:terms', payload: {} });
  });
  expect(terms).toMatchObject({ ok: true, value: { terms: [{ id: 'caatsa', count: 1 }] } });
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('frames with nothing to read load no page code until text arrives', async () => {
  const page = await gloss.openFixture('hostile/ad-frames.html');
  const errors = await recordErrors(page);
  await waitForGloss(page);
  // The embed renders its post 800 ms after loading: its session starts then and marks it.
  await expect
    .poll(async () => frameIds(page, 'frame-late').catch(() => []), { timeout: 10_000 })
    .toEqual(['sergei-lavrov', 's-jaishankar', 's-400']);
  // The ad slot's content script ran (its world exists) but loaded nothing more.
  const loaded = `typeof globalThis.__gloss !== 'undefined'`;
  expect(await evalInGlossFrame<boolean>(page, 'frame-ad', loaded)).toBe(false);
  // Text written into the slot later is read as in any frame.
  const ad = page.frames().find((f) => f.url().includes('frame-ad')) ?? page.mainFrame();
  await ad.evaluate(() => document.body.append('Sponsored: a guide to the INSTC.'));
  await expect.poll(async () => frameIds(page, 'frame-ad').catch(() => [])).toEqual(['instc']);
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('open shadow roots: marked, painted, hoverable, and kept up to date', async () => {
  const page = await gloss.openFixture('hostile/shadow.html');
  const errors = await recordErrors(page);
  // Light DOM, declarative, scripted and nested shadow roots; never the closed one (RELOS).
  // (Sorted: nodes in different trees have no document order.)
  expect((await markedTerms(page)).map((m) => m.id).sort()).toEqual([
    'brics',
    'caatsa',
    'instc',
    's-400',
  ]);
  const dom = await watchPageDom(page);
  for (const [path, text, heading] of [
    ['news-card#declarative >>> #dsd', 'S-400', /S-400/],
    ['news-card#scripted >>> #open', 'INSTC', /Transport Corridor/],
    ['news-card#scripted >>> #nested-host >>> #nested', 'CAATSA', /CAATSA/],
  ] as const) {
    await page.mouse.move(2, 2);
    await noCard(page);
    await hoverInGloss(page, path, text);
    await expect.poll(async () => (await cardReport(page))?.heading).toMatch(heading);
  }
  await page.mouse.move(2, 2);
  await noCard(page);
  expect(await dom.stop()).toEqual([]);

  // The mark inside a shadow root is painted: the pixels change when Gloss's highlights go.
  const { x, y } = await pointInGloss(page, 'news-card#scripted >>> #open', 'INSTC');
  const clip = { x: x - 30, y: y - 12, width: 60, height: 24 };
  const marked = await page.screenshot({ clip });
  await evalInGloss(
    page,
    `globalThis.__saved = CSS.highlights.get('gloss-underline'), CSS.highlights.delete('gloss-underline')`,
  );
  const bare = await page.screenshot({ clip });
  await evalInGloss(page, `CSS.highlights.set('gloss-underline', globalThis.__saved)`);
  expect(marked.equals(bare)).toBe(false);

  // A component added later, and text edited inside a shadow root, are scanned again.
  await page.evaluate(() => (window as unknown as { addLater(): void }).addLater());
  await expect
    .poll(async () => {
      await waitForGloss(page);
      return (await markedTerms(page)).map((m) => m.id).sort();
    })
    .toEqual(['brics', 'brics', 'caatsa', 'chabahar', 'kudankulam', 's-400']);
  await hoverInGloss(page, 'news-card#late >>> #late-p', 'Kudankulam');
  await expect.poll(async () => (await cardReport(page))?.heading).toMatch(/Kudankulam/);
  expect(await errors.stop()).toEqual([]);
  await page.close();
});
