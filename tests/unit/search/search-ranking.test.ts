/**
 * Search ranking over the real fact base: each query with the term that must come first. Typos,
 * punctuation, case and words from facts included. No timings here (see the benchmark).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Term } from '../../../data/schema';
import { parseFactBase } from '../../../data/fact-base';
import { buildSearchIndex } from '../../../components/search/search-index';
import { createCoreSearcher } from '../../../components/search/search-core';
import { createFuzzyLookup } from '../../../components/search/search-fuzzy';
import { createSearcher } from '../../../components/search/search-query';
import { syntheticTerms } from '../../../data/synthetic-terms';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));
function loadTerms(): Term[] {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(`${dataDir}terms`).filter((f) => f.endsWith('.json'))) {
    files[name] = JSON.parse(readFileSync(`${dataDir}terms/${name}`, 'utf8'));
  }
  return parseFactBase(files, JSON.parse(readFileSync(`${dataDir}sources.json`, 'utf8'))).terms;
}

// The index goes through JSON, as it does in the build.
const terms = loadTerms();
const searcher = createSearcher(JSON.parse(JSON.stringify(buildSearchIndex(terms))));
const first = (query: string) => searcher.search(query)[0]?.term.id;

describe('the term expected first', () => {
  test.each([
    // Names, aliases and acronyms.
    ['instc', 'instc'],
    ['INSTC', 'instc'],
    ['north south transport', 'instc'],
    ['caatsa', 'caatsa'],
    ['relos', 'relos'],
    ['sco', 'sco'],
    ['shanghai', 'sco'],
    ['putin', 'vladimir-putin'],
    ['koodankulam', 'kudankulam'],
    // Punctuation- and case-insensitive.
    ['s400', 's-400'],
    ['S 400', 's-400'],
    ['su30', 'su-30'],
    ['SU-30MKI', 'su-30'],
    ['sakhalin 1', 'sakhalin-1'],
    ['Sakhalin–1', 'sakhalin-1'],
    ['ak203', 'ak-203'],
    ['2+2', 'two-plus-two-dialogue'],
    ['2 + 2 dialogue', 'two-plus-two-dialogue'],
    // Typos.
    ['sputnick', 'sputnik-v'],
    ['puttin', 'vladimir-putin'],
    ['bramos', 'brahmos'],
    ['chahbahar', 'chabahar'],
    ['vladivostock', 'vladivostok'],
    ['gaganyan', 'gaganyaan'],
    // Prefixes while typing.
    ['spu', 'sputnik-v'],
    ['kudan', 'kudankulam'],
    // A word of a name outranks the same word in passing.
    ['triumf', 's-400'],
    ['rifle', 'ak-203'],
    ['taliban', 'afghanistan'],
    // A word from a fact finds its term.
    ['Kabul', 'afghanistan'],
  ])('%s → %s', (query, expected) => {
    expect(terms.some((t) => t.id === expected)).toBe(true);
    expect(first(query)).toBe(expected);
  });
});

describe('ranking rules', () => {
  test('an exact name comes before a name that merely starts with the query', () => {
    const hits = searcher.search('covid');
    expect(hits[0]?.term.id).toBe('covid-19-cooperation');
    expect(hits[0]?.score).toBe(0);
  });

  test('a fact word ranks below every name match, and is marked as such', () => {
    const hits = searcher.search('putin');
    expect(hits[0]).toMatchObject({ via: 'name', score: 0 });
    expect(hits.slice(1).every((h) => h.via === 'text')).toBe(true);
  });

  test('every query word must match (AND)', () => {
    for (const hit of searcher.search('nuclear russia')) {
      const t = terms.find((x) => x.id === hit.term.id)!;
      const text = JSON.stringify(t).toLowerCase();
      expect(text).toContain('nuclear');
      expect(text).toContain('russia');
    }
  });

  test('empty and punctuation-only queries return nothing; the limit holds', () => {
    expect(searcher.search('')).toEqual([]);
    expect(searcher.search(' -–. ')).toEqual([]);
    expect(searcher.search('a', 3).length).toBeLessThanOrEqual(3);
  });

  test('nonsense finds nothing', () => {
    expect(searcher.search('xqzvw')).toEqual([]);
  });
});

test('with 10,000 synthetic terms the real terms still rank the same', () => {
  const big = createSearcher(buildSearchIndex([...terms, ...syntheticTerms(10_000)]));
  for (const [query, expected] of [
    ['sputnick', 'sputnik-v'],
    ['s400', 's-400'],
    ['Kabul', 'afghanistan'],
    ['kalomir76', 'synthetic-76'],
  ] as const) {
    expect(big.search(query)[0]?.term.id, query).toBe(expected);
  }
});

test('the index keeps the terms A–Z by name, whatever their order in the fact base', () => {
  const index = buildSearchIndex([...terms].reverse());
  const names = index.terms.map((t) => t.name);
  expect(names).toEqual(
    [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
  );
  expect(names).not.toEqual(terms.map((t) => t.name));
  const hit = createSearcher(index).search('kudankulam')[0];
  expect(index.terms[hit?.index ?? -1]?.id).toBe('kudankulam');
});

test('the fuzzy pass can arrive later: a typo matches once it is there', () => {
  const index = JSON.parse(JSON.stringify(buildSearchIndex(terms))) as ReturnType<
    typeof buildSearchIndex
  >;
  const core = createCoreSearcher(index);
  expect(core.search('sputnik')[0]?.term.id).toBe('sputnik-v');
  expect(core.missedFuzzy).toBe(false);
  expect(core.search('sputnick')).toEqual([]);
  expect(core.missedFuzzy).toBe(true);
  core.setFuzzy(createFuzzyLookup(index));
  expect(core.search('sputnick')[0]?.term.id).toBe('sputnik-v');
  expect(core.missedFuzzy).toBe(false);
  // Nonsense has no fuzzy bucket to look in: nothing was skipped.
  expect(createCoreSearcher(index).search('xqzvw')).toEqual([]);
});
