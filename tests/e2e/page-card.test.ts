/**
 * What the reader does with a card: bookmark a fact, walk the terms from the keyboard, and switch
 * Gloss off for a site, with the effect seen in the open tab at once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardHeading,
  evalInGloss,
  hoverText,
  launchGloss,
  markedTerms,
  type Gloss,
} from './harness';

let gloss: Gloss;
let page: Page;
beforeAll(async () => {
  gloss = await launchGloss();
  page = await gloss.openFixture('demo-article.html');
});
afterAll(async () => {
  await gloss?.close();
});

const storedBookmarks = () =>
  gloss.worker.evaluate(async () => {
    const { bookmarks } = (await chrome.storage.local.get('bookmarks')) as {
      bookmarks?: {
        items: { termId: string; factId: string; page: { title: string; url: string } | null }[];
      };
    };
    return bookmarks?.items ?? [];
  });

/** Runs the background's handler of the keyboard command, as the shortcut does. */
async function nextTermCommand(): Promise<boolean> {
  await page.bringToFront();
  return gloss.worker.evaluate(() =>
    (globalThis as unknown as { glossCommand(c: string): Promise<boolean> }).glossCommand(
      'next-term',
    ),
  );
}

test('a bookmark toggled on a card is in storage with the page it came from, and toggles back', async () => {
  await hoverText(page, '#arms', 'S-400');
  await page.waitForFunction(() =>
    document.querySelector('gloss-root')?.shadowRoot?.querySelector('button.bookmark'),
  );
  const button = page.locator('gloss-root button.bookmark').first();
  await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
  await button.click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('gloss-root')
        ?.shadowRoot?.querySelector('button.bookmark')
        ?.getAttribute('aria-pressed') === 'true',
  );
  const items = await storedBookmarks();
  expect(items).toHaveLength(1);
  expect(items[0]?.termId).toBe('s-400');
  expect(items[0]?.page?.title).toBe(await page.title());
  expect(items[0]?.page?.url).toBe(page.url());

  await button.click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('gloss-root')
        ?.shadowRoot?.querySelector('button.bookmark')
        ?.getAttribute('aria-pressed') === 'false',
  );
  expect(await storedBookmarks()).toHaveLength(0);
  await page.keyboard.press('Escape');
});

test('the keyboard command walks the marked terms in reading order, with focus in the card', async () => {
  await page.mouse.move(5, 5);
  const order = (await markedTerms(page)).map((m) => m.id);
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    expect(await nextTermCommand()).toBe(true);
    await page.waitForFunction((n) => {
      const h = document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2');
      return (
        h !== null && h !== undefined && (window as unknown as { __seen?: number }).__seen !== n
      );
    }, i);
    await page.evaluate((n) => ((window as unknown as { __seen?: number }).__seen = n), i);
    names.push((await cardHeading(page)) ?? '');
  }
  const active = await evalInGloss<string[]>(
    page,
    `(async () => {
      const ids = ${JSON.stringify(order.slice(0, 3))};
      return Promise.all(ids.map(async (id) => (await chrome.runtime.sendMessage({ type: 'term:get', payload: { id } })).value.term.name));
    })()`,
  );
  expect(names).toEqual(active);
  expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('GLOSS-ROOT');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('gloss-root'));
  expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('BODY');
});

test('settings reach the open tab: per-site off stops marking, "first only" marks each term once', async () => {
  const popup = await gloss.openPopup();
  const update = (payload: unknown) =>
    popup.evaluate(
      (p) => chrome.runtime.sendMessage({ type: 'settings:update', payload: p }),
      payload,
    );
  const painted = () =>
    evalInGloss<number>(
      page,
      'globalThis.__gloss.annotator ? [...globalThis.__gloss.annotator.store.all()].filter((o) => o.painted).length : 0',
    );
  const highlights = () =>
    evalInGloss<number>(page, `CSS.highlights.get('gloss-underline')?.size ?? 0`);
  const all = await painted();
  expect(all).toBeGreaterThan(20);
  const distinct = new Set((await markedTerms(page)).map((m) => m.id)).size;
  expect(distinct).toBeLessThan(all);

  await update({ site: { host: '127.0.0.1', enabled: false } });
  await expect.poll(highlights, { timeout: 3000 }).toBe(0);
  expect(await evalInGloss<boolean>(page, 'globalThis.__gloss.annotator === null')).toBe(true);

  await update({ site: { host: '127.0.0.1', enabled: true } });
  await expect.poll(painted, { timeout: 3000 }).toBe(all);

  await update({ markMode: 'first' });
  await expect.poll(painted, { timeout: 3000 }).toBe(distinct);

  await update({ markMode: 'all', style: 'background' });
  await expect
    .poll(() => evalInGloss<number>(page, `CSS.highlights.get('gloss-background')?.size ?? 0`), {
      timeout: 3000,
    })
    .toBe(all);
  await update({ style: 'underline' });
  await popup.close();
});

test('"Open in full" opens the term\'s page from the popup in a new tab', async () => {
  await page.bringToFront();
  await hoverText(page, '#trade', 'INSTC');
  await page.waitForFunction(() =>
    document.querySelector('gloss-root')?.shadowRoot?.querySelector('.card-foot button'),
  );
  const opened = gloss.context.waitForEvent('page');
  await page.locator('gloss-root .card-foot button').click();
  const termPage = await opened;
  await termPage.waitForLoadState();
  expect(termPage.url()).toContain('popup.html?term=instc');
  await termPage
    .getByRole('heading', { level: 2, name: /North.South Transport Corridor/ })
    .waitFor();
  await termPage.close();
});
