/**
 * Moving bookmarks between browsers: export JSON from one profile, import it into a fresh one,
 * and get the same bookmarks. A malformed or foreign file is refused with a message, and leaves
 * the saved bookmarks exactly as they were. Markdown and CSV exports download too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchGloss, replaceStoredData, storedData, type Gloss } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'gloss-transfer-'));
let source: Gloss;
beforeAll(async () => {
  source = await launchGloss();
});
afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

const bookmarks = [
  {
    termId: 's-400',
    factId: 'deal-value',
    savedAt: '2025-01-01T12:00:00.000Z',
    page: { title: 'Arms <b>deal</b>, "quoted"', url: 'https://news.example/arms?a=1&b=2' },
    note: 'Line one\nline two, with a comma',
  },
  {
    termId: 'sputnik-v',
    factId: 'india-approval',
    savedAt: '2025-01-03T12:00:00.000Z',
    page: null,
    note: '',
  },
  {
    termId: 'instc',
    factId: 'no-such-fact',
    savedAt: '2025-01-02T12:00:00.000Z',
    page: { title: 'Corridor', url: 'https://news.example/instc' },
    note: 'kept though the fact is gone',
  },
];

async function exportFile(popup: Page, button: RegExp): Promise<string> {
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: button }).click(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

const stored = async (gloss: Gloss) =>
  ((await storedData(gloss)).bookmarks as { items: unknown[] } | undefined)?.items ?? [];
const byKey = (items: unknown[]) =>
  [...(items as { termId: string; factId: string }[])].sort((a, b) =>
    `${a.termId}/${a.factId}`.localeCompare(`${b.termId}/${b.factId}`),
  );

test('export JSON, then import into a fresh profile: the same bookmarks', async () => {
  await replaceStoredData(source, { bookmarks: { version: 2, items: bookmarks } });
  const popup = await source.openPopup('?view=saved');
  await popup.locator('.saved-item').nth(2).waitFor();
  const json = await exportFile(popup, /^JSON$/);
  expect(json).toMatch(/gloss-bookmarks-\d{4}-\d{2}-\d{2}\.json$/);
  const md = await readFile(await exportFile(popup, /^Markdown$/), 'utf8');
  expect(md).toContain('## S\\-400 Triumf');
  expect(md).toContain('(https://news.example/arms?a=1&b=2)');
  const csv = await readFile(await exportFile(popup, /^CSV/), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('#separator:Comma');
  expect(csv).toContain('S-400 Triumf: Deal value?,');

  const fresh = await launchGloss();
  try {
    const target = await fresh.openPopup('?view=saved');
    await target.locator('.empty').waitFor();
    await target.locator('[data-testid=import-file]').setInputFiles(json);
    await expect.poll(() => target.locator('.message').textContent()).toMatch(/3 added/);
    const imported = byKey(await stored(fresh)) as Record<string, unknown>[];
    expect(imported.map(({ text: _, ...b }) => b)).toEqual(byKey(bookmarks));
    // Saved by an older Gloss, with no texts: each takes its fact's text now, where there is one.
    expect(imported.map((b) => typeof b.text)).toEqual(['undefined', 'string', 'string']);
    await expect.poll(() => target.locator('.saved-item').count()).toBe(3);

    // Importing the same file again adds nothing.
    await target.locator('[data-testid=import-file]').setInputFiles(json);
    await expect
      .poll(() => target.locator('.message').textContent())
      .toMatch(/0 added, 3 already saved/);
    expect(await stored(fresh)).toHaveLength(3);
  } finally {
    await fresh.close();
  }
  await popup.close();
});

test.each([
  ['malformed.json', '{"format": "gloss-bookmarks", "version": 2, "items": [', /not valid JSON/],
  [
    'foreign.json',
    JSON.stringify({ bookmarks: [{ url: 'https://x.example' }] }),
    /not a Gloss bookmarks file/,
  ],
  [
    'bad-item.json',
    JSON.stringify({
      format: 'gloss-bookmarks',
      version: 2,
      items: [bookmarks[0], { termId: 'x' }],
    }),
    /Bookmark 2 .*factId/,
  ],
  ['huge.json', ' '.repeat(2_100_000), /too large/],
])('importing %s is refused with a message and changes nothing', async (name, text, message) => {
  await replaceStoredData(source, { bookmarks: { version: 2, items: bookmarks } });
  const before = await storedData(source);
  const popup = await source.openPopup('?view=saved');
  await popup.locator('.saved-item').nth(2).waitFor();
  const path = join(dir, name);
  await writeFile(path, text);
  await popup.locator('[data-testid=import-file]').setInputFiles(path);
  const alert = popup.locator('[role=alert] .message.error');
  await expect.poll(() => alert.textContent()).toMatch(message);
  expect(await alert.textContent()).toContain(name);
  expect(await storedData(source)).toEqual(before);
  await popup.close();
});
