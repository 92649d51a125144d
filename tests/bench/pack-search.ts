/**
 * `npm run bench:pack-search -- [--terms N] [--reps N]`: how long the popup takes to index
 * an imported pack for search (it does so after its first paint), and to answer a query over it.
 * The pack is synthetic and wordier than the benchmark pack (a summary and three facts of about
 * 12 words per term, drawn from a vocabulary of about 1,700 words): about 6 MB, the size a real
 * pack of that many terms has. Prints
 * medians; asserts nothing (timings belong in reports, not in tests).
 */
import { performance } from 'node:perf_hooks';
import type { PackTerm } from '../../data/schema';
import { syntheticWord } from '../../data/synthetic-terms';
import { buildPackSearch, packSearchTerms } from '../../components/search/pack-search';
import { buildSearchIndex } from '../../components/search/search-index';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
const count = option('--terms', 10_000);
const reps = option('--reps', 7);

/** A sentence of `n` words of the shared vocabulary, picked deterministically from `seed`. */
function sentence(seed: number, n: number): string {
  const words: string[] = [];
  for (let k = 0; k < n; k++) {
    words.push(syntheticWord(((seed * 31 + k * 7907) >>> 0) % 8000).replace(/\d+$/, ''));
  }
  return `${words.join(' ')}.`;
}

function wordyPack(): { id: string; title: string; terms: PackTerm[] } {
  const terms: PackTerm[] = [];
  for (let i = 0; i < count; i++) {
    const word = syntheticWord(i + 100_000);
    terms.push({
      id: `term-${i}`,
      name: `${word[0]?.toUpperCase()}${word.slice(1)} Accord`,
      aliases: [word, `${word} Accord`],
      caseSensitive: false,
      expansion: sentence(i, 5),
      category: 'glossary',
      summary: sentence(i + 1, 12),
      facts: [0, 1, 2].map((f) => ({
        id: `fact-${f}`,
        text: sentence(i * 3 + f, 12),
        date: '2026',
        sources: ['notes'],
      })),
      related: [],
    });
  }
  return { id: 'wordy', title: 'Wordy pack', terms };
}

const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

const pack = wordyPack();
const bytes = JSON.stringify(pack).length;
const whole: number[] = [];
const longest: number[] = [];
const slices: number[] = [];
const sync: number[] = [];
const query: number[] = [];
const typo: number[] = [];
for (let r = 0; r < reps; r++) {
  // As in the popup: slices of about 8 ms, a turn of the event loop between them.
  let last = performance.now();
  let worst = 0;
  let count = 0;
  const pause = () =>
    new Promise<void>((resolve) => {
      worst = Math.max(worst, performance.now() - last);
      count++;
      setImmediate(() => {
        last = performance.now();
        resolve();
      });
    });
  const start = performance.now();
  const built = await buildPackSearch([pack], pause);
  worst = Math.max(worst, performance.now() - last);
  whole.push(performance.now() - start);
  longest.push(worst);
  slices.push(count);
  sync.push(time(() => buildSearchIndex(packSearchTerms([pack]), { fuseIndexes: false })));
  const searcher = built!.searcher;
  query.push(time(() => searcher.search(syntheticWord(100_123))));
  // A typo: the first fuzzy look-up of its letter makes that letter's Fuse index.
  const misspelt = `${syntheticWord(100_456).slice(0, -1)}x`;
  typo.push(time(() => searcher.search(misspelt)));
}
const f = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  [
    `pack: ${count} terms, ${(bytes / 1e6).toFixed(1)} MB as JSON; ${reps} repetitions, medians`,
    `indexed in slices: ${f(median(whole))} in all, ${median(slices)} slices, the longest ${f(median(longest))}`,
    `the same index in one go: ${f(median(sync))}`,
    `a query by name: ${f(median(query))}; a query with a typo (first use of its letter): ${f(median(typo))}`,
  ].join('\n'),
);
