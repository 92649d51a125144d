/**
 * The background keeps each new bookmark's fact text, of the bundled pack or an imported one,
 * and migrates older bookmarks before a pack is replaced or removed, so their texts come from
 * the version the reader saved.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { oneTermBase } from '../one-term-base';
import { createBackgroundHandlers } from '../../../components/background/handlers';
import { BOOKMARKS_KEY, type BookmarkEnvelope } from '../../../components/store/bookmark-store';
import { fakeStorage } from '../store/fake-storage';

const sampleText = readFileSync(
  new URL('../../fixtures/packs/sample-glossary.json', import.meta.url),
  'utf8',
);
const sample = JSON.parse(sampleText) as {
  version: string;
  terms: { id: string; facts: { id: string; text: string }[] }[];
};
const base = oneTermBase();
const ORION = sample.terms[0]?.facts[0]?.text ?? '';

function setup() {
  const storage = fakeStorage();
  const { handlers } = createBackgroundHandlers({ loadFactBase: async () => base, storage });
  const call = <T>(type: string, payload: unknown) =>
    (handlers as Record<string, (p: unknown, s: unknown) => Promise<T>>)[type]!(payload, {});
  const items = () => (storage.dump()[BOOKMARKS_KEY] as BookmarkEnvelope).items;
  return { storage, call, items };
}

function newer(version: string, text: string): string {
  const pack = structuredClone(sample);
  pack.version = version;
  const fact = pack.terms[0]?.facts[0];
  if (fact) fact.text = text;
  return JSON.stringify(pack);
}

test('a new bookmark keeps the fact text of its pack; a sender cannot set it', async () => {
  const { call, items } = setup();
  await call('pack:import', { text: sampleText });
  await call('bookmark:toggle', { termId: 'instc', factId: 'route', page: null });
  await call('bookmark:toggle', {
    termId: 'sample-glossary~orion-corridor',
    factId: 'length',
    page: null,
    text: 'Forged by a page.',
  });
  await call('bookmark:toggle', {
    termId: 'sample-glossary~orion-corridor',
    factId: 'nope',
    page: null,
  });
  expect(items().map((b) => b.text)).toEqual(['Mumbai to Moscow via Iran.', ORION, undefined]);
});

test('older bookmarks take their texts before a pack is replaced, and before one is removed', async () => {
  const { storage, call, items } = setup();
  await call('pack:import', { text: sampleText });
  const v2 = (termId: string, factId: string) => ({
    termId,
    factId,
    savedAt: '2026-12-01T10:00:00.000Z',
    page: null,
    note: '',
  });
  await storage.set({
    [BOOKMARKS_KEY]: { version: 2, items: [v2('sample-glossary~orion-corridor', 'length')] },
  });
  await call('pack:import', { text: newer('1.1.0', 'A reworded fact of the route.') });
  expect(items()).toMatchObject([{ text: ORION }]);

  await storage.set({
    [BOOKMARKS_KEY]: { version: 2, items: [v2('sample-glossary~orion-corridor', 'length')] },
  });
  await call('pack:remove', { id: 'sample-glossary' });
  expect(items()).toMatchObject([{ text: 'A reworded fact of the route.' }]);
});
