/**
 * The popup page in Chromium with the built extension: searching from the keyboard, a term in
 * full, the saved facts (notes, remove and undo, page strings shown as text) and settings.
 * Export and import across two profiles are in popup-transfer.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, replaceStoredData, storedData, type Gloss } from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss({ viewport: { width: 380, height: 600 } });
});
afterAll(async () => {
  await gloss?.close();
});

const activeId = (popup: Page) =>
  popup.locator('#search-input').getAttribute('aria-activedescendant');
const optionNames = (popup: Page) => popup.locator('[role=option] .option-name').allTextContents();
/** What the search emphasises (CSS Custom Highlight API): the class of the element and the text. */
const emphasised = (popup: Page) =>
  popup.evaluate(() =>
    [...(CSS.highlights.get('gloss-search') ?? [])].map((r) => {
      const text = r.startContainer.textContent ?? '';
      return [r.startContainer.parentElement?.className, text.slice(r.startOffset, r.endOffset)];
    }),
  );
const savedItems = async () => {
  const { bookmarks } = (await storedData(gloss)) as {
    bookmarks?: { items: { termId: string; factId: string; note: string; savedAt: string }[] };
  };
  return bookmarks?.items ?? [];
};

test('search: focused on open, results on every keystroke, arrows, Enter, Back, Escape', async () => {
  const popup = await gloss.openPopup();
  const input = popup.locator('#search-input');
  await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await expect(input.getAttribute('role')).resolves.toBe('combobox');
  // The empty box lists every term by category.
  await popup.locator('[role=group]').first().waitFor();
  expect(await popup.locator('[role=group] .group-label').first().textContent()).toBeTruthy();

  await popup.keyboard.type('sputnick');
  await expect.poll(() => optionNames(popup)).toEqual(['Sputnik V']);
  expect(await emphasised(popup)).toContainEqual(['option-name', 'Sputni']);
  // The hint shows only in the empty box.
  expect(await popup.locator('#search-hint').isVisible()).toBe(false);
  const firstId = await activeId(popup);
  expect(await popup.locator(`[id="${firstId}"]`).getAttribute('aria-selected')).toBe('true');

  await input.fill('nuclear');
  await expect.poll(async () => (await optionNames(popup)).length).toBeGreaterThan(2);
  const names = await optionNames(popup);
  const ids = await popup.locator('[role=option]').evaluateAll((els) => els.map((e) => e.id));
  expect(await activeId(popup)).toBe(ids[0]);
  await popup.keyboard.press('ArrowDown');
  expect(await activeId(popup)).toBe(ids[1]);
  expect(await popup.locator(`[id="${ids[1]}"]`).getAttribute('aria-selected')).toBe('true');
  expect(await popup.locator(`[id="${ids[0]}"]`).getAttribute('aria-selected')).toBe('false');
  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('ArrowUp');
  expect(await activeId(popup)).toBe(ids[ids.length - 1]);
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  expect(await activeId(popup)).toBe(ids[1]);

  await popup.keyboard.press('Enter');
  const heading = popup.locator('#term-title');
  await expect.poll(() => heading.textContent()).toBe(names[1]);
  expect(await popup.evaluate(() => document.activeElement?.id)).toBe('term-title');

  await popup.keyboard.press('Escape');
  await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('search-input');
  expect(await input.inputValue()).toBe('nuclear');

  await popup.keyboard.press('Escape');
  expect(await input.inputValue()).toBe('');
  await expect.poll(() => popup.locator('#search-hint').isVisible()).toBe(true);

  await popup.keyboard.type('Kabul');
  await expect.poll(() => optionNames(popup)).toContain('Afghanistan and the Taliban');
  expect(await emphasised(popup)).toContainEqual(['option-snippet', 'Kabul']);
  await popup.close();
});

