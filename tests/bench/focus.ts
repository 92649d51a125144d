/**
 * `npm run bench:focus -- [article|hover|live|popup ...] [--reps N] [--dir build]`: a quick run of
 * chosen measurements on one build (the shipped fact base), printing medians, for working on
 * one figure without the full benchmark. The report is written only by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e/harness';
import { launchBench } from './browser';
import { measureGloss, measureLive } from './measure';
import { generatePages } from './pages';
import { measurePopup } from './popup';
import { quantile } from './stats';

const median = (list: number[]) => quantile(list, 0.5);

const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1] || 5) || 5;
const dirArg = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
const what = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const want = (name: string) => what.length === 0 || what.includes(name);

let dir = dirArg;
if (!dir) {
  const out = join(repoRoot, '.output', 'bench', 'focus');
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests/bench/build-variant.ts'), '0', out],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  dir = join(out, 'chrome-mv3');
}
const pagesDir = mkdtempSync(join(tmpdir(), 'gloss-focus-'));
generatePages(pagesDir, 'full');
const fmt = (list: number[]) =>
  `${median(list).toFixed(2)} (${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)})`;
const rows = new Map<string, number[]>();
const add = (k: string, v: number) => rows.set(k, [...(rows.get(k) ?? []), v]);
try {
  for (let rep = 0; rep < reps; rep++) {
    const browser = await launchBench(dir, pagesDir);
    try {
      if (want('article')) {
        const r = await measureGloss(browser, 'article.html');
        add('article total', r.totalMs);
        add('article start-up', r.startupMs);
        add('article marking', r.mark.ms);
        add('article render', r.mark.renderMs);
        add('article scan (own clock)', r.busyMs);
        add('article tasks', r.mark.tasks);
      }
      if (want('hover')) {
        const r = await measureGloss(browser, 'large.html', { hover: 40 });
        add('hover per move', r.hover?.perMoveMs ?? NaN);
        add('large total', r.totalMs);
      }
      if (want('live')) {
        const on = await measureLive(browser, 'live.html', true);
        const off = await measureLive(browser, 'live.html', false);
        add('live script /50', (on.glossScriptMs / 1000) * 50);
        add('live paint on /50', (on.paintMs / 1000) * 50);
        add('live paint off /50', (off.paintMs / 1000) * 50);
        add('live paint added /50', ((on.paintMs - off.paintMs) / 1000) * 50);
        add('live worst delay', Math.max(...(on.gloss?.delays ?? [NaN])));
      }
      if (want('popup')) {
        const r = await measurePopup(browser);
        add('popup first', r.shownMs);
        add('popup keystroke', median(r.keystrokesMs));
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  rmSync(pagesDir, { recursive: true, force: true });
}
for (const [k, v] of rows) console.log(`${k.padEnd(24)} ${fmt(v)}`);
