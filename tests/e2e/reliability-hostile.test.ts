/**
 * Reliability on hostile pages: CSS that restyles everything, a page that rewrites the platform's
 * built-ins, a strict Content-Security-Policy, right-to-left scripts, and text that looks like
 * markup and ends up in bookmarks. Each time Gloss marks what it should, its card stays readable
 * and on screen, the page keeps working and its DOM records no change, and no page text is ever
 * interpreted as markup. See docs/reliability.md.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardReport,
  fixturesDir,
  hoverInGloss,
  launchGloss,
  markedTerms,
  recordErrors,
  replaceStoredData,
  serveFolder,
  storedData,
  watchPageDom,
  type CardReport,
  type Gloss,
} from './harness';

/** No inline script or style, no eval, no images, and Trusted Types required for sinks. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'none'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

let gloss: Gloss;
let strict: Awaited<ReturnType<typeof serveFolder>>;
beforeAll(async () => {
  gloss = await launchGloss();
  strict = await serveFolder(fixturesDir, (path): Record<string, string> =>
    path.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {},
  );
});
afterAll(async () => {
  await gloss?.close();
  await strict?.close();
});

/** The card is open on `heading`, in Gloss's own colours and size, wholly on screen, on top. */
async function expectReadableCard(page: Page, heading: RegExp): Promise<CardReport> {
  await expect
    .poll(async () => (await cardReport(page))?.heading ?? '', { timeout: 5000 })
    .toMatch(heading);
  const card = (await cardReport(page)) as CardReport;
  expect(card.hostParent).toBe('HTML');
  expect(card.box.left).toBeGreaterThanOrEqual(0);
  expect(card.box.top).toBeGreaterThanOrEqual(0);
  expect(card.box.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.box.bottom).toBeLessThanOrEqual(card.viewport.height);
  expect(card.box.right - card.box.left).toBeGreaterThan(200);
  expect(card.fontSize).toBe(14);
  expect([card.color, card.background]).toEqual(['rgb(29, 27, 24)', 'rgb(255, 253, 249)']);
  expect(card.direction).toBe('ltr');
  expect(card.onTop).toBe(true);
  return card;
}

/** Clicks the card's first bookmark button and waits until it shows as saved. */
async function bookmarkFirstFact(page: Page): Promise<void> {
  const button = page.locator('gloss-root button.bookmark').first();
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('gloss-root').count()).toBe(0);
}

const ids = async (page: Page) => (await markedTerms(page)).map((m) => m.id);

