/**
 * The selection card end to end in Chromium. A context menu cannot be clicked from a test, so
 * each test calls `glossMenuClick` in the service worker: the function the menu's click
 * listener calls, with the click data a menu click carries. It sends `page:selection` to the
 * tab, whose content script opens the card by the selection.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cardReport, launchGloss, markedTerms, storedData, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

/** Selects `text` inside `selector` in the page, as a reader's drag does; returns it. */
async function select(page: Page, selector: string, text: string): Promise<string> {
  return page.evaluate(
    ([sel, needle]) => {
      const el = document.querySelector(sel as string) as HTMLElement;
      const node = el.firstChild as Text;
      const at = node.data.indexOf(needle as string);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + (needle as string).length);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [selector, text],
  );
}

/** What a click on menu item `id` with `text` selected runs (the active tab's top frame). */
async function menuClick(page: Page, id: string, text: string): Promise<boolean> {
  await page.bringToFront();
  return gloss.worker.evaluate(
    async ([menuItemId, selectionText]) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const bg = globalThis as unknown as {
        glossMenuClick(info: object, tab: object | undefined): Promise<boolean>;
      };
      return bg.glossMenuClick({ menuItemId, selectionText, frameId: 0 }, tab);
    },
    [id, text],
  );
}

/** The selection card's shadow root content, read from the page. */
const cardText = (page: Page) => cardReport(page).then((r) => r?.text ?? null);

test('menu "Look up in Gloss" (via glossMenuClick): a mistyped unmarked selection lists the best matches; one opens its facts; Escape closes and returns focus', async () => {
  const page = await gloss.openFixture('packs.html');
  // The reader's focus is on a control of the page; the selection is elsewhere.
  const focusBefore = () =>
    page.evaluate(() => {
      let button = document.querySelector<HTMLButtonElement>('#before');
      if (!button) {
        button = document.createElement('button');
        button.id = 'before';
        button.textContent = 'A page button';
        document.body.prepend(button);
      }
      button.focus();
    });
  // "Orion Corridor" is no term of Gloss; the look-up still answers, here with nothing.
  const none = await select(page, '#made-up', 'Orion Corridor');
  await focusBefore();
  expect(await menuClick(page, 'gloss-lookup', none)).toBe(true);
  await expect.poll(() => cardText(page)).toContain('Nothing found in Gloss for “Orion Corridor”');

  // A misspelling the page does not mark: the popup's fuzzy ranking finds the S-400.
  await page.evaluate(() => {
    document.querySelector('#made-up')!.textContent = 'Talks on the Triumf systm went on.';
  });
  const typo = await select(page, '#made-up', 'Triumf systm');
  await focusBefore();
  expect(await menuClick(page, 'gloss-lookup', typo)).toBe(true);
  await expect.poll(() => cardText(page)).toContain('S-400');
  const report = await cardReport(page);
  expect(report?.heading).toBe('Gloss: “Triumf systm”');
  // Placed by the selection: the card's box starts at or below the selected line.
  const selected = await page.evaluate(
    () => getSelection()!.getRangeAt(0).getBoundingClientRect().bottom,
  );
  expect(report!.box.top).toBeGreaterThanOrEqual(selected - 1);

  // Keyboard: focus is in the card; Tab reaches the first match, Enter opens its facts.
  const focusedInCard = () =>
    page.evaluate(() => document.activeElement?.nodeName === 'GLOSS-ROOT');
  expect(await focusedInCard()).toBe(true);
  const first = page.locator('gloss-root button.match').first();
  expect(await first.textContent()).toContain('S-400');
  await first.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await cardReport(page))?.heading).toBe('S-400 Triumf');
  await page.locator('gloss-root button.back').click();
  await expect.poll(async () => (await cardReport(page))?.heading).toBe('Gloss: “Triumf systm”');

  // Focus stayed in the card while its view changed.
  expect(await focusedInCard()).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardReport(page)).toBeNull();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  await page.close();
});

test('menu "Add to my Gloss terms" (via glossMenuClick): the term is added with its note and page, and marked in another open tab without reload', async () => {
  const other = await gloss.openFixture('packs.html');
  expect((await markedTerms(other)).map((m) => m.id)).not.toContain('my-terms~vega-accord');
  const page = await gloss.openFixture('packs.html');
  const text = await select(page, '#made-up', 'Vega Accord');
  expect(await menuClick(page, 'gloss-add-term', text)).toBe(true);
  // The note field has focus: the reader chose "Add" and types at once.
  await expect
    .poll(() =>
      page.evaluate(
        () => document.querySelector('gloss-root')?.shadowRoot?.activeElement?.id ?? null,
      ),
    )
    .toBe('gloss-own-note');
  await page.keyboard.type('A made-up treaty <b>not bold</b>');
  await page.locator('gloss-root button[type=submit]').click();
  await expect.poll(() => cardText(page)).toContain('Added “Vega Accord” to your terms');
  // The note is text: no element was made from it.
  expect(await page.locator('gloss-root b').count()).toBe(0);

  const stored = (await storedData(gloss)).packs as {
    items: {
      pack: {
        id: string;
        terms: { name: string; facts: { text: string }[] }[];
        sources: { url?: string; title: string }[];
      };
    }[];
  };
  const own = stored.items.find((p) => p.pack.id === 'my-terms')!.pack;
  expect(own.terms.map((t) => t.name)).toEqual(['Vega Accord']);
  expect(own.terms[0]!.facts.map((f) => f.text)).toContain('A made-up treaty <b>not bold</b>');
  expect(own.sources[0]).toMatchObject({
    title: 'A page for the pack tests',
    url: `${gloss.origin}/packs.html`,
  });

  // The other open tab marks it from the stored index, without a reload.
  await expect
    .poll(async () => (await markedTerms(other)).map((m) => m.id), { timeout: 5000 })
    .toContain('my-terms~vega-accord');
  // This tab re-marks once its card is closed.
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await markedTerms(page)).map((m) => m.id), { timeout: 5000 })
    .toContain('my-terms~vega-accord');
  await page.close();
  await other.close();
});
