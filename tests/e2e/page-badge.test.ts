/**
 * The toolbar badge: the number of distinct terms marked on the tab's page, following the page as
 * it changes and the setting as the reader switches it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, markedTerms, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

/** The badge text of the active tab (Gloss asks for no `tabs` permission to find one by address). */
function badge(): Promise<string> {
  return gloss.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab?.id ?? 0 });
  });
}

test('the badge counts the distinct terms on the page, and follows the page and the setting', async () => {
  const page = await gloss.openFixture('demo-article.html');
  const distinct = new Set((await markedTerms(page)).map((m) => m.id)).size;
  expect(distinct).toBeGreaterThan(5);
  await expect.poll(() => badge()).toBe(String(distinct));

  // A term the page did not have, added later: one more.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'The BrahMos missile was discussed too.';
    document.querySelector('article')?.append(p);
  });
  const after = async () => new Set((await markedTerms(page)).map((m) => m.id)).size;
  await expect.poll(after).toBe(distinct + 1);
  await expect.poll(async () => badge()).toBe(String(await after()));

  // The popup opened as a tab would be the active tab: the setting is written to storage from
  // the worker, as the background's writer would.
  const update = (badge: boolean) =>
    gloss.worker.evaluate(async (b) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? { version: 2 }), badge: b } });
    }, badge);
  await update(false);
  await expect.poll(() => badge()).toBe('');
  await update(true);
  await expect.poll(async () => badge()).toBe(String(await after()));

  // The tab moves on to a page with no terms: the browser clears the tab's badge as it navigates,
  // which is why a page that marks nothing sends no count at all.
  await page.goto(`${gloss.origin}/index.html`);
  await page.waitForFunction(() => document.readyState === 'complete');
  await expect.poll(() => badge()).toBe('');
  await page.close();
});
