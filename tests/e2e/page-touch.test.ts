/**
 * A touch screen has no hover: a tap on a mark opens its card, a tap elsewhere closes it, and a
 * swipe (a scroll) opens nothing. Real touch input through the browser's input pipeline.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cardHeading, launchGloss, pointAtText, type Gloss } from './harness';

let gloss: Gloss;
let page: Page;
let cdp: CDPSession;
beforeAll(async () => {
  gloss = await launchGloss();
  page = await gloss.openFixture('demo-article.html');
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
});
afterAll(async () => {
  await gloss?.close();
});

/** A finger down at (x, y), moved to (x + dx, y + dy) in a few steps, then lifted. */
async function touch(x: number, y: number, dx = 0, dy = 0): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 4 && (dx || dy); i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x + (dx * i) / 4, y: y + (dy * i) / 4 }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a tap on a mark opens its card, a tap elsewhere closes it', async () => {
  const { x, y } = await pointAtText(page, 'article', 'S-400');
  await touch(x, y);
  await expect.poll(() => cardHeading(page)).toBe('S-400 Triumf');
  // Far from the card and from any mark: the page's own margin.
  await touch(4, 4);
  await expect.poll(() => cardHeading(page)).toBeNull();
});

test('a tap on plain text opens nothing', async () => {
  const { x, y } = await pointAtText(page, 'article', 'the');
  await touch(x, y);
  await page.waitForTimeout(600);
  expect(await cardHeading(page)).toBeNull();
});

test('a swipe that starts on a mark scrolls the page and opens nothing', async () => {
  const { x, y } = await pointAtText(page, 'article', 'CAATSA');
  const before = await page.evaluate(() => scrollY);
  await touch(x, y, 0, -150);
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before);
  expect(await cardHeading(page)).toBeNull();
});