test('CSS that restyles everything (all: unset, 64px fonts, a transformed <html>)', async () => {
  const page = await gloss.openFixture('hostile/restyle.html');
  const errors = await recordErrors(page);
  // The <title> is shown by `all: unset` on <head>, but it is not article text.
  expect(await ids(page)).toEqual(['s-400', 'instc', 'caatsa']);
  const dom = await watchPageDom(page);
  await hoverInGloss(page, '#second', 'CAATSA');
  // The page scrolled: with `transform` on <html>, a fixed card in the page would scroll away.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expectReadableCard(page, /^CAATSA$/);
  await bookmarkFirstFact(page);
  await closeCard(page);
  expect(await dom.stop()).toEqual([]);
  // The page's own script still answers clicks.
  await page.locator('#button').click();
  expect(await page.locator('#clicks').textContent()).toBe('1');
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('a page that overrides Node, Array, CSS and other built-ins', async () => {
  const page = await gloss.openFixture('hostile/prototypes.html');
  const errors = await recordErrors(page);
  expect(await page.locator('#ran').textContent()).toBe('yes');
  expect(await ids(page)).toEqual(['s-400', 'caatsa', 'instc']);
  const dom = await watchPageDom(page);
  await hoverInGloss(page, '#second', 'INSTC');
  await expectReadableCard(page, /North.South Transport Corridor/);
  await bookmarkFirstFact(page);
  await closeCard(page);
  expect(await dom.stop()).toEqual([]);
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('a page with a strict Content-Security-Policy', async () => {
  const page = await gloss.context.newPage();
  const errors = await recordErrors(page);
  await page.goto(`${strict.origin}/hostile/csp.html`);
  // The policy is in force: the page's own inline script was blocked.
  expect(await page.evaluate(() => document.documentElement.dataset.inline)).toBeUndefined();
  await expect.poll(() => ids(page).catch(() => [])).toEqual(['kudankulam', 'brics', 'sco']);
  await hoverInGloss(page, '#first', 'Kudankulam');
  // Styled through a constructed sheet, which the policy allows (an inline <style> it would not).
  await expectReadableCard(page, /Kudankulam/);
  await bookmarkFirstFact(page);
  await closeCard(page);
  // Every violation is the page's own inline script and style, none Gloss's.
  const violations = await page.evaluate(
    () => (window as { __violations?: string[] }).__violations,
  );
  expect(violations?.map((v) => v.replace(strict.origin, '')).sort()).toEqual([
    'script-src-elem inline /hostile/csp.html',
    'style-src-attr inline /hostile/csp.html',
  ]);
  expect((await errors.stop()).filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
  await page.close();
});

test('right-to-left pages: Arabic, Hebrew and Urdu around Latin terms', async () => {
  const page = await gloss.openFixture('hostile/rtl.html');
  const errors = await recordErrors(page);
  expect(await ids(page)).toEqual([
    ...['s-400', 'instc', 'caatsa'],
    ...['s-400', 'caatsa', 'instc'],
    ...['brics', 'chabahar'],
    'instc',
  ]);
  for (const [path, text, heading] of [
    ['#ar', 'S-400', /S-400/],
    ['#he', 'CAATSA', /CAATSA/],
    ['#ur', 'Chabahar', /Chabahar/],
    ['#edge', 'INSTC', /Transport Corridor/],
  ] as const) {
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('gloss-root').count()).toBe(0);
    await hoverInGloss(page, path, text);
    await expectReadableCard(page, heading);
  }
  expect(await errors.stop()).toEqual([]);
  await page.close();
});

test('text that looks like markup is never interpreted, on the page, in the card or the popup', async () => {
  await replaceStoredData(gloss, {});
  const page = await gloss.openFixture('hostile/markup.html');
  const errors = await recordErrors(page);
  expect(await ids(page)).toEqual(['s-400', 'caatsa']);
  await hoverInGloss(page, '#first', 'S-400');
  const card = await expectReadableCard(page, /S-400/);
  expect(card.text).not.toContain('<');
  await bookmarkFirstFact(page);
  await closeCard(page);
  const title = await page.title();
  expect(title).toContain('<img src=x onerror=');
  const stored = (await storedData(gloss)).bookmarks as { items: { page: { title: string } }[] };
  expect(stored.items.map((b) => b.page.title)).toEqual([title]);

  // A stored bookmark (an import, an older version) whose every string is hostile.
  await gloss.worker.evaluate(async () => {
    const { bookmarks } = (await chrome.storage.local.get('bookmarks')) as {
      bookmarks: { items: unknown[] };
    };
    bookmarks.items.push({
      termId: 'caatsa',
      factId: 's400-threat',
      savedAt: '2025-02-01T00:00:00.000Z',
      page: {
        title: `<script>window.__pwned='popup-title'</script><b>bold</b>`,
        url: `javascript:window.__pwned='link'`,
      },
      note: `<img src=x onerror="window.__pwned='note'">`,
    });
    await chrome.storage.local.set({ bookmarks });
  });
  const popup = await gloss.openPopup('?view=saved');
  await expect.poll(() => popup.locator('.saved-item').count()).toBe(2);
  const text = (await popup.locator('.saved-list').textContent()) ?? '';
  expect(text).toContain(title);
  expect(text).toContain(`<script>window.__pwned='popup-title'</script><b>bold</b>`);
  expect(text).toContain(`<img src=x onerror="window.__pwned='note'">`);
  const injected = await popup.evaluate(() => ({
    pwned: (window as { __pwned?: string }).__pwned ?? null,
    elements: document.querySelectorAll('.saved-list img, .saved-list script, .saved-list b')
      .length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  expect(injected).toEqual({ pwned: null, elements: 0, scriptLinks: 0 });
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(await errors.stop()).toEqual([]);
  await popup.close();
  await page.close();
});
