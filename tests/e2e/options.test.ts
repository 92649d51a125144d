/**
 * The options page: the manifest declares it, it shows the settings and writes them like the
 * popup does, and it lists the sites switched off with a way to switch each back on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { extensionDir, launchGloss, storedData, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

test('the manifest declares the options page, opened in a tab', () => {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
});

test('settings change from the options page, and a switched-off site is switched back on', async () => {
  const popup = await gloss.openPopup();
  // Two sites off, written as the popup writes them (through the background).
  for (const host of ['a.example', 'b.example'])
    await popup.evaluate(
      (h) =>
        chrome.runtime.sendMessage({
          type: 'settings:update',
          payload: { site: { host: h, enabled: false } },
        }),
      host,
    );
  await popup.close();

  const page = await gloss.context.newPage();
  await page.goto(`chrome-extension://${gloss.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  // The options page belongs to no site: no per-site switch, a list instead.
  expect(await page.locator('#setting-site').count()).toBe(0);
  const sites = page.locator('.site-list li');
  await expect
    .poll(() => sites.allTextContents())
    .toEqual(['a.exampleSwitch on', 'b.exampleSwitch on']);

  await page.getByRole('radio', { name: /Background/ }).check();
  await expect
    .poll(async () => ((await storedData(gloss)).settings as { style?: string }).style)
    .toBe('background');

  await page.getByRole('button', { name: 'Switch Gloss back on for a.example' }).click();
  await expect
    .poll(
      async () =>
        ((await storedData(gloss)).settings as { disabledSites?: string[] }).disabledSites,
    )
    .toEqual(['b.example']);
  await expect.poll(() => sites.count()).toBe(1);
  await page.close();
});
