import { expect, test } from 'vitest';
import { buildPackSearch, lookUp } from '../../../components/background/selection-lookup';
import { bundledPack } from '../../../components/store/pack-writer';
import { addOwnTerm } from '../../../components/store/own-pack';
import { allTerms, loadSources } from '../data/load';

const bundled = bundledPack({
  terms: allTerms().map(({ file: _file, ...t }) => t),
  sources: loadSources(),
});

test('a misspelt selection finds the term as the popup ranks it; own terms are found with their pack', () => {
  const own = addOwnTerm(null, { text: 'Vega Accord' }, new Date('2026-12-07')).pack;
  const search = buildPackSearch([bundled, own], bundled.id);
  const answer = lookUp(search, '  Triumf\n systm ');
  expect(answer.query).toBe('Triumf systm');
  expect(answer.matches[0]).toMatchObject({ id: 's-400', pack: null });
  expect(lookUp(search, 'vega accord').matches[0]).toMatchObject({
    id: 'my-terms~vega-accord',
    pack: 'My terms',
  });
  expect(lookUp(search, 'zzqx wplk').matches).toEqual([]);
  expect(lookUp(search, 42).matches).toEqual([]);
});
