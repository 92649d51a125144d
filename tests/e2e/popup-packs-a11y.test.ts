/**
 * axe-core on the Saved view's flags for imported packs, in the light and the dark theme: a fact
 * changed since it was saved (both texts side by side), a fact gone from its imported pack and
 * one gone from the built-in pack. Zero violations (WCAG 2.1 A/AA and best practice).
 */
import { join } from 'node:path';
import { axeViolations } from './axe';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixturesDir, importPackFile, launchGloss, type Gloss } from './harness';

const samplePath = join(fixturesDir, 'packs', 'sample-glossary.json');

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss({ viewport: { width: 380, height: 600 } });
  const options = await gloss.context.newPage();
  await options.goto(`chrome-extension://${gloss.extensionId}/options.html#packs`);
  await options.getByRole('heading', { name: 'Fact packs' }).waitFor();
  await importPackFile(options, samplePath);
  await options.close();
});
afterAll(async () => {
  await gloss?.close();
});

const bookmark = (termId: string, factId: string, text: string) => ({
  termId,
  factId,
  savedAt: '2026-12-06T10:00:00.000Z',
  page: null,
  note: '',
  text,
});

test.each(['light', 'dark'] as const)('changed and gone facts in the %s theme', async (scheme) => {
  await gloss.worker.evaluate(
    (items) => chrome.storage.local.set({ bookmarks: { version: 3, items } }),
    [
      bookmark('sample-glossary~orion-corridor', 'length', 'An older text of this fact.'),
      bookmark('sample-glossary~vega-accord', 'dropped', 'A fact the pack no longer has.'),
      bookmark('instc', 'no-such-fact', 'A built-in fact that is gone.'),
    ],
  );
  const popup = await gloss.openPopup('?view=saved');
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.locator('.saved-item[data-state="changed"]').waitFor();
  expect(await popup.locator('.saved-item[data-state="gone"]').count()).toBe(2);
  expect(await axeViolations(popup)).toEqual([]);
  await popup.close();
});
