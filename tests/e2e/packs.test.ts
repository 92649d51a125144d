/**
 * Fact packs end to end: a pack file imported on the options page is marked and carded in a tab
 * that was already open, without a reload; switched off and removed it leaves the page as the
 * built-in pack marks it; a broken file is refused with its lines and nothing stored; a newer
 * version shows what it changes before it replaces the old one.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardReport,
  fixturesDir,
  hoverText,
  importPackFile,
  launchGloss,
  markedTerms,
  storedData,
  type Gloss,
} from './harness';

let gloss: Gloss;
const dir = mkdtempSync(join(tmpdir(), 'gloss-packs-'));
const samplePath = join(fixturesDir, 'packs', 'sample-glossary.json');
beforeAll(async () => {
  gloss = await launchGloss();
});
afterAll(async () => {
  await gloss?.close();
});

const ids = async (page: Page) => (await markedTerms(page)).map((m) => m.id);
const BUILT_IN = ['instc', 's-400'];
const WITH_PACK = [
  'sample-glossary~orion-corridor',
  'sample-glossary~vega-accord',
  'instc',
  's-400',
];

async function openOptions(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(`chrome-extension://${gloss.extensionId}/options.html#packs`);
  await page.getByRole('heading', { name: 'Fact packs' }).waitFor();
  return page;
}

/** Writes `text` to a file and hands it to the options page's file picker. */
async function chooseFile(options: Page, name: string, text: string): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, text);
  await options.setInputFiles('input[type=file]', file);
}

test('import, mark in an open tab, card, switch off, remove', async () => {
  const article = await gloss.openFixture('packs.html');
  expect(await ids(article)).toEqual(BUILT_IN);

  const options = await openOptions();
  await expect.poll(() => options.locator('.pack-list li').count()).toBe(1);
  await options.setInputFiles('input[type=file]', samplePath);
  const confirm = options.locator('.pack-confirm');
  await confirm.getByText('Sample glossary (test data)').waitFor();
  expect(await confirm.textContent()).toContain('3 terms');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options
    .getByRole('status')
    .getByText(/imported: 3 terms/)
    .waitFor();

  // The open tab re-marks itself from the stored index: no reload.
  await expect.poll(() => ids(article), { timeout: 5000 }).toEqual(WITH_PACK);
  await article.bringToFront();
  await hoverText(article, '#made-up', 'Orion Corridor');
  await expect.poll(async () => (await cardReport(article))?.heading).toBe('Orion Corridor');
  expect((await cardReport(article))?.text).toContain(
    'From the pack “Sample glossary (test data)”',
  );
  await article.mouse.move(2, 2);
  await expect.poll(async () => (await cardReport(article))?.heading ?? null).toBeNull();

  // Both packs claim "S-400": the page marks the built-in term, whose card names the other.
  await hoverText(article, '#built-in', 'S-400');
  await expect.poll(async () => (await cardReport(article))?.heading).toBe('S-400 Triumf');
  expect((await cardReport(article))?.text).toContain(
    "Also in other packs:S-400 (test pack's own entry) · Sample glossary (test data)",
  );
  await article.mouse.move(2, 2);
  await expect.poll(async () => (await cardReport(article))?.heading ?? null).toBeNull();

  // Off: the tab goes back to the built-in marks.
  await options.getByRole('switch', { name: 'Sample glossary (test data)' }).uncheck();
  await expect.poll(() => ids(article), { timeout: 5000 }).toEqual(BUILT_IN);
  expect((await storedData(gloss))['packs.index']).toBeNull();
  // The built-in pack off too: nothing is marked.
  await options.getByRole('switch', { name: 'India–Russia relations, December 2021' }).uncheck();
  await expect.poll(() => ids(article), { timeout: 5000 }).toEqual([]);
  await options.getByRole('switch', { name: 'India–Russia relations, December 2021' }).check();
  await expect.poll(() => ids(article), { timeout: 5000 }).toEqual(BUILT_IN);

  await options.getByRole('button', { name: 'Remove Sample glossary (test data)' }).click();
  await expect.poll(() => options.locator('.pack-list li').count()).toBe(1);
  const stored = await storedData(gloss);
  expect((stored.packs as { items: unknown[] }).items).toEqual([]);
  await options.close();
  await article.close();
});

