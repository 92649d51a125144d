/**
 * `npm run bench:focus -- [article|floor|hover|large|news|live|popup ...] [--reps N] [--dir build[,build…]]`: a
 * quick run of chosen measurements, printing medians, for working on one figure without the full
 * benchmark. Without `--dir` it builds the shipped extension; with several builds (say, before
 * and after a change) it alternates them, repetition by repetition, so a busy machine's drift
 * falls on both alike. The report is written only by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e/harness';
import { launchBench } from './browser';
import { measureArticleFloor, measureHoverFloor, writeFloorExtension } from './floors';
import { measureGloss, measureLive } from './measure';
import { INPUT_PAGE, generatePages } from './pages';
import { measurePopup, measureTypingFloor } from './popup';
import { quantile } from './stats';

const median = (list: number[]) => quantile(list, 0.5);

const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1] || 5) || 5;
const dirArg = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
const what = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const want = (name: string) => what.length === 0 || what.includes(name);

let dirs = dirArg ? dirArg.split(',') : [];
if (dirs.length === 0) {
  const out = join(repoRoot, '.output', 'bench', 'focus');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests/bench/build-variant.ts'), '0', out],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  dirs = [join(out, 'chrome-mv3')];
}
const pagesDir = mkdtempSync(join(tmpdir(), 'gloss-focus-'));
generatePages(pagesDir, 'full');
const fmt = (list: number[]) =>
  `${median(list).toFixed(2)} (${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)})`;
const rows = new Map<string, number[]>();
let label = '';
let ranges: [number, number, number][] = [];
const floorDir = writeFloorExtension(join(pagesDir, 'floor-extension'));
const add = (k: string, v: number) => {
  const key = `${k}${label}`;
  rows.set(key, [...(rows.get(key) ?? []), v]);
};
try {
  for (let run = 0; run < reps * dirs.length; run++) {
    const dir = dirs[run % dirs.length] as string;
    label = dirs.length > 1 ? ` [${run % dirs.length}]` : '';
    const browser = await launchBench(dir, pagesDir);
    try {
      if (want('article') || want('floor')) {
        const r = await measureGloss(browser, 'article.html', {
          ranges: want('floor'),
          again: true,
        });
        ranges = r.ranges ?? ranges;
        add('article total', r.totalMs);
        add('article start-up', r.startupMs);
        add('article marking', r.mark.ms);
        add('article render', r.mark.renderMs);
        add('article scan (own clock)', r.busyMs);
        add('article tasks', r.mark.tasks);
        add('article again: marking', r.again?.window.ms ?? NaN);
        add('article again: scan (own clock)', r.again?.busyMs ?? NaN);
        // V8's compiling, traced in a run of its own (tracing it costs time).
        const c = await measureGloss(browser, 'article.html', { compile: true });
        add('article compile: start-up', c.startupCompileMs);
        add('article compile: marking', c.mark.compileMs);
        add('article compile: share of total', (c.startupCompileMs + c.mark.compileMs) / c.totalMs);
      }
      if (want('hover')) {
        const r = await measureGloss(browser, 'large.html', { hover: 40 });
        add('hover per move', r.hover?.perMoveMs ?? NaN);
        add('hover first move', r.hover?.firstMs ?? NaN);
        add('large total', r.totalMs);
        add('large marking', r.mark.ms);
        add('large scan (own clock)', r.busyMs);
        add('large gc', r.mark.gcMs);
        const floor = await launchBench(floorDir, pagesDir);
        try {
          const points = r.hover?.points ?? [];
          add('hover floor: empty', await measureHoverFloor(floor, 'large.html', points));
          add(
            'hover floor: target',
            await measureHoverFloor(floor, 'large.html', points, 'target'),
          );
        } finally {
          await floor.close();
        }
      }
      for (const name of ['large', 'news'] as const) {
        if (!want(name)) continue;
        const r = await measureGloss(browser, `${name}.html`);
        add(`${name} total`, r.totalMs);
        add(`${name} marking`, r.mark.ms);
        add(`${name} scan (own clock)`, r.busyMs);
        add(`${name} gc`, r.mark.gcMs);
        add(`${name} longest slice`, r.longestSliceMs ?? NaN);
      }
      if (want('live')) {
        const on = await measureLive(browser, 'live.html', true);
        const off = await measureLive(browser, 'live.html', false);
        add('live script /50', (on.glossScriptMs / 1000) * 50);
        add('live paint on /50', (on.paintMs / 1000) * 50);
        add('live paint off /50', (off.paintMs / 1000) * 50);
        add('live paint added /50', ((on.paintMs - off.paintMs) / 1000) * 50);
        add('live worst delay', Math.max(...(on.gloss?.delays ?? [NaN])));
        add('live longest slice', on.gloss?.longestSliceMs ?? NaN);
      }
      if (want('popup')) {
        const r = await measurePopup(browser);
        add('popup first', r.shownMs);
        add('popup keystroke', median(r.keystrokesMs));
        // The same typing into a bare input: what a key costs before the popup does anything.
        const floor = await measureTypingFloor(browser, `${browser.origin}/${INPUT_PAGE}`);
        add('popup typing floor', median(floor));
      }
    } finally {
      await browser.close();
    }
    if (want('floor') && ranges.length > 0 && run % dirs.length === dirs.length - 1) {
      label = '';
      const floor = await launchBench(floorDir, pagesDir);
      try {
        const f = await measureArticleFloor(floor, 'article.html', ranges);
        add('floor start-up', f.startupMs);
        add('floor paint', f.paintMs);
        add('floor total', f.startupMs + f.paintMs);
      } finally {
        await floor.close();
      }
    }
  }
} finally {
  rmSync(pagesDir, { recursive: true, force: true });
}
dirs.forEach((d, i) => dirs.length > 1 && console.log(`[${i}] ${d}`));
for (const [k, v] of [...rows].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(`${k.padEnd(30)} ${fmt(v)}`);
