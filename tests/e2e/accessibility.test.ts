/**
 * axe-core on what Gloss shows: the card on a page and every view of the popup, in the light and
 * the dark theme (the system's, emulated), with WCAG 2.1 A/AA and best-practice rules. Zero
 * violations; a failure lists each rule with the elements it found.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hoverText, launchGloss, type Gloss } from './harness';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

/** axe's violations in `page` (only inside Gloss's card when `card`), as "rule: targets". */
async function violations(page: Page, card = false): Promise<string[]> {
  // DevTools evaluation is not subject to the extension page's CSP, so axe runs in the popup too.
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    async ({ tags, card }) => {
      const w = window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      };
      const context = card ? { include: { fromShadowDom: ['gloss-root', '.card'] } } : document;
      const result = await w.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    },
    { tags: TAGS, card },
  );
  return found;
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`${scheme} theme`, () => {
    test('the card on a page', async () => {
      const page = await gloss.openFixture('demo-article.html');
      await page.emulateMedia({ colorScheme: scheme });
      await hoverText(page, 'article', 'S-400');
      await page.locator('gloss-root [role=dialog] h2').waitFor();
      expect(await violations(page, true)).toEqual([]);
      await page.close();
    });

    test('the popup: search results, a term page, review, saved facts, settings', async () => {
      const popup = await gloss.openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('option').first().waitFor();
      expect(await violations(popup), 'empty box').toEqual([]);
      await popup.getByRole('combobox').fill('instc');
      await popup.getByRole('option').first().waitFor();
      expect(await violations(popup), 'results').toEqual([]);
      await popup.getByRole('option').first().click();
      await popup.locator('.fact-row').first().waitFor();
      // Saved once (by the light run or here): the Saved tab then has an item to check.
      const toggle = popup.locator('.fact-row button.bookmark').first();
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      expect(await violations(popup), 'term page').toEqual([]);
      await popup.getByRole('tab', { name: /Review/ }).click();
      await popup.getByRole('heading', { name: 'Review' }).waitFor();
      expect(await violations(popup), 'review').toEqual([]);
      await popup.getByRole('tab', { name: /Saved/ }).click();
      await popup.locator('.saved-item').first().waitFor();
      expect(await violations(popup), 'saved').toEqual([]);
      await popup.getByRole('tab', { name: /Settings/ }).click();
      await popup.getByRole('tabpanel').waitFor();
      expect(await violations(popup), 'settings').toEqual([]);
      await popup.close();
    });

    test('the options page', async () => {
      const page = await gloss.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${gloss.extensionId}/options.html`);
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  });
}
