/** Small hand-made terms for matcher tests, independent of the bundled fact base. */
import type { Term } from '../../../data/schema';

function term(
  id: string,
  aliases: string[],
  caseSensitive: boolean,
  extra: Partial<Term> = {},
): Term {
  return {
    id,
    name: aliases[0] ?? id,
    aliases,
    caseSensitive,
    expansion: id,
    category: 'defence',
    summary: 'A test term used only by the unit tests of the matcher, long enough for the schema.',
    facts: [
      { id: 'f', text: 'A fact for the tests.', date: '2021', sources: ['news18-2021-12-06'] },
    ],
    related: [],
    ...extra,
  };
}

export const TEST_TERMS: Term[] = [
  term('ak-203', ['AK-203'], true),
  term('s-400', ['S-400', 'S-400 Triumf'], true),
  term('su-30', ['Su-30', 'Sukhoi Su-30MKI'], false),
  term('sakhalin-1', ['Sakhalin-1'], false),
  term('two-plus-two', ['2+2', '2+2 dialogue', '2 Plus 2'], false),
  term('instc', ['INSTC', 'International North-South Transport Corridor'], true),
  term('sco', ['SCO', 'Shanghai Cooperation Organisation'], true, {
    contextRules: [{ alias: 'SCO', unlessNear: ['Unix', 'lawsuit'], window: 12 }],
  }),
  term('quad', ['Quad'], true),
  term('asia-pacific', ['Asia-Pacific'], false),
  term('putin', ['Vladimir Putin', 'Putin'], false),
  term('jaishankar', ['S. Jaishankar', 'Jaishankar'], false),
  term('caatsa', ['CAATSA', "Countering America's Adversaries Through Sanctions Act"], false),
  term('nsg', ['NSG', 'Nuclear Suppliers Group'], true, {
    contextRules: [{ alias: 'NSG', onlyNear: ['nuclear', 'suppliers', 'membership'], window: 10 }],
  }),
  term('modi', ['Narendra Modi', 'Modi'], false),
  term('kudankulam', ['Kudankulam', 'Kudankulam nuclear power plant'], false),
  term('strategic-autonomy', ['strategic autonomy'], false),
  term('covid', ['Covid-19'], false, { anyCase: true }),
  term('ostpolitik', ['Österreich Ostpolitik', 'Ölmarkt'], false),
];