test('a broken file is refused with its lines; nothing is stored', async () => {
  const options = await openOptions();
  const before = await storedData(gloss);
  const broken = readFileSync(samplePath, 'utf8')
    .replace('"version": "1.0.0"', '"version": "one"')
    .replace(
      '"sources": ["test-notes"],\n          "key"',
      '"sources": ["missing"],\n          "key"',
    );
  await chooseFile(options, 'broken.json', broken);
  const alert = options.locator('.packs [role=alert]');
  await alert.getByText('broken.json was not imported:').waitFor();
  expect(await alert.textContent()).toMatch(/Line 5, column \d+: version must be a version/);
  await chooseFile(options, 'not-json.json', '{ "format": "gloss-pack/1", oops }');
  await alert.getByText(/Line 1, column \d+: Not valid JSON/).waitFor();
  expect(await storedData(gloss)).toEqual(before);
  await options.close();
});

test('a CSV glossary becomes a pack: marked in the open tab, refused with its lines when bad', async () => {
  const article = await gloss.openFixture('packs.html');
  const options = await openOptions();
  await chooseFile(options, 'bad words.csv', 'term,aliases,note\nRepo rate,,\n,orphan,\n');
  await options
    .locator('.packs [role=alert]')
    .getByText('Line 3, column 1: The term (first column) is empty.')
    .waitFor();
  await chooseFile(
    options,
    'exam words.csv',
    'term,aliases,note\nRepo rate,policy rate,"The rate a central bank lends at, short term."\n' +
      'Current account deficit,CAD,\n',
  );
  await options.locator('.pack-confirm').getByText('exam words.csv').waitFor();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText(/exam words\.csv .* imported: 2 terms/).waitFor();
  await expect
    .poll(() => markedTerms(article), { timeout: 5000 })
    .toContainEqual(expect.objectContaining({ id: 'exam-words~repo-rate' }));
  const glossary = (await markedTerms(article)).filter((m) => m.id.startsWith('exam-words~'));
  // "repo rate" in lower case is marked; "CAD" only in capitals (not "cad").
  expect(glossary.map((m) => m.text)).toEqual(['repo rate', 'CAD']);
  await options.getByRole('button', { name: 'Remove exam words.csv' }).click();
  await expect.poll(() => ids(article), { timeout: 5000 }).not.toContain('exam-words~repo-rate');
  await options.close();
  await article.close();
});

test('a newer version shows what changes, then replaces the old one', async () => {
  const options = await openOptions();
  await importPackFile(options, samplePath);

  const pack = JSON.parse(readFileSync(samplePath, 'utf8'));
  pack.version = '1.1.0';
  pack.terms = pack.terms.filter((t: { id: string }) => t.id !== 's-400');
  pack.terms.push({
    ...pack.terms[1],
    id: 'lyra-forum',
    name: 'Lyra Forum',
    aliases: ['Lyra Forum'],
  });
  await chooseFile(options, 'newer.json', JSON.stringify(pack, null, 2));
  const confirm = options.locator('.pack-confirm');
  await confirm.getByText('Replaces version').waitFor();
  const text = await confirm.textContent();
  expect(text).toContain('Terms addedlyra-forum');
  expect(text).toContain('Terms removeds-400');
  await options.getByRole('button', { name: 'Replace' }).click();
  await options.getByText('1.1.0 · 3 terms').waitFor();

  // Shared as a file: the stored pack, in the format it came in, importable as it is.
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export Sample glossary (test data)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('sample-glossary-1.1.0.json');
  const saved = join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8'));
  expect(exported.version).toBe('1.1.0');
  expect(exported.terms.map((t: { id: string }) => t.id)).toContain('lyra-forum');

  // The same version again is refused, with the reason.
  await chooseFile(options, 'again.json', JSON.stringify(pack));
  await options
    .locator('.packs [role=alert]')
    .getByText(/already imported/)
    .waitFor();
  await options.close();
});
