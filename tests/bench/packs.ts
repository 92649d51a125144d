/**
 * `npm run bench:packs -- [--reps N] [--terms N] [--out file]`: what an imported 10,000-term pack
 * costs. In one browser with the shipped build it measures, alternating repetition by repetition,
 * Gloss on the article and the large page with the bundled pack alone and with the imported pack
 * on; and the background's import of the pack (check, index build, one storage write) as a
 * round trip from the options page. It prints medians and ratios and writes them to
 * `docs/benchmarks-packs.md`. The goal (issue on fact packs): per-page cost within 1.5x of the
 * bundled pack, the index built in under 1 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e/harness';
import { syntheticTerms, syntheticWord } from '../../data/synthetic-terms';
import { parsePackText } from '../../components/store/pack-format';
import { buildPackIndex, bundledPack } from '../../components/store/pack-writer';
import { emptyPackRecord } from '../../components/store/pack-store';
import { launchBench, type BenchBrowser } from './browser';
import { benchTerms } from './fact-base';
import { measureGloss } from './measure';
import { generatePages } from './pages';
import { ms, ratio, summarize } from './stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
const reps = Number(option('--reps', '5')) || 5;
const count = Number(option('--terms', '10000')) || 10000;
const out = option('--out', join(repoRoot, 'docs', 'benchmarks-packs.md'));
const median = (list: number[]) => summarize(list).median;

/** A pack of `count` synthetic terms citing one source, as a reader would import it. */
function packText(): string {
  const sources = JSON.parse(readFileSync(join(repoRoot, 'data', 'sources.json'), 'utf8')) as {
    id: string;
  }[];
  const pack = {
    format: 'gloss-pack/1',
    id: 'synthetic-bench',
    title: `Synthetic benchmark pack (${count} terms)`,
    version: '1.0.0',
    language: 'en',
    licence: 'CC0-1.0',
    sources: sources.filter((s) => s.id === 'india-briefing-2021-12'),
    terms: syntheticTerms(count),
  };
  return JSON.stringify(pack);
}

/** Sends one message to the background from an extension page, timed there. */
async function send(browser: BenchBrowser, type: string, payload: unknown): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return await page.evaluate(
      async ([t, p]) => {
        const start = performance.now();
        const answer = (await chrome.runtime.sendMessage({ type: t, payload: p })) as {
          error?: unknown;
        };
        if (answer && typeof answer === 'object' && 'error' in answer && answer.error) {
          throw new Error(JSON.stringify(answer.error));
        }
        return performance.now() - start;
      },
      [type, payload] as const,
    );
  } finally {
    await page.close();
  }
}

async function main() {
  const build = join(repoRoot, '.output', 'bench', 'packs');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests/bench/build-variant.ts'), '0', build],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  const pagesDir = mkdtempSync(join(tmpdir(), 'gloss-bench-packs-'));
  generatePages(pagesDir, 'full');
  // One synthetic term on a page of its own: proof that the imported index is the one in use.
  writeFileSync(
    join(pagesDir, 'probe.html'),
    `<!doctype html><html lang="en"><body><p>The ${syntheticWord(7)} came up.</p></body></html>`,
  );
  const text = packText();
  const bundled = bundledPack({ terms: benchTerms(0), sources: [] });

  // The background's work, in Node: the same functions, without the message and storage.
  const checkMs: number[] = [];
  const indexMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const parsed = parsePackText(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(`the bench pack is invalid: ${parsed.problems[0]?.message}`);
    const record = emptyPackRecord();
    record.items.push({ pack: parsed.pack, enabled: true, importedAt: '2026-12-06T00:00:00Z' });
    buildPackIndex(record, bundled);
    indexMs.push(performance.now() - t1);
    checkMs.push(t1 - t0);
  }

  const browser = await launchBench(join(build, 'chrome-mv3'), pagesDir);
  const importMs: number[] = [];
  const runs: Record<string, Record<'bundled' | 'pack', number[]>> = {
    article: { bundled: [], pack: [] },
    large: { bundled: [], pack: [] },
  };
  const occurrences: Record<string, Record<'bundled' | 'pack', number>> = {
    article: { bundled: 0, pack: 0 },
    large: { bundled: 0, pack: 0 },
  };
  const longest: number[] = [];
  try {
    importMs.push(await send(browser, 'pack:import', { text }));
    for (let rep = 0; rep < reps; rep++) {
      const order: ('bundled' | 'pack')[] = rep % 2 ? ['pack', 'bundled'] : ['bundled', 'pack'];
      for (const state of order) {
        await send(browser, 'pack:set-enabled', {
          id: 'synthetic-bench',
          enabled: state === 'pack',
        });
        const probe = (await measureGloss(browser, 'probe.html')).occurrences;
        if (probe !== (state === 'pack' ? 1 : 0)) {
          throw new Error(
            `the probe page has ${probe} marks with the pack ${state === 'pack' ? 'on' : 'off'}`,
          );
        }
        for (const page of ['article', 'large'] as const) {
          const result = await measureGloss(browser, `${page}.html`);
          runs[page]![state].push(result.totalMs);
          occurrences[page]![state] = result.occurrences;
          if (state === 'pack') longest.push(result.longestMs);
        }
      }
      process.stdout.write(`repetition ${rep + 1}/${reps} done\n`);
    }
    // The import again, replacing nothing: removed, then imported, timed.
    for (let i = 1; i < Math.min(reps, 3); i++) {
      await send(browser, 'pack:remove', { id: 'synthetic-bench' });
      importMs.push(await send(browser, 'pack:import', { text }));
    }
  } finally {
    await browser.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }

  const rows = (['article', 'large'] as const).map((page) => {
    const a = median(runs[page]!.bundled);
    const b = median(runs[page]!.pack);
    const o = occurrences[page]!;
    return `| ${page} | ${ms(a)} | ${ms(b)} | ${ratio(b / a)} | ${o.bundled} / ${o.pack} |`;
  });
  const report = [
    '# Benchmark: an imported 10,000-term pack',
    '',
    `Written by \`npm run bench:packs\` (${reps} repetitions, ${count} synthetic terms, ` +
      `${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}). Medians, ms; one run.`,
    '',
    'Gloss on each page: content-script start-up plus marking every occurrence, as in',
    '[the main benchmark](benchmarks.md). The goal: with the pack on, within 1.5x of the bundled',
    'pack alone. Occurrences are the same (the synthetic terms are on no page), so the difference',
    'is what reading and using the bigger index costs.',
    '',
    '| Page | Bundled pack | With the 10,000-term pack | Ratio (goal ≤ 1.5x) | Occurrences |',
    '| ---- | -----------: | ------------------------: | ------------------: | ----------: |',
    ...rows,
    '',
    `Longest task with the pack on: ${ms(Math.max(...longest))} ms.`,
    '',
    'The background, once per change of packs (goal: index built in under 1 s):',
    '',
    '| Step | Median (ms) |',
    '| ---- | ----------: |',
    `| Check the file (JSON syntax, JSON Schema, meaning), Node | ${ms(median(checkMs))} |`,
    `| Build the matcher index of the packs that are on, Node | ${ms(median(indexMs))} |`,
    `| Whole import in Chromium (message, check, index, one storage write) | ${ms(median(importMs))} |`,
    '',
  ].join('\n');
  writeFileSync(out, report);
  process.stdout.write(`${report}\nwritten to ${out}\n`);
}

await main();
