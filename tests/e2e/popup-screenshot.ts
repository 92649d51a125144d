/**
 * Takes the README's screenshot of the popup: `npx wxt build && npx tsx tests/e2e/popup-screenshot.ts`.
 * Opens the built popup at its real width over the demo article's tab (so "On this page" is
 * filled), types a query and saves docs/screenshots/popup.png. Also prints how long the popup
 * took to show its first results.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchGloss, repoRoot } from './harness';

const out = join(repoRoot, 'docs', 'screenshots');
const query = process.argv[2] ?? 'nuclear';

const gloss = await launchGloss({ viewport: { width: 380, height: 560 } });
try {
  const article = await gloss.openFixture('demo-article.html');
  await article.bringToFront();
  const tabId = await gloss.worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  );
  const popup = await gloss.openPopup(`?tab=${tabId}`);
  await popup.locator('[role=option]').first().waitFor();
  const firstResults = await popup.evaluate(() => performance.now());
  console.log(`first results ${firstResults.toFixed(0)} ms after navigation start`);
  await popup.locator('#search-input').pressSequentially(query, { delay: 40 });
  await popup.keyboard.press('ArrowDown');
  await popup.evaluate(() => document.fonts.ready);
  mkdirSync(out, { recursive: true });
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`saved ${join(out, 'popup.png')}`);
} finally {
  await gloss.close();
}
