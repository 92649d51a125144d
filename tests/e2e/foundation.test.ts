import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, waitForGloss, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

test('the content script runs on a served page and marks its terms', async () => {
  const page = await gloss.openFixture('demo-article.html', { waitForScan: false });
  expect(await waitForGloss(page)).toBeGreaterThan(20);
});

test('the content script runs on a page with nothing to mark and marks nothing', async () => {
  const page = await gloss.openFixture('index.html', { waitForScan: false });
  expect(await waitForGloss(page)).toBe(0);
});

test('the popup opens and renders its search box', async () => {
  const page = await gloss.openPopup();
  await expect(page.getByRole('combobox').count()).resolves.toBe(1);
});
