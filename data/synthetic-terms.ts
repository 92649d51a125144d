/**
 * Deterministic made-up terms for the benchmark's large builds (1,000 and 10,000 extra terms), so
 * the benchmark can show that a page's cost does not grow with the size of the fact base. Never
 * part of a release build.
 */
import type { Term } from './schema';

const SYLLABLES = ['ka', 'lo', 'mir', 'van', 'tes', 'ru', 'dan', 'pol', 'zen', 'shi', 'ob', 'gar'];

/** A pseudo-random word for index `i`, e.g. "kalomir"; the same `i` always gives the same word. */
export function syntheticWord(i: number): string {
  let x = (i * 2654435761) >>> 0;
  let word = '';
  for (let k = 0; k < 3; k++) {
    word += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) ^ (i + k * 7919);
  }
  return `${word}${i}`;
}

/** `count` synthetic terms with two aliases each (a single word and a two-word name). */
export function syntheticTerms(count: number): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < count; i++) {
    const word = syntheticWord(i);
    terms.push({
      id: `synthetic-${i}`,
      name: `Synthetic ${word}`,
      aliases: [word, `${word} Accord`],
      caseSensitive: false,
      expansion: `Synthetic benchmark term ${i}`,
      category: 'mechanisms',
      summary: 'A made-up term that exists only in benchmark builds, to measure how cost scales.',
      facts: [
        {
          id: 'only',
          text: `Synthetic fact number ${i} for benchmarks.`,
          date: '2021',
          sources: ['india-briefing-2021-12'],
        },
      ],
      related: [],
    });
  }
  return terms;
}
