/**
 * The benchmark, once, on small pages with one repetition, so it cannot rot: it must build its
 * variants, generate and verify its pages, measure every variant, and write a report whose
 * figures are all there. It checks structure (every occurrence marked, numbers are finite),
 * never speed: speed lives in `docs/benchmarks.md`, produced by `npm run bench`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runBenchmark, type BenchResults } from '../bench/run';

const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finite = (value: number) => expect(Number.isFinite(value), `${value} is finite`).toBe(true);

test('the benchmark runs end to end and reports every figure', { timeout: 240_000 }, async () => {
  const out = join(dir, 'benchmarks.md');
  const results: BenchResults = await runBenchmark({
    scale: 'small',
    reps: 1,
    builds: [0, 1000],
    out,
    log: () => {},
  });

  const expected = Object.fromEntries(results.pages.map((p) => [p.name, p.occurrences]));
  for (const name of ['article', 'large', 'news']) {
    for (const extra of [0, 1000]) {
      const runs = results.static[name]?.[extra];
      expect(runs, `${name} with ${extra} extra terms`).toBeDefined();
      const [gloss] = runs?.gloss ?? [];
      expect(gloss).toBeDefined();
      if (!gloss) continue;
      // Every occurrence found and painted, whatever the size of the fact base.
      expect(gloss.occurrences).toBe(expected[name]);
      expect(gloss.painted).toBe(expected[name]);
      for (const value of [gloss.totalMs, gloss.startupMs, gloss.mark.ms, gloss.longestMs]) {
        finite(value);
      }
      expect(gloss.mark.ms).toBeGreaterThan(0);
      for (const variant of ['floor', 'markjs-best', 'markjs-array'] as const) {
        const [run] = runs?.[variant] ?? [];
        expect(run, variant).toBeDefined();
        if (run) finite(run.ms);
      }
      // mark.js at its best marks the same occurrences on these pages.
      expect(runs?.['markjs-best'][0]?.count).toBe(expected[name]);
    }
  }
  // The run that traces V8's compiling sees the scripts' first compiles and the lazy ones; the
  // ordinary runs record no lazy compile (the category is off there).
  const compiled = results.static.article?.[0]?.compiled?.[0];
  expect(compiled?.startupCompileMs).toBeGreaterThan(0);
  expect(compiled?.mark.compileMs).toBeGreaterThan(0);
  // The page code streams in as a module: V8 compiles it off the main thread.
  expect(compiled?.backgroundCompileMs).toBeGreaterThan(0);
  expect(results.static.article?.[0]?.gloss[0]?.mark.compileMs).toBe(0);
  const large = results.static.large?.[0]?.gloss[0];
  finite(large?.hover?.perMoveMs ?? NaN);
  expect(large?.hover?.firstMs).toBeGreaterThan(0);
  expect(large?.heap?.afterBytes).toBeGreaterThan(0);

  const live = results.live[0]?.[0];
  expect(live?.gloss?.unmarked).toBe(0);
  expect(live?.gloss?.delays.length).toBe(
    results.pages.find((p) => p.name === 'live')?.live?.paragraphs,
  );
  finite(live?.glossScriptMs ?? NaN);
  expect(results.liveBaseline).toHaveLength(1);

  const popup = results.popup[0]?.[0];
  finite(popup?.shownMs ?? NaN);
  expect(popup?.keystrokesMs.length).toBeGreaterThan(10);
  // The typing floor types the same keys into a bare page.
  expect(results.typingFloor?.[0]?.length).toBe(popup?.keystrokesMs.length);
  expect(results.typingFloor?.[0]?.every(Number.isFinite)).toBe(true);
  expect(results.search[0]?.every(Number.isFinite)).toBe(true);
  // The article's floor repaints Gloss's own marks, every one of them, with no Gloss code.
  const floor = results.articleFloor?.[0];
  expect(floor?.ranges).toBe(results.static.article?.[0]?.gloss[0]?.painted);
  expect(floor?.startupMs).toBeGreaterThan(0);
  finite(floor?.paintMs ?? NaN);
  // The article between ad frames: marked as the article is, start-up over the frames measured.
  const ads = results.adFrames?.gloss[0];
  expect(ads?.painted).toBe(expected.article);
  expect(ads?.startupMs).toBeGreaterThan(0);
  expect(results.adFrames?.floor[0]).toBeGreaterThan(0);

  // Firefox (installed wherever the browser tests run): every occurrence marked there too, the
  // floors measured, and the article's floor painted from Gloss's own ranges.
  for (const name of ['article', 'large']) {
    const ff = results.firefox?.pages[name];
    expect(ff?.gloss[0]?.painted, `Firefox, ${name}`).toBe(expected[name]);
    expect(ff?.gloss[0]?.busyMs).toBeGreaterThan(0);
    finite(ff?.gloss[0]?.wallMs ?? NaN);
    expect(ff?.floor[0]?.count).toBeGreaterThan(0);
    expect(ff?.['markjs-best'][0]?.count).toBe(expected[name]);
  }
  finite(results.firefox?.pages.article?.highlights[0] ?? NaN);

  for (const build of results.builds) {
    expect(build.contentGzip).toBeGreaterThan(0);
    expect(build.cardGzip).toBeGreaterThan(0);
    expect(build.leaks).toEqual([]);
  }

  const report = readFileSync(out, 'utf8');
  for (const heading of [
    '## Goals',
    '## At a glance',
    '## Page cost',
    '## Live page',
    '## Popup',
    '## Firefox',
    '## Method',
  ]) {
    expect(report).toContain(heading);
  }
  expect(report).toContain(results.machine.chromium);
  expect(report).toContain(results.firefox?.version ?? 'no Firefox version');
  expect(report).not.toMatch(/NaN|undefined|Infinity/);
});
