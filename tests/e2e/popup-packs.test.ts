/**
 * The popup over imported packs, end to end: a pack imported on the options page is found by
 * the popup's search, its term page opens and a fact saved there shows in the Saved view with
 * its text and pack; a newer version of the pack that rewords the fact flags the bookmark as
 * changed, with the saved and the current text side by side; a fact the pack drops, a pack
 * switched off and a pack removed keep their bookmarks and say so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixturesDir, importPackFile, launchGloss, storedData, type Gloss } from './harness';

let gloss: Gloss;
const dir = mkdtempSync(join(tmpdir(), 'gloss-popup-packs-'));
const sample = JSON.parse(
  readFileSync(join(fixturesDir, 'packs', 'sample-glossary.json'), 'utf8'),
) as { version: string; terms: { id: string; facts: { id: string; text: string }[] }[] };
const TITLE = 'Sample glossary (test data)';
const TERM = 'sample-glossary~orion-corridor';
const KEY = `${TERM}/length`;
const SAVED_TEXT = sample.terms[0]?.facts[0]?.text ?? '';
const NEW_TEXT = 'The revised test notes give the route a length of 9 units.';

beforeAll(async () => {
  gloss = await launchGloss({ viewport: { width: 380, height: 600 } });
});
afterAll(async () => {
  await gloss?.close();
});

/** A version of the sample pack, changed by `change`. */
function version(v: string, change: (pack: typeof sample) => void): string {
  const pack = structuredClone(sample);
  pack.version = v;
  change(pack);
  return JSON.stringify(pack, null, 2);
}

/** Imports (or, for a newer version, replaces) a pack from the options page. */
async function importPack(name: string, text: string): Promise<void> {
  const options = await gloss.context.newPage();
  await options.goto(`chrome-extension://${gloss.extensionId}/options.html#packs`);
  await options.getByRole('heading', { name: 'Fact packs' }).waitFor();
  const file = join(dir, name);
  writeFileSync(file, text);
  await importPackFile(options, file, /^(Import|Replace)$/);
  await options.close();
}

async function packsPage(): Promise<Page> {
  const options = await gloss.context.newPage();
  await options.goto(`chrome-extension://${gloss.extensionId}/options.html#packs`);
  await options.getByRole('heading', { name: 'Fact packs' }).waitFor();
  return options;
}

const savedBookmarks = async () =>
  ((await storedData(gloss)).bookmarks as { version: number; items: Record<string, unknown>[] })
    ?.items ?? [];

test('search, term page and Saved view over an imported pack; a newer version flags the change', async () => {
  await importPack('sample.json', JSON.stringify(sample));

  // Search finds the imported term once its index is built (after the first paint).
  const popup = await gloss.openPopup();
  await popup.locator('#search-input').fill('orion');
  const option = popup.locator('[role=option]', { hasText: 'Orion Corridor' });
  await expect.poll(() => option.count(), { timeout: 5000 }).toBe(1);
  expect(await option.locator('.option-category').textContent()).toBe(TITLE);
  // A typo finds it too (its fuzzy index is made on first use).
  await popup.locator('#search-input').fill('orrion');
  await expect.poll(() => option.count(), { timeout: 5000 }).toBe(1);

  // Its term page opens and names its pack; saving a fact keeps its text.
  await popup.keyboard.press('Enter');
  await expect.poll(() => popup.locator('#term-title').textContent()).toBe('Orion Corridor');
  expect(await popup.locator('.term-category').textContent()).toContain(TITLE);
  const row = popup.locator('.fact-row[data-fact="length"]');
  await row.locator('.bookmark').click();
  await expect.poll(() => row.locator('.bookmark').getAttribute('aria-pressed')).toBe('true');
  expect(await savedBookmarks()).toMatchObject([
    { termId: TERM, factId: 'length', text: SAVED_TEXT },
  ]);
  await popup.getByRole('button', { name: 'Back' }).click();

  // The review tab shows its text, then its term, pack and source.
  await popup.getByRole('tab', { name: /Review/ }).click();
  await expect.poll(() => popup.locator('.review-fact').textContent()).toBe(SAVED_TEXT);
  await popup.getByRole('button', { name: /Show term and source/ }).click();
  expect(await popup.locator('.review-term').textContent()).toBe(`Orion Corridor · ${TITLE}`);
  expect(await popup.locator('.review-answer .muted').last().textContent()).toBe(
    'Test notes · Dec 2026',
  );

  // The Saved view shows the fact's text and its pack.
  await popup.getByRole('tab', { name: /Saved/ }).click();
  const item = popup.locator(`.saved-item[data-key="${KEY}"]`);
  await item.waitFor();
  expect(await item.locator('.saved-term').textContent()).toBe('Orion Corridor');
  expect(await item.locator('.saved-pack').textContent()).toBe(TITLE);
  expect(await item.textContent()).toContain(SAVED_TEXT);
  expect(await item.getAttribute('data-state')).toBe('same');

  // A newer version rewords the fact: the open popup follows and shows both texts.
  await importPack(
    'newer.json',
    version('1.1.0', (p) => {
      const fact = p.terms[0]?.facts[0];
      if (fact) fact.text = NEW_TEXT;
    }),
  );
  await popup.bringToFront();
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 5000 }).toBe('changed');
  const changed = item.getByRole('group', { name: 'Changed since you saved it' });
  expect(await changed.locator('.fact-flag').textContent()).toContain('Changed since you saved it');
  expect(await changed.locator('.fact-then').textContent()).toBe(`As you saved it${SAVED_TEXT}`);
  expect(await changed.locator('.fact-now').textContent()).toContain(`Now${NEW_TEXT}`);
  // Both texts sit side by side.
  const [then, now] = await Promise.all(
    ['.fact-then', '.fact-now'].map((s) => changed.locator(s).boundingBox()),
  );
  expect(then && now && then.y === now.y && then.x < now.x).toBe(true);
  expect(await savedBookmarks()).toMatchObject([{ termId: TERM, text: SAVED_TEXT }]);

  // The term link opens the imported term's page.
  await item.locator('.saved-term').click();
  await expect.poll(() => popup.locator('#term-title').textContent()).toBe('Orion Corridor');
  expect(await popup.locator('.fact-row[data-fact="length"]').textContent()).toContain(NEW_TEXT);
  await popup.getByRole('button', { name: 'Back' }).click();
  await popup.close();
});

