/**
 * Reading the demo article with Gloss: the right terms are marked in the right places, a real
 * pointer opens the right card, and the page's own DOM is never touched.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cardHeading,
  evalInGloss,
  hoverText,
  launchGloss,
  markedTerms,
  pointAtText,
  type Gloss,
  recordDomChanges,
} from './harness';

let gloss: Gloss;
let page: Page;

beforeAll(async () => {
  gloss = await launchGloss();
  // Record every DOM change from the very start, in the page's own world.
  await gloss.context.addInitScript(recordDomChanges);
  page = await gloss.openFixture('demo-article.html');
});

afterAll(async () => {
  await gloss?.close();
});

/** Moves the pointer away and waits for any card to close. */
async function reset(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('gloss-root'));
}

test('marks the expected terms in the spellings the article uses', async () => {
  const marked = await markedTerms(page);
  const pairs = marked.map((m) => `${m.id}:${m.text.replace(/\s+/g, ' ')}`);
  for (const expected of [
    'vladimir-putin:Vladimir Putin',
    'annual-summit:21st India–Russia Annual Summit',
    'two-plus-two-dialogue:2 + 2',
    's-jaishankar:S. Jaishankar',
    's-400:S-400',
    'caatsa:CAATSA',
    'ak-203:AK 203 rifles',
    'su-30:Su30',
    'relos:RELOS',
    'instc:INSTC',
    'chennai-vladivostok-maritime-corridor:Chennai–Vladivostok sea route',
    'sakhalin-1:Sakhalin‑1',
    'eaeu:Eurasian Economic Union',
    'sco:SCO',
    'sputnik-v:Sputnik V',
  ]) {
    expect(pairs).toContain(expected);
  }
  expect(marked.length).toBeGreaterThanOrEqual(30);
});

test('leaves the traps alone', async () => {
  const texts = (await markedTerms(page)).map((m) => m.text);
  for (const trap of ['AK-2030', 'AK-203', '2+2', 'SCOUTS', 'SCO']) {
    const inAside = await page.evaluate(
      (t) => document.querySelector('aside')?.textContent?.includes(t),
      trap,
    );
    expect(inAside).toBe(true);
  }
  const asideMarks = await evalInGloss<number>(
    page,
    `[...globalThis.__gloss.annotator.store.all()].filter((o) => o.node.parentElement.closest('aside')).length`,
  );
  expect(asideMarks).toBe(0);
  expect(texts).not.toContain('AK-2030');
});

describe('hovering with a real pointer', () => {
  test.each([
    ['#arms', 'S-400', 'S-400 Triumf'],
    ['#arms', 'CAATSA', 'CAATSA'],
    ['#lead', 'Sergei Lavrov', 'Sergei Lavrov'],
    ['#trade', 'INSTC', 'International North–South Transport Corridor (INSTC)'],
    ['#space', 'Sputnik V', 'Sputnik V'],
  ])('%s "%s" opens the card of %s', async (selector, text, _name) => {
    await reset();
    await hoverText(page, selector, text);
    await page.waitForFunction(() =>
      document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2'),
    );
    const heading = await cardHeading(page);
    const expectedName = await evalInGloss<string>(
      page,
      `(async () => {
        const s = globalThis.__gloss;
        const o = [...s.annotator.store.all()].find((x) => x.node.data.slice(x.start, x.end) === ${JSON.stringify(text)});
        return (await chrome.runtime.sendMessage({ type: 'term:get', payload: { id: s.termIds[o.term] } })).value.term.name;
      })()`,
    );
    expect(heading).toBe(expectedName);
  });

  test('the card is a labelled dialog that stays on screen, and Escape closes it', async () => {
    await reset();
    await hoverText(page, '#arms', 'RELOS');
    await page.waitForFunction(() =>
      document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2'),
    );
    const info = await page.evaluate(() => {
      const root = document.querySelector('gloss-root')?.shadowRoot;
      const dialog = root?.querySelector('[role="dialog"]') as HTMLElement;
      const label = root?.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent;
      const r = dialog.getBoundingClientRect();
      return {
        label,
        onScreen: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        focusInPage: document.activeElement === document.body,
      };
    });
    expect(info.label).toMatch(/^RELOS/);
    expect(info.onScreen).toBe(true);
    // A hover never takes focus from the page.
    expect(info.focusInPage).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('gloss-root'));
  });

  test('a non-term opens no card, and crossing a term quickly opens none', async () => {
    await reset();
    await hoverText(page, '#lead', 'landed in the capital');
    await page.waitForTimeout(700);
    expect(await cardHeading(page)).toBeNull();

    const { x, y } = await pointAtText(page, '#trade', 'INSTC');
    // Across the term at reading speed and on into the empty margin.
    await page.mouse.move(x - 150, y);
    await page.mouse.move(1250, y, { steps: 10 });
    await page.waitForTimeout(700);
    expect(await cardHeading(page)).toBeNull();
  });

  test('the card stays open while the pointer moves onto it, and closes after leaving both', async () => {
    await reset();
    await hoverText(page, '#arms', 'Igla-S');
    await page.waitForFunction(() =>
      document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2'),
    );
    const box = await page.evaluate(() => {
      const r = (
        document
          .querySelector('gloss-root')
          ?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement
      ).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + 20 };
    });
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await cardHeading(page)).not.toBeNull();
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('gloss-root'), null, {
      timeout: 3000,
    });
  });
});

test('the page’s own DOM records no change made by Gloss', async () => {
  await reset();
  const changes = await page.evaluate(
    () => (window as unknown as { __domChanges: string[] }).__domChanges,
  );
  expect(changes).toEqual([]);
});
