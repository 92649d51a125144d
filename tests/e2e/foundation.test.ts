import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

test('the content script runs on a served page', async () => {
  const page = await gloss.openFixture('index.html');
  const probe = await page.evaluate(() => document.documentElement.dataset.glossProbe);
  expect(Number(probe)).toBeGreaterThan(0);
});

test('the popup opens and renders', async () => {
  const page = await gloss.openPopup();
  await expect(page.locator('h1').textContent()).resolves.toContain('Gloss');
});