test('a dropped fact, a pack switched off and a pack removed: the bookmark stays and says so', async () => {
  await importPack(
    'dropped.json',
    version('1.2.0', (p) => {
      p.terms = p.terms.filter((t) => t.id !== 'orion-corridor');
      // Vega Accord no longer names the dropped term as related.
      for (const t of p.terms) (t as { related?: string[] }).related = [];
    }),
  );
  const popup = await gloss.openPopup('?view=saved');
  const item = popup.locator(`.saved-item[data-key="${KEY}"]`);
  await expect.poll(() => item.getAttribute('data-state'), { timeout: 5000 }).toBe('gone');
  expect(await item.locator('.fact-flag').textContent()).toContain(`No longer in “${TITLE}”`);
  expect(await item.locator('.saved-text').textContent()).toBe(`As you saved it: ${SAVED_TEXT}`);

  // Off: a bookmark of another of its facts still shows its text, and says the pack is off.
  await popup.goto(
    `chrome-extension://${gloss.extensionId}/popup.html?term=sample-glossary~vega-accord`,
  );
  await popup.locator('.fact-row .bookmark').first().click();
  const options = await packsPage();
  await options.getByRole('switch', { name: TITLE }).uncheck();
  await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?view=saved`);
  const vega = popup.locator('.saved-item[data-key="sample-glossary~vega-accord/signed"]');
  await expect.poll(() => vega.locator('.pack-off').count(), { timeout: 5000 }).toBe(1);
  expect(await vega.textContent()).toContain('The test notes date the accord to 2026.');
  expect(await vega.locator('.saved-pack').textContent()).toBe(`${TITLE} (off)`);

  // Removed: both bookmarks stay, with the text they were saved with.
  await options.getByRole('button', { name: `Remove ${TITLE}` }).click();
  await options.close();
  await expect.poll(() => vega.getAttribute('data-state'), { timeout: 5000 }).toBe('gone');
  expect(await vega.locator('.fact-flag').textContent()).toContain(
    'its pack “sample-glossary” was removed',
  );
  expect(await vega.locator('.saved-text').textContent()).toContain(
    'The test notes date the accord to 2026.',
  );
  expect(await popup.locator('.saved-item').count()).toBe(2);
  expect((await savedBookmarks()).map((b) => b.termId).sort()).toEqual([
    'sample-glossary~orion-corridor',
    'sample-glossary~vega-accord',
  ]);
  await popup.close();
});

test('bookmarks stored by an older Gloss take their text from the pack before it is replaced', async () => {
  await importPack('sample-again.json', JSON.stringify(sample));
  await gloss.worker.evaluate(
    (termId) =>
      chrome.storage.local.set({
        bookmarks: {
          version: 2,
          items: [
            {
              termId,
              factId: 'length',
              savedAt: '2026-12-01T10:00:00.000Z',
              page: null,
              note: 'v2',
            },
          ],
        },
      }),
    TERM,
  );
  await importPack(
    'newest.json',
    version('2.0.0', (p) => {
      const fact = p.terms[0]?.facts[0];
      if (fact) fact.text = NEW_TEXT;
    }),
  );
  expect((await storedData(gloss)).bookmarks).toMatchObject({
    version: 3,
    items: [{ termId: TERM, note: 'v2', text: SAVED_TEXT }],
  });
  const popup = await gloss.openPopup('?view=saved');
  await expect
    .poll(() => popup.locator(`.saved-item[data-key="${KEY}"]`).getAttribute('data-state'))
    .toBe('changed');
  await popup.close();
});
