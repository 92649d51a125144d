/**
 * The popup's first screen is in popup.html itself (written at build time), so it shows before
 * the popup's script has loaded. These tests hold that script back to see the page without it,
 * then let it run and check that it takes the page over.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss({ viewport: { width: 380, height: 600 } });
});
afterAll(async () => {
  await gloss?.close();
});

/** Opens popup.html with its script held back; `release` lets the script load. */
async function openHeld(query = ''): Promise<{ page: Page; release(): Promise<void> }> {
  const page = await gloss.context.newPage();
  const cdp: CDPSession = await gloss.context.newCDPSession(page);
  const held: string[] = [];
  let released = false;
  cdp.on('Fetch.requestPaused', (e: { requestId: string; request: { url: string } }) => {
    if (released) void cdp.send('Fetch.continueRequest', { requestId: e.requestId });
    else held.push(e.requestId);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/chunks/popup-*.js' }] });
  // Not until DOMContentLoaded: that waits for the held module script.
  await page.goto(`chrome-extension://${gloss.extensionId}/popup.html${query}`, {
    waitUntil: 'commit',
  });
  await page.locator('#search-input').waitFor({ state: 'attached' });
  return {
    page,
    async release() {
      released = true;
      await Promise.all(held.map((requestId) => cdp.send('Fetch.continueRequest', { requestId })));
      await cdp.send('Fetch.disable');
    },
  };
}

test('before the script: the search box, focused, and the first terms by category, styled', async () => {
  const { page, release } = await openHeld();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  const group = page.locator('[role=listbox] > [role=group]').first();
  expect(await group.locator('.group-label').textContent()).toBeTruthy();
  expect(await group.locator('[role=option]').count()).toBeGreaterThan(2);
  // The style sheet is in the page: no other file is needed for this paint.
  expect(await page.locator('link[rel=stylesheet]').count()).toBe(0);
  expect(
    await page
      .locator('[role=option]')
      .first()
      .evaluate((el) => getComputedStyle(el).padding),
  ).toBe('7px 8px');
  expect(await page.evaluate(() => document.querySelector('#search-input')?.tagName)).toBe('INPUT');
  await release();
  // The script takes over: the whole browse list follows.
  await expect.poll(() => page.locator('[role=option]').count()).toBeGreaterThan(40);
  await page.close();
});

test('what is typed before the script has run is searched, and typing goes on', async () => {
  const { page, release } = await openHeld();
  // The box's hint (not a placeholder) goes as soon as something is typed, script or not.
  expect(await page.locator('#search-hint').isVisible()).toBe(true);
  await page.keyboard.type('sputnik');
  expect(await page.locator('#search-hint').isVisible()).toBe(false);
  expect(
    await page.locator('[role=option]').first().locator('.option-name').textContent(),
  ).not.toBe('Sputnik V');
  await release();
  const names = () => page.locator('[role=option] .option-name').allTextContents();
  await expect.poll(async () => (await names())[0]).toBe('Sputnik V');
  expect(await page.inputValue('#search-input')).toBe('sputnik');
  await page.keyboard.type(' v');
  await expect.poll(() => page.inputValue('#search-input')).toBe('sputnik v');
  await expect.poll(async () => (await names())[0]).toBe('Sputnik V');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await page.close();
});

test('a page opened on another view shows that view, not the search screen', async () => {
  const { page, release } = await openHeld('?view=settings');
  // Before the script: the prewritten search screen is there but not shown, so it cannot flash.
  expect(await page.locator('#app').evaluate((el) => getComputedStyle(el).visibility)).toBe(
    'hidden',
  );
  await release();
  await page.getByRole('tab', { name: 'Settings', selected: true }).waitFor();
  await expect.poll(() => page.locator('#search-input').count()).toBe(0);
  expect(await page.locator('[role=option]').count()).toBe(0);
  await page.close();
});

test('a term opened in full never shows the search screen first', async () => {
  const { page, release } = await openHeld('?term=s-400');
  expect(await page.locator('#app').evaluate((el) => getComputedStyle(el).visibility)).toBe(
    'hidden',
  );
  await release();
  await page.getByRole('heading', { name: /S-400/ }).first().waitFor();
  expect(await page.locator('#app').evaluate((el) => getComputedStyle(el).visibility)).toBe(
    'visible',
  );
  await page.close();
});

test('the reader’s theme is on the page before the script runs', async () => {
  // The popup keeps a copy of the theme setting for the next opening.
  const first = await gloss.openPopup();
  await first.getByRole('tab', { name: 'Settings' }).click();
  await first.getByRole('radio', { name: /dark/i }).check();
  await expect.poll(() => first.evaluate(() => localStorage.getItem('gloss.theme'))).toBe('dark');
  await first.close();
  const { page, release } = await openHeld();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe('dark');
  await release();
  await page.close();
  // Back to the system theme, so other tests see the default.
  const last = await gloss.openPopup('?view=settings');
  await last.getByRole('radio', { name: /system/i }).check();
  await expect.poll(() => last.evaluate(() => localStorage.getItem('gloss.theme'))).toBe('system');
  await last.close();
});
