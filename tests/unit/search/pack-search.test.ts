/**
 * Searching imported packs: their index is built in the popup, in slices, and answers beside the
 * bundled index; results name their pack, and the empty box lists each pack's terms under it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { syntheticTerms } from '../../../data/synthetic-terms';
import {
  buildPackSearch,
  mergeSearchers,
  packSearchTerms,
  type SearchablePack,
} from '../../../components/search/pack-search';
import { createCoreSearcher } from '../../../components/search/search-core';
import {
  buildSearchIndex,
  buildSearchIndexInSlices,
} from '../../../components/search/search-index';
import { browseGroups } from '../../../components/popup/popup-options';

const sample = JSON.parse(
  readFileSync(new URL('../../fixtures/packs/sample-glossary.json', import.meta.url), 'utf8'),
) as SearchablePack;
const now = () => Promise.resolve();
const bundled = createCoreSearcher(buildSearchIndex(syntheticTerms(30)));

describe('buildPackSearch', () => {
  test('finds an imported term by name, alias, fact word and typo, with its pack', async () => {
    const built = await buildPackSearch([sample], now);
    const search = (q: string) => built!.searcher.search(q).map((h) => h.term.id);
    expect(search('orion')[0]).toBe('sample-glossary~orion-corridor');
    expect(search('OC-7')[0]).toBe('sample-glossary~orion-corridor');
    expect(search('accord')).toContain('sample-glossary~vega-accord');
    expect(search('orrion')[0]).toBe('sample-glossary~orion-corridor');
    expect(built!.searcher.search('vega')[0]?.term.pack).toEqual({
      id: 'sample-glossary',
      title: 'Sample glossary (test data)',
    });
  });

  test('no packs, no index', async () => {
    expect(await buildPackSearch([], now)).toBeNull();
  });

  test('built in slices, the index is the one built in one go', async () => {
    const pack = { id: 'big', title: 'Big', terms: syntheticTerms(2000) };
    let pauses = 0;
    const sliced = await buildSearchIndexInSlices(packSearchTerms([pack]), { sliceMs: 0 }, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBeGreaterThan(2000);
    expect(sliced).toEqual(buildSearchIndex(packSearchTerms([pack]), { fuseIndexes: false }));
  });

  test('a 10,000-term pack is indexed and searchable (timing: tests/bench/pack-search.ts)', async () => {
    const pack = { id: 'big', title: 'Big', terms: syntheticTerms(10_000) };
    const built = await buildPackSearch([pack], now);
    expect(built?.index.terms).toHaveLength(10_000);
    expect(built?.searcher.search('synthetic fact number 9876')[0]?.term.id).toBe(
      'big~synthetic-9876',
    );
  });
});

describe('mergeSearchers', () => {
  test('both indexes answer, best score first; terms and positions follow on', async () => {
    const built = await buildPackSearch([sample], now);
    const merged = mergeSearchers(bundled, built!.searcher);
    expect(merged.terms).toHaveLength(bundled.terms.length + sample.terms.length);
    const hits = merged.search('accord');
    expect(hits.some((h) => h.term.id === 'sample-glossary~vega-accord')).toBe(true);
    expect(hits.some((h) => h.term.id.startsWith('synthetic-'))).toBe(true);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    for (const h of hits) expect(merged.terms[h.index]).toBe(h.term);
    expect(merged.search('accord', 3)).toHaveLength(3);
  });

  test('the fuzzy look-up, loaded later, reaches the bundled searcher', async () => {
    const built = await buildPackSearch([sample], now);
    const calls: string[] = [];
    const merged = mergeSearchers(
      createCoreSearcher(buildSearchIndex(syntheticTerms(3))),
      built!.searcher,
    );
    merged.search('synthetik');
    expect(merged.missedFuzzy).toBe(true);
    merged.setFuzzy((letter, word) => {
      calls.push(word);
      return [];
    });
    merged.search('synthetik');
    expect(calls).toEqual(['synthetik']);
  });
});

describe('the empty box', () => {
  test('lists each imported pack under its title, after the categories', async () => {
    const built = await buildPackSearch([sample], now);
    const merged = mergeSearchers(bundled, built!.searcher);
    const groups = browseGroups(merged.terms, null);
    const last = groups[groups.length - 1];
    expect(last?.label).toBe('Sample glossary (test data)');
    expect(last?.options.map((o) => o.kind === 'term' && o.term.name)).toEqual([
      'Orion Corridor',
      "S-400 (test pack's own entry)",
      'Vega Accord',
    ]);
    // Bundled categories list only bundled terms, even where a pack uses a category name.
    expect(
      groups
        .slice(0, -1)
        .flatMap((g) => g.options)
        .every((o) => o.kind !== 'term' || !o.term.pack),
    ).toBe(true);
  });

  test('the terms of a page include an imported pack’s', async () => {
    const built = await buildPackSearch([sample], now);
    const merged = mergeSearchers(bundled, built!.searcher);
    const page = {
      host: 'x',
      enabled: true,
      terms: [{ id: 'sample-glossary~vega-accord', count: 2 }],
    };
    expect(browseGroups(merged.terms, page)[0]?.options[0]).toMatchObject({
      kind: 'term',
      count: 2,
      term: { name: 'Vega Accord' },
    });
  });
});
