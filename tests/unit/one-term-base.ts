/** A fact base of one term (INSTC) and one source, for tests that need the bundled pack small. */
import type { FactBase } from '../../data/fact-base';

/** The base; `short` names its source as the test expects to see it. */
export function oneTermBase(short = 'Src'): FactBase {
  return {
    terms: [
      {
        id: 'instc',
        name: 'INSTC',
        aliases: ['INSTC'],
        caseSensitive: true,
        expansion: 'International North–South Transport Corridor',
        category: 'economy',
        summary:
          'A multimodal route from India to Russia through Iran, long enough for the schema.',
        facts: [
          { id: 'route', text: 'Mumbai to Moscow via Iran.', date: '2021', sources: ['src'] },
        ],
        related: [],
      },
    ],
    sources: [
      {
        id: 'src',
        short,
        title: 't',
        publisher: 'p',
        author: null,
        published: '2021',
        kind: 'news',
      },
    ],
  };
}
