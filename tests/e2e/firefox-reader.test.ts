/**
 * Firefox leg, what the reader does: bookmark a fact from the card and find it in the popup,
 * change settings and see the open tab follow at once, switch a site off and on, walk the terms
 * from the keyboard command, and a background page that loads nothing from outside the extension.
 * Same checks as the Chromium tests page-card and popup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  closeCard,
  firefoxExtensionDir,
  highlightTexts,
  hover,
  launchFirefoxGloss,
  waitForCardHeading,
  waitForSteadyMarks,
  type FirefoxGloss,
} from './firefox-harness';

/** Every spelling of each term (name and aliases) by name, from the Firefox build's fact base. */
const termsNamed = new Map<string, string[]>(
  (
    JSON.parse(readFileSync(join(firefoxExtensionDir, 'fact-base.json'), 'utf8')) as {
      terms: { name: string; aliases: string[] }[];
    }
  ).terms.map((t) => [t.name, [t.name, ...t.aliases]]),
);

let gloss: FirefoxGloss;
let page: Page;
let ext: Page;

beforeAll(async () => {
  gloss = await launchFirefoxGloss();
  page = await gloss.openFixture('demo-article.html');
  ext = await gloss.openExtensionPage('popup.html');
}, 60_000);
afterAll(async () => {
  await gloss?.close();
});

interface StoredBookmark {
  termId: string;
  factId: string;
  page: { title: string; url: string } | null;
}

const storedBookmarks = () =>
  ext.evaluate(async () => {
    const { bookmarks } = (await browser.storage.local.get('bookmarks')) as {
      bookmarks?: { items: StoredBookmark[] };
    };
    return bookmarks?.items ?? [];
  });

/** The card's first bookmark button's aria-pressed, or null with no card. */
const pressed = () =>
  page.evaluate(
    () =>
      document
        .querySelector('gloss-root')
        ?.shadowRoot?.querySelector('button.bookmark')
        ?.getAttribute('aria-pressed') ?? null,
  );

/** Sends a settings change the way the popup does. */
const update = (payload: unknown) =>
  ext.evaluate(
    (p) => browser.runtime.sendMessage({ type: 'settings:update', payload: p }),
    payload as never,
  );

const highlightSize = (name: string) =>
  page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);

test('a bookmark saved from the card is in storage with its page, and in the popup’s Saved tab', async () => {
  await hover(page, '#arms', 'S-400');
  await expect(waitForCardHeading(page)).resolves.toBeTruthy();
  await expect.poll(pressed).toBe('false');
  await page.evaluate(() =>
    (
      document
        .querySelector('gloss-root')
        ?.shadowRoot?.querySelector('button.bookmark') as HTMLButtonElement
    ).click(),
  );
  await expect.poll(pressed).toBe('true');
  const items = await storedBookmarks();
  expect(items).toHaveLength(1);
  expect(items[0]?.termId).toBe('s-400');
  expect(items[0]?.page?.url).toBe(page.url());
  expect(items[0]?.page?.title).toBe(await page.title());

  // The popup reads storage when it opens: a fresh one shows the saved fact.
  const popup = await gloss.openExtensionPage('popup.html');
  await popup.evaluate(() =>
    (
      [...document.querySelectorAll('[role="tab"]')].find((t) =>
        /saved/i.test(t.textContent ?? ''),
      ) as HTMLElement
    ).click(),
  );
  await expect
    .poll(() => popup.evaluate(() => document.querySelectorAll('.saved-item').length))
    .toBe(1);
  expect(
    await popup.evaluate(() => document.querySelector('.saved-item')?.textContent ?? ''),
  ).toMatch(/S-400/);
  await popup.close();
  await closeCard(page);
});

test('settings reach the open tab live: background style, "first only", then back', async () => {
  const all = (await highlightTexts(page)).length;
  const distinct = new Set(await highlightTexts(page)).size;
  expect(all).toBeGreaterThan(20);
  expect(distinct).toBeLessThan(all);

  await update({ style: 'background' });
  await expect.poll(() => highlightSize('gloss-background')).toBe(all);
  expect(await highlightSize('gloss-underline')).toBe(0);

  await update({ style: 'underline', markMode: 'first' });
  await expect.poll(() => highlightSize('gloss-underline')).toBeLessThan(all);
  // Each term once: as many marks as distinct marked texts, give or take a term's aliases.
  const first = await highlightTexts(page);
  expect(new Set(first).size).toBe(first.length);

  await update({ markMode: 'all' });
  await expect.poll(() => highlightSize('gloss-underline')).toBe(all);
});

test('the per-site switch clears the open tab’s marks and brings them back', async () => {
  const all = await highlightSize('gloss-underline');
  expect(all).toBeGreaterThan(20);
  await update({ site: { host: '127.0.0.1', enabled: false } });
  await expect.poll(() => highlightSize('gloss-underline')).toBe(0);
  await hover(page, '#arms', 'S-400');
  expect(await waitForCardHeading(page, 800)).toBeNull();

  await update({ site: { host: '127.0.0.1', enabled: true } });
  await expect.poll(() => highlightSize('gloss-underline')).toBe(all);
  expect(await waitForSteadyMarks(page)).toBe(all);
});

test('the keyboard command walks the marked terms in reading order, focus in the card', async () => {
  await page.mouse.move(5, 5);
  const order = await highlightTexts(page);
  await page.bringToFront();
  const headings: string[] = [];
  for (let i = 0; i < 3; i++) {
    const moved = await ext.evaluate(async () => {
      const bg = (await browser.runtime.getBackgroundPage()) as unknown as {
        glossCommand(c: string): Promise<boolean>;
      };
      return bg.glossCommand('next-term');
    });
    expect(moved).toBe(true);
    await page.waitForFunction(
      (prev) => {
        const h = document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2');
        return h && h.textContent !== prev ? true : false;
      },
      { polling: 50, timeout: 5000 },
      headings[i - 1] ?? '',
    );
    headings.push((await waitForCardHeading(page)) ?? '');
  }
  // The card names the term; the first three marks are the page's first three terms.
  expect(headings).toHaveLength(3);
  // Each card names the term of the page's next mark: the mark holds its name or an alias.
  for (const [i, heading] of headings.entries()) {
    // Gloss matches across spacing and dash variants ("2 + 2", "India–Russia").
    const fold = (t: string) => t.toLowerCase().replace(/\s+/g, '').replace(/[‐-―]/g, '-');
    const mark = fold(order[i] ?? '');
    const spellings = termsNamed.get(heading) ?? [];
    expect(
      spellings.some((s) => mark.includes(fold(s))),
      `${heading} / ${mark}`,
    ).toBe(true);
  }
  expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('GLOSS-ROOT');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('gloss-root'), { polling: 50 });
  expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('BODY');
});

test('the MV2 background page loads nothing from outside the extension', async () => {
  const urls = await ext.evaluate(async () => {
    const bg = (await browser.runtime.getBackgroundPage()) as unknown as Window;
    return bg.performance.getEntriesByType('resource').map((e) => e.name);
  });
  for (const url of urls) expect(url).toMatch(/^moz-extension:\/\//);
});
