/**
 * axe-core on what Gloss shows: the card on a page and every view of the popup, in the light and
 * the dark theme (the system's, emulated), with WCAG 2.1 A/AA and best-practice rules. Zero
 * violations; a failure lists each rule with the elements it found.
 */
import { axeViolations } from './axe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, launchGloss, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`${scheme} theme`, () => {
    test('the card on a page', async () => {
      const page = await gloss.openFixture('demo-article.html');
      await page.emulateMedia({ colorScheme: scheme });
      await hoverText(page, 'article', 'S-400');
      await page.locator('gloss-root [role=dialog] h2').waitFor();
      expect(await axeViolations(page, true)).toEqual([]);
      await page.close();
    });

    test('the popup: search results, a term page, review, saved facts, settings', async () => {
      const popup = await gloss.openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('option').first().waitFor();
      expect(await axeViolations(popup), 'empty box').toEqual([]);
      await popup.getByRole('combobox').fill('instc');
      await popup.getByRole('option').first().waitFor();
      expect(await axeViolations(popup), 'results').toEqual([]);
      await popup.getByRole('option').first().click();
      await popup.locator('.fact-row').first().waitFor();
      // Saved once (by the light run or here): the Saved tab then has an item to check.
      const toggle = popup.locator('.fact-row button.bookmark').first();
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      expect(await axeViolations(popup), 'term page').toEqual([]);
      await popup.getByRole('tab', { name: /Review/ }).click();
      await popup.getByRole('heading', { name: 'Review' }).waitFor();
      expect(await axeViolations(popup), 'review').toEqual([]);
      await popup.getByRole('tab', { name: /Saved/ }).click();
      await popup.locator('.saved-item').first().waitFor();
      expect(await axeViolations(popup), 'saved').toEqual([]);
      await popup.getByRole('tab', { name: /Settings/ }).click();
      await popup.getByRole('tabpanel').waitFor();
      expect(await axeViolations(popup), 'settings').toEqual([]);
      await popup.close();
    });

    test('the options page', async () => {
      const page = await gloss.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${gloss.extensionId}/options.html`);
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });
}
