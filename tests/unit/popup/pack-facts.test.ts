/**
 * The popup's look-up over every pack (bundled and imported, on or off, or removed), and what
 * became of a saved fact: the same, changed since it was saved, or gone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { oneTermBase } from '../one-term-base';
import { indexFacts } from '../../../components/popup/fact-lookup';
import { savedFactOf, shownText } from '../../../components/popup/saved-fact';
import type { Pack, PackRecord } from '../../../components/store/pack-store';
import type { Bookmark } from '../../../components/store/bookmark-store';

const sample = JSON.parse(
  readFileSync(new URL('../../fixtures/packs/sample-glossary.json', import.meta.url), 'utf8'),
) as Pack;
const base = oneTermBase('Bundled source');
const BUNDLED = { id: 'india-russia-2021', title: 'India–Russia' };
const record = (enabled: boolean, pack: Pack = sample): PackRecord => ({
  version: 1,
  bundledEnabled: true,
  items: [{ pack, enabled, importedAt: '2026-12-06T00:00:00.000Z' }],
});
const bookmark = (termId: string, factId: string, text?: string): Bookmark => ({
  termId,
  factId,
  savedAt: '2026-12-06T10:00:00.000Z',
  page: null,
  note: '',
  ...(text === undefined ? {} : { text }),
});
const orion = sample.terms.find((t) => t.id === 'orion-corridor')!;

describe('indexFacts', () => {
  test('finds an imported term by its qualified id, with its pack, sources and related terms', () => {
    const facts = indexFacts(base, record(true), BUNDLED);
    const term = facts.term('sample-glossary~orion-corridor');
    expect(term?.name).toBe('Orion Corridor');
    expect(term?.id).toBe('sample-glossary~orion-corridor');
    expect(facts.related(term!)).toEqual([
      { id: 'sample-glossary~vega-accord', name: 'Vega Accord' },
    ]);
    expect(facts.fact('sample-glossary~orion-corridor', 'length')?.text).toBe(orion.facts[0]?.text);
    expect(Object.keys(facts.sourcesOf('sample-glossary~orion-corridor'))).toEqual(['test-notes']);
    expect(facts.source('test-notes', 'sample-glossary~orion-corridor')?.short).toBe('Test notes');
    expect(facts.packOf('sample-glossary~orion-corridor')).toEqual({
      id: 'sample-glossary',
      title: 'Sample glossary (test data)',
      bundled: false,
      state: 'on',
    });
    // The pack's own "s-400" does not hide (nor is hidden by) a bundled term of that id.
    expect(facts.term('s-400')).toBeUndefined();
    expect(facts.term('sample-glossary~s-400')?.name).toBe("S-400 (test pack's own entry)");
  });

  test('bundled terms keep their ids and sources', () => {
    const facts = indexFacts(base, record(true), BUNDLED);
    expect(facts.term('instc')?.name).toBe('INSTC');
    expect(facts.sourcesOf('instc')).toHaveProperty('src');
    expect(facts.packOf('instc')).toMatchObject({ bundled: true, state: 'on' });
  });

  test('a pack that is off still answers and says it is off; a removed one is named removed', () => {
    const off = indexFacts(base, record(false), BUNDLED);
    expect(off.term('sample-glossary~vega-accord')?.name).toBe('Vega Accord');
    expect(off.packOf('sample-glossary~vega-accord').state).toBe('off');
    const removed = indexFacts(base, { version: 1, bundledEnabled: true, items: [] }, BUNDLED);
    expect(removed.term('sample-glossary~vega-accord')).toBeUndefined();
    expect(removed.packOf('sample-glossary~vega-accord')).toMatchObject({
      id: 'sample-glossary',
      state: 'removed',
    });
  });
});

describe('savedFactOf', () => {
  const saved = orion.facts[0]!.text;
  test('the same text, or no saved text (saved by an older Gloss), is the same fact', () => {
    const facts = indexFacts(base, record(true), BUNDLED);
    for (const b of [
      bookmark('sample-glossary~orion-corridor', 'length', saved),
      bookmark('sample-glossary~orion-corridor', 'length'),
    ]) {
      expect(savedFactOf(b, facts).kind).toBe('same');
    }
  });

  test('a newer pack that rewords the fact: changed, with both texts', () => {
    const newer: Pack = {
      ...sample,
      version: '1.1.0',
      terms: sample.terms.map((t) =>
        t.id === 'orion-corridor'
          ? { ...t, facts: [{ ...t.facts[0]!, text: 'The route is now 9 units long.' }] }
          : t,
      ),
    };
    const result = savedFactOf(
      bookmark('sample-glossary~orion-corridor', 'length', saved),
      indexFacts(base, record(true, newer), BUNDLED),
    );
    expect(result.kind).toBe('changed');
    expect(result.kind === 'changed' && [result.saved, result.fact.text]).toEqual([
      saved,
      'The route is now 9 units long.',
    ]);
    expect(shownText(result)).toBe('The route is now 9 units long.');
  });

  test('a fact dropped by a newer pack, or a removed pack: gone, the saved text kept', () => {
    const dropped: Pack = {
      ...sample,
      version: '1.2.0',
      terms: sample.terms.filter((t) => t.id !== 'orion-corridor'),
    };
    const b = bookmark('sample-glossary~orion-corridor', 'length', saved);
    const gone = savedFactOf(b, indexFacts(base, record(true, dropped), BUNDLED));
    expect(gone).toMatchObject({ kind: 'gone', saved, pack: { title: sample.title, state: 'on' } });
    expect(shownText(gone)).toBe(saved);
    const removed = savedFactOf(b, indexFacts(base, null, BUNDLED));
    expect(removed).toMatchObject({ kind: 'gone', saved, pack: { state: 'removed' } });
  });

  test('a bundled fact that changed is flagged the same way', () => {
    const b = bookmark('instc', 'route', 'Mumbai to Moscow.');
    const result = savedFactOf(b, indexFacts(base, null, BUNDLED));
    expect(result).toMatchObject({
      kind: 'changed',
      saved: 'Mumbai to Moscow.',
      pack: { bundled: true },
    });
  });
});
