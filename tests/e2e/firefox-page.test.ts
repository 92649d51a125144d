/**
 * Firefox leg, reading: the Firefox build in Firefox ESR marks the demo article's terms, opens the
 * right card under a real pointer without taking focus, follows a live page, leaves the page's DOM
 * alone and makes no network request. Same fixtures as the Chromium tests (page-article,
 * page-changes, reliability-privacy).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  closeCard,
  firefoxExtensionDir,
  highlightTexts,
  hover,
  launchFirefoxGloss,
  pageTermIds,
  pointAt,
  waitForCardHeading,
  waitForSteadyMarks,
  type FirefoxGloss,
} from './firefox-harness';
import { recordDomChanges } from './harness';

let gloss: FirefoxGloss;
let page: Page;
const requests: string[] = [];

/** Term names by id, from the fact base the Firefox build ships. */
const names = new Map<string, string>(
  (
    JSON.parse(readFileSync(join(firefoxExtensionDir, 'fact-base.json'), 'utf8')) as {
      terms: { id: string; name: string }[];
    }
  ).terms.map((t) => [t.id, t.name]),
);

beforeAll(async () => {
  gloss = await launchFirefoxGloss();
  page = await gloss.browser.newPage();
  page.on('request', (r: HTTPRequest) => void requests.push(r.url()));
  // Every DOM change after parsing, recorded by the page's own script from the very start.
  await page.evaluateOnNewDocument(recordDomChanges);
  await page.goto(`${gloss.origin}/demo-article.html`);
  await waitForSteadyMarks(page);
});

afterAll(async () => {
  await gloss?.close();
});

test('marks the article’s terms in the spellings it uses, and none of the traps', async () => {
  const texts = (await highlightTexts(page)).map((t) => t.replace(/\s+/g, ' '));
  for (const expected of [
    'Vladimir Putin',
    '2 + 2',
    'S. Jaishankar',
    'S-400',
    'CAATSA',
    'AK 203 rifles',
    'Su30',
    'RELOS',
    'INSTC',
    'Sakhalin‑1',
    'Eurasian Economic Union',
    'Sputnik V',
  ])
    expect(texts).toContain(expected);
  expect(texts.length).toBeGreaterThanOrEqual(30);
  expect(texts).not.toContain('AK-2030');
  const inAside = await page.evaluate(() => {
    const aside = document.querySelector('aside') as Element;
    const ranges = [...(CSS.highlights.get('gloss-underline') as Iterable<AbstractRange>)];
    return ranges.filter((r) => aside.contains(r.startContainer)).length;
  });
  expect(inAside).toBe(0);
});

test('the popup’s question to the tab lists the marked terms by id', async () => {
  const ext = await gloss.openExtensionPage('popup.html');
  await page.bringToFront();
  const ids = await pageTermIds(ext);
  for (const id of ['s-400', 'caatsa', 'instc', 'relos', 'sputnik-v']) expect(ids).toContain(id);
  await ext.close();
});

describe('hovering with a real pointer', () => {
  test.each([
    ['#arms', 'S-400', 's-400'],
    ['#arms', 'CAATSA', 'caatsa'],
    ['#lead', 'Sergei Lavrov', 'sergei-lavrov'],
    ['#trade', 'INSTC', 'instc'],
    ['#space', 'Sputnik V', 'sputnik-v'],
  ])('%s "%s" opens the card of %s', async (selector, text, id) => {
    await page.bringToFront();
    await closeCard(page);
    await hover(page, selector, text);
    expect(await waitForCardHeading(page)).toBe(names.get(id));
    // A hover never takes focus from the page.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  test('Escape closes the card; a non-term and a quick crossing open none', async () => {
    await closeCard(page);
    expect(await page.evaluate(() => document.querySelector('gloss-root'))).toBeNull();
    await hover(page, '#lead', 'landed in the capital');
    expect(await waitForCardHeading(page, 700)).toBeNull();
    const { x, y } = await pointAt(page, '#trade', 'INSTC');
    await page.mouse.move(x - 150, y);
    await page.mouse.move(1250, y, { steps: 10 });
    expect(await waitForCardHeading(page, 700)).toBeNull();
  });
});

test('the page’s own DOM records no change made by Gloss', async () => {
  await closeCard(page);
  const changes = await page.evaluate(
    () => (window as unknown as { __domChanges: string[] }).__domChanges,
  );
  expect(changes).toEqual([]);
});

test('a live blog: an added entry is marked, an edit re-marked, a removal dropped', async () => {
  const live = await gloss.openFixture('live-blog.html');
  expect(await highlightTexts(live)).toEqual([]);
  const marks = () => highlightTexts(live);
  const id = await live.evaluate(() =>
    (window as unknown as { addEntry(t: string): string }).addEntry(
      'Lavrov and Jaishankar open the 2+2 talks.',
    ),
  );
  await expect.poll(marks).toEqual(['Lavrov', 'Jaishankar', '2+2 talks']);
  await live.evaluate(
    (entry) =>
      (window as unknown as { editEntry(i: string, t: string): void }).editEntry(
        entry,
        'Correction: the INSTC was discussed instead.',
      ),
    id,
  );
  await expect.poll(marks).toEqual(['INSTC']);
  await live.evaluate(
    (entry) => (window as unknown as { removeEntry(i: string): void }).removeEntry(entry),
    id,
  );
  await expect.poll(marks).toEqual([]);
  await live.close();
});

test('reading and cards sent no request beyond the fixture server', () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(`${gloss.origin}/`))).toEqual([]);
});
