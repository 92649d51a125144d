/**
 * Pages that change after load (a live blog) and regions Gloss must never read (forms, code,
 * editable and hidden text).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  evalInGloss,
  hoverText,
  cardHeading,
  launchGloss,
  markedTerms,
  type Gloss,
} from './harness';

let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

test('a live blog: added entries are marked within half a second, edits re-marked, removals dropped', async () => {
  const page = await gloss.openFixture('live-blog.html');
  expect(await markedTerms(page)).toEqual([]);

  const waitForMark = async (text: string) => {
    const started = Date.now();
    await evalInGloss(
      page,
      `(async () => {
        const has = () => [...globalThis.__gloss.annotator.store.all()].some((o) => o.painted && o.node.data.slice(o.start, o.end) === ${JSON.stringify(text)});
        while (!has()) await new Promise((r) => setTimeout(r, 10));
      })()`,
    );
    return Date.now() - started;
  };

  const id = await page.evaluate(() =>
    (window as unknown as { addEntry(t: string): string }).addEntry(
      'Lavrov and Jaishankar open the 2+2 talks.',
    ),
  );
  const latency = await waitForMark('Lavrov');
  expect(latency).toBeLessThan(500);
  expect((await markedTerms(page)).map((m) => m.id)).toEqual([
    'sergei-lavrov',
    's-jaishankar',
    'two-plus-two-dialogue',
  ]);

  await page.evaluate(
    (entry) =>
      (window as unknown as { editEntry(i: string, t: string): void }).editEntry(
        entry,
        'Correction: the INSTC was discussed instead.',
      ),
    id,
  );
  await waitForMark('INSTC');
  expect((await markedTerms(page)).map((m) => m.id)).toEqual(['instc']);

  await page.evaluate(
    (entry) => (window as unknown as { removeEntry(i: string): void }).removeEntry(entry),
    id,
  );
  await page.waitForTimeout(300);
  expect(await markedTerms(page)).toEqual([]);
  expect(await evalInGloss<number>(page, 'globalThis.__gloss.annotator.store.size')).toBe(0);

  // Hovering a term that arrived after load opens its card.
  await page.evaluate(() =>
    (window as unknown as { addEntry(t: string): string }).addEntry('Shoigu lands in Delhi.'),
  );
  await waitForMark('Shoigu');
  await hoverText(page, '#feed', 'Shoigu');
  await page.waitForFunction(() =>
    document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2'),
  );
  expect(await cardHeading(page)).toBe('Sergei Shoigu');
  await page.close();
});

test('forms, code and editable text are never marked; traps neither; hidden text waits unseen', async () => {
  const page = await gloss.openFixture('skips.html');
  const marked = await markedTerms(page);
  // Hidden text is marked invisibly (so it shows marked when revealed) but is not listed as on
  // the page; aria-hidden text is on the page for a sighted reader.
  expect(marked).toEqual([
    { id: 'instc', text: 'INSTC' },
    { id: 'kudankulam', text: 'Kudankulam' },
    { id: 'brahmos', text: 'BrahMos' },
    { id: 'instc', text: 'INSTC' },
    { id: 'brahmos', text: 'BrahMos' },
    { id: 'quad', text: 'Quad' },
  ]);
  await page.bringToFront();
  const listed = await gloss.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return (await chrome.tabs.sendMessage(tab!.id!, { type: 'page:terms', payload: {} })).value;
  });
  expect(listed).toEqual({
    host: '127.0.0.1',
    enabled: true,
    terms: [
      { id: 'instc', count: 1 },
      { id: 'brahmos', count: 1 },
      { id: 'quad', count: 1 },
    ],
  });
  // Typing a term into the page's own field leaves it alone, and the page keeps its focus.
  await page.click('#field');
  await page.keyboard.press('End');
  await page.keyboard.type(' INSTC');
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('field');
  expect(await page.inputValue('#field')).toBe('RELOS and CAATSA INSTC');
  // Hovering a trap opens no card.
  await hoverText(page, '#traps', 'AK-2030');
  await page.waitForTimeout(700);
  expect(await cardHeading(page)).toBeNull();
  await page.close();
});