test('a long result list: its first results, then "Show all" reveals the rest by keyboard or mouse', async () => {
  const popup = await gloss.openPopup();
  const status = popup.locator('[role=status]');
  const showAll = popup.getByRole('option', { name: /^Show all \d+ results$/ });
  const termOptions = popup.locator('[role=option]:has(.option-name)');
  await popup.locator('#search-input').fill('defence');
  await expect.poll(() => showAll.count()).toBe(1);
  const total = Number((await showAll.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(15);
  expect(await termOptions.count()).toBe(15);
  expect(await status.textContent()).toBe(`${total} results`);

  // From the keyboard: Up from the first result wraps to "Show all"; Enter reveals every result,
  // and the first of those it revealed is active.
  await popup.keyboard.press('ArrowUp');
  expect(await activeId(popup)).toBe(await showAll.getAttribute('id'));
  await popup.keyboard.press('Enter');
  await expect.poll(() => termOptions.count()).toBe(total);
  expect(await showAll.count()).toBe(0);
  expect(await status.textContent()).toBe(`${total} results`);
  const ids = await termOptions.evaluateAll((els) => els.map((e) => e.id));
  expect(await activeId(popup)).toBe(ids[15]);
  await popup.keyboard.press('ArrowDown');
  expect(await activeId(popup)).toBe(ids[16]);
  // The revealed results are emphasised too.
  const lastEmphasised = await popup.evaluate(
    (id) => {
      const last = document.getElementById(id);
      return [...(CSS.highlights.get('gloss-search') ?? [])].some((r) =>
        last?.contains(r.startContainer),
      );
    },
    ids[total - 1] ?? '',
  );
  expect(lastEmphasised).toBe(true);

  // A new query shows its first results again; with the mouse, "Show all" reveals them too.
  await popup.locator('#search-input').fill('defenc');
  await expect.poll(() => showAll.count()).toBe(1);
  expect(await termOptions.count()).toBe(15);
  await showAll.click();
  await expect.poll(() => termOptions.count()).toBe(total);
  expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await popup.close();
});

test('a term in full: facts with sources, a bookmark toggle per fact, related terms as links', async () => {
  await replaceStoredData(gloss, {});
  const popup = await gloss.openPopup('?term=sputnik-v');
  await expect.poll(() => popup.locator('#term-title').textContent()).toBe('Sputnik V');
  const rows = popup.locator('.fact-row');
  expect(await rows.count()).toBeGreaterThan(1);
  expect(await popup.locator('.fact-row .fact-source cite').first().textContent()).toBeTruthy();

  const toggle = rows.nth(1).locator('.bookmark');
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  const factId = await rows.nth(1).getAttribute('data-fact');
  expect(await savedItems()).toMatchObject([{ termId: 'sputnik-v', factId, note: '' }]);

  const related = popup.locator('.related a').first();
  const relatedName = await related.textContent();
  await related.click();
  await expect.poll(() => popup.locator('#term-title').textContent()).toBe(relatedName);
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect.poll(() => popup.locator('#term-title').textContent()).toBe('Sputnik V');
  await popup.close();
});

test('saved facts: newest first, page strings as text, only web links, notes, remove with undo', async () => {
  const item = (termId: string, factId: string, day: number, page: unknown) => ({
    termId,
    factId,
    savedAt: new Date(Date.UTC(2025, 0, day, 12)).toISOString(),
    page,
    note: '',
  });
  await replaceStoredData(gloss, {
    bookmarks: {
      version: 2,
      items: [
        item('s-400', 'deal-value', 1, { title: 'Old <b>news</b>', url: 'https://news.example/a' }),
        item('sputnik-v', 'india-approval', 3, {
          title: '<img src=x onerror="document.title=1">',
          url: 'javascript:alert(1)',
        }),
        item('instc', 'no-such-fact', 2, null),
        { termId: 'broken' },
      ],
    },
  });
  const popup = await gloss.openPopup('?view=saved');
  const items = popup.locator('.saved-item');
  await expect.poll(() => items.count()).toBe(3);
  expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual([
    'sputnik-v/india-approval',
    'instc/no-such-fact',
    's-400/deal-value',
  ]);
  // One unreadable entry is reported, not dropped.
  expect(await popup.locator('.notice').textContent()).toMatch(/could not be read.*kept aside/);

  // Markup from pages is text; a javascript: address is not a link.
  const hostile = items.nth(0).locator('.page-title');
  expect(await hostile.textContent()).toBe('<img src=x onerror="document.title=1">');
  expect(await hostile.evaluate((e) => e.tagName)).toBe('SPAN');
  expect(await popup.locator('.saved-list img').count()).toBe(0);
  const link = items.nth(2).locator('a.page-title');
  expect(await link.textContent()).toBe('Old <b>news</b>');
  expect(await link.getAttribute('href')).toBe('https://news.example/a');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await items.nth(1).textContent()).toContain('no longer in Gloss');

  // A note, typed with markup, is stored and shown as text.
  await items
    .nth(2)
    .getByRole('button', { name: /Add a note/ })
    .click();
  await expect.poll(() => popup.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await popup.keyboard.type('<i>check</i> the figure');
  await popup.keyboard.press('Control+Enter');
  await expect
    .poll(() => items.nth(2).locator('.note-text').textContent())
    .toBe('<i>check</i> the figure');
  await expect
    .poll(async () => (await savedItems()).find((b) => b.termId === 's-400')?.note)
    .toBe('<i>check</i> the figure');

  // Remove, then undo: the same bookmark, note and date, is back.
  const before = (await savedItems()).find((b) => b.termId === 's-400');
  await items
    .nth(2)
    .getByRole('button', { name: /Remove bookmark/ })
    .click();
  await expect.poll(() => items.count()).toBe(2);
  expect((await savedItems()).some((b) => b.termId === 's-400')).toBe(false);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => items.count()).toBe(3);
  expect((await savedItems()).find((b) => b.termId === 's-400')).toEqual(before);
  // The unreadable entry went to the quarantine with that write, not away.
  expect((await storedData(gloss))['bookmarks.quarantine']).toMatchObject([
    { value: { termId: 'broken' } },
  ]);
  await popup.close();
});

test('the tab given by ?tab=: its terms in the empty box; settings written as one record', async () => {
  await replaceStoredData(gloss, {});
  const article = await gloss.openFixture('demo-article.html');
  // Without the "tabs" permission tab addresses are hidden: find the tab as the active one.
  await article.bringToFront();
  const tabId = await gloss.worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  );
  expect(tabId).toBeTypeOf('number');
  const popup = await gloss.openPopup(`?tab=${tabId}`);
  const onPage = popup.locator('[role=group][aria-labelledby=page-label]');
  await expect.poll(() => onPage.locator('[role=option]').count()).toBeGreaterThan(2);
  expect(await onPage.locator('.option-count').first().textContent()).toMatch(/^\d+×$/);

  await popup.getByRole('tab', { name: 'Settings' }).click();
  const site = popup.getByRole('switch', { name: /On for 127\.0\.0\.1/ });
  await expect.poll(() => site.isChecked()).toBe(true);
  await site.click();
  await expect
    .poll(
      async () =>
        ((await storedData(gloss)).settings as { disabledSites?: string[] })?.disabledSites,
    )
    .toEqual(['127.0.0.1']);

  await popup.getByRole('radio', { name: 'Dark' }).check();
  await popup.getByRole('radio', { name: 'Only the first of each term' }).check();
  await expect
    .poll(async () => (await storedData(gloss)).settings)
    .toMatchObject({ version: 2, theme: 'dark', markMode: 'first', disabledSites: ['127.0.0.1'] });
  expect(await popup.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await site.click();
  await expect
    .poll(
      async () =>
        ((await storedData(gloss)).settings as { disabledSites?: string[] })?.disabledSites,
    )
    .toEqual([]);

  // Without a page (the popup opened as its own tab), the site switch is off and says why.
  const alone = await gloss.openPopup('?view=settings');
  expect(await alone.getByRole('switch', { name: /On for this site/ }).isDisabled()).toBe(true);
  await Promise.all([alone.close(), popup.close(), article.close()]);
});
