/**
 * Faults: stored data from an older version, with unknown fields, or corrupted; the extension
 * reloaded or updated under open pages; the storage quota reached on save and on import. Gloss
 * keeps working, loses nothing, keeps aside what it cannot read, and tells the reader.
 * See docs/reliability.md.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardHeading,
  evalInGloss,
  extensionDir,
  hoverText,
  launchGloss,
  recordErrors,
  reloadExtension,
  replaceStoredData,
  storedData,
  waitForGloss,
  type Gloss,
} from './harness';

/** A copy of the build, so the test can "update" it (change its files and reload). */
const dir = mkdtempSync(join(tmpdir(), 'gloss-faults-'));
const build = join(dir, 'extension');
cpSync(extensionDir, build, { recursive: true });
let gloss: Gloss;
beforeAll(async () => {
  gloss = await launchGloss({ extension: build });
});
afterAll(async () => {
  await gloss?.close();
  rmSync(dir, { recursive: true, force: true });
});

const valid = (termId: string, factId: string, note = '') => ({
  termId,
  factId,
  savedAt: '2025-03-01T10:00:00.000Z',
  page: { title: 'A page', url: 'https://news.example/a' },
  note,
});

/** Older, unknown and broken records; each lists what cannot be read and must be kept. */
const SCENARIOS = [
  {
    name: 'version 1 bookmarks and settings, with unknown fields and junk entries',
    data: {
      bookmarks: [
        { key: 's-400/deal-value', at: 1700000000000, url: 'https://news.example/1', extra: 1 },
        { key: 'instc/summit-driver', at: 1700000001000, title: 'No address' },
        { key: 'caatsa/s400-threat', at: 1700000002000, url: 'https://news.example/3' },
        { key: 'not-a-key', at: 'yesterday' },
        42,
      ],
      settings: { version: 1, disabledHosts: ['example.org'], underline: false, colour: 'red' },
      'gloss.from-the-future': { keep: ['me'] },
    },
    readable: 3,
    unreadBookmarks: [3, 4],
    unreadSettings: { colour: 'red' },
  },
  {
    name: 'a current record with wrong types and truncated values',
    data: {
      bookmarks: {
        version: 2,
        items: [
          valid('s-400', 'deal-value', 'kept'),
          { ...valid('instc', 'chabahar'), factId: 42 },
          { ...valid('relos', 'purpose'), savedAt: '2025-03-0' },
          '{"termId":"brics","factId":"coord',
          valid('brics', 'coordination'),
        ],
      },
      settings: { version: 2, enabled: 'yes', hoverDelay: '300ms', style: 'background', theme: 4 },
    },
    readable: 2,
    unreadBookmarks: [1, 2, 3],
    unreadSettings: { enabled: 'yes', hoverDelay: '300ms', theme: 4 },
  },
  {
    name: 'a record cut short (a string where an object was)',
    data: { bookmarks: '{"version":2,"items":[{"termId":"s-400","fa', settings: '{"enab' },
    readable: 0,
    unreadBookmarks: 'whole',
    unreadSettings: { '(the whole record)': '{"enab' },
  },
] as const;

test.each(SCENARIOS)('$name: Gloss starts, migrates, keeps the rest aside, says so', async (s) => {
  await replaceStoredData(gloss, s.data as unknown as Record<string, unknown>);
  const page = await gloss.openFixture('demo-article.html');
  const errors = await recordErrors(page);
  // Gloss starts and marks; the readable settings apply (background style in the first two).
  expect(await waitForGloss(page)).toBeGreaterThan(20);
  const popup = await gloss.openPopup('?view=saved');
  await expect.poll(() => popup.locator('.saved-item').count()).toBe(s.readable);
  const lost = s.unreadBookmarks === 'whole' ? 1 : s.unreadBookmarks.length;
  await expect
    .poll(() => popup.locator('.saved-view .notice').textContent())
    .toMatch(new RegExp(`^${lost === 1 ? 'One' : lost} stored bookmark entr.* kept aside`));
  await popup.getByRole('tab', { name: /Settings/ }).click();
  await expect
    .poll(() => popup.locator('.settings-view .notice').textContent())
    .toContain(`(${Object.keys(s.unreadSettings).join(', ')})`);

  // The next writes: a bookmark saved on a card, a setting changed in the popup.
  await hoverText(page, '#arms', 'S-400');
  await page.locator('gloss-root button.bookmark').nth(1).click();
  await expect
    .poll(() => page.locator('gloss-root button.bookmark').nth(1).getAttribute('aria-pressed'))
    .toBe('true');
  await popup.getByRole('radio', { name: 'Dark' }).check();
  await expect
    .poll(async () => (await storedData(gloss)).settings)
    .toMatchObject({ theme: 'dark' });

  const stored = await storedData(gloss);
  const bookmarks = stored.bookmarks as { version: number; items: unknown[] };
  expect(bookmarks.version).toBe(3);
  expect(bookmarks.items).toHaveLength(s.readable + 1);
  const raw = (s.data as { bookmarks: unknown }).bookmarks;
  const kept = (stored['bookmarks.quarantine'] as { value: unknown }[]).map((q) => q.value);
  if (s.unreadBookmarks === 'whole') expect(kept).toEqual([raw]);
  else
    expect(kept).toEqual(
      s.unreadBookmarks.map(
        (i) => (Array.isArray(raw) ? raw : (raw as { items: unknown[] }).items)[i],
      ),
    );
  const aside = stored['settings.quarantine'] as { fields: unknown }[];
  expect(aside.map((a) => a.fields)).toEqual([s.unreadSettings]);
  if ('gloss.from-the-future' in s.data) {
    expect(stored['gloss.from-the-future']).toEqual(s.data['gloss.from-the-future']);
  }
  // The reader is still told, after the writes moved things aside.
  expect(await popup.locator('.settings-view .notice').count()).toBe(1);
  expect(await errors.stop()).toEqual([]);
  await popup.close();
  await page.close();
});

/** True when the page shows nothing of Gloss: no card host and no highlights. */
const traces = (page: Page) =>
  page.evaluate(() => ({
    hosts: document.querySelectorAll('gloss-root').length,
    highlights: [...CSS.highlights.keys()],
  }));

test('reloaded, then updated, with pages open: the old script stops cleanly, the next load works', async () => {
  await replaceStoredData(gloss, {
    bookmarks: { version: 2, items: [valid('s-400', 'deal-value')] },
  });
  for (const kind of ['reload', 'update'] as const) {
    const page = await gloss.openFixture('demo-article.html');
    const errors = await recordErrors(page);
    await hoverText(page, '#arms', 'S-400');
    await expect.poll(() => cardHeading(page)).toMatch(/S-400/);
    if (kind === 'update') {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
      writeFileSync(
        join(build, 'manifest.json'),
        JSON.stringify({ ...manifest, version: '9.9.9' }),
      );
    }
    const worker = await reloadExtension(gloss);
    if (kind === 'update')
      expect(await worker.evaluate(() => chrome.runtime.getManifest().version)).toBe('9.9.9');
    // Within a couple of seconds the orphaned script has taken its card and marks away.
    await expect.poll(() => traces(page), { timeout: 5000 }).toEqual({ hosts: 0, highlights: [] });
    expect(await evalInGloss(page, 'globalThis.__gloss.annotator === null')).toBe(true);
    // Hovering a term now does nothing, and throws nothing.
    await page.mouse.move(2, 2);
    await hoverText(page, '#trade', 'INSTC');
    await page.waitForTimeout(800);
    expect(await traces(page)).toEqual({ hosts: 0, highlights: [] });
    expect(await errors.stop()).toEqual([]);
    // The next load works, and the bookmarks are all there.
    await page.reload();
    expect(await waitForGloss(page)).toBeGreaterThan(20);
    await hoverText(page, '#trade', 'INSTC');
    await expect.poll(() => cardHeading(page)).toMatch(/Transport Corridor/);
    // Loading the new version migrated them: version 3 keeps each saved fact's text.
    await expect
      .poll(async () => (await storedData(gloss)).bookmarks)
      .toEqual({
        version: 3,
        items: [{ ...valid('s-400', 'deal-value'), text: expect.any(String) }],
      });
    await page.close();
  }
});

test('storage full: a clear message on save, note, setting and import, and nothing written', async () => {
  await replaceStoredData(gloss, {
    bookmarks: { version: 2, items: [valid('s-400', 'deal-value'), valid('instc', 'chabahar')] },
  });
  // Leave 40 bytes of the 10 MB quota free.
  await gloss.worker.evaluate(async () => {
    const area = chrome.storage.local;
    const used = await area.getBytesInUse(null);
    await area.set({ filler: 'x'.repeat(area.QUOTA_BYTES - used - 'filler'.length - 2 - 40) });
  });
  const before = await storedData(gloss);
  const full = /storage for Gloss is full/;

  const page = await gloss.openFixture('demo-article.html');
  await hoverText(page, '#arms', 'CAATSA');
  const star = page.locator('gloss-root button.bookmark').first();
  await star.click();
  await expect.poll(() => page.locator('gloss-root .notice').textContent()).toMatch(full);
  expect(await star.getAttribute('aria-pressed')).toBe('false');

  const popup = await gloss.openPopup('?view=saved');
  await popup.getByRole('button', { name: /Add a note on S-400/ }).click();
  await popup
    .getByRole('textbox', { name: /Note on S-400/ })
    .fill('A note too long for the 40 bytes left. '.repeat(3));
  await popup.getByRole('button', { name: 'Save note' }).click();
  const alert = popup.locator('.saved-view [role=alert]');
  await expect.poll(() => alert.textContent()).toMatch(full);

  const file = join(dir, 'many.json');
  const items = Array.from({ length: 300 }, (_, i) => valid('brics', `fact-${i}`, `note ${i}`));
  writeFileSync(file, JSON.stringify({ format: 'gloss-bookmarks', version: 2, items }));
  await popup.locator('[data-testid=import-file]').setInputFiles(file);
  await expect.poll(() => alert.textContent()).toMatch(/many\.json.* not imported\. .*full/);

  await popup.getByRole('tab', { name: /Settings/ }).click();
  await popup.getByRole('radio', { name: 'Dark' }).click();
  await expect.poll(() => popup.locator('.settings-view [role=alert]').textContent()).toMatch(full);

  // Nothing at all was written: not the bookmark, the note, any of the 300, nor the setting.
  expect(await storedData(gloss)).toEqual(before);

  // With room again, the same file imports whole.
  await gloss.worker.evaluate(() => chrome.storage.local.remove('filler'));
  await popup.getByRole('tab', { name: /Saved/ }).click();
  await popup.locator('[data-testid=import-file]').setInputFiles(file);
  await expect
    .poll(() => popup.locator('.saved-view .message').first().textContent())
    .toMatch(/300 added/);
  expect(((await storedData(gloss)).bookmarks as { items: unknown[] }).items).toHaveLength(302);
  await popup.close();
  await page.close();
});
