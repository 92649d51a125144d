/**
 * Builds the extension into a folder of its own, optionally with synthetic terms added to the
 * fact base (`GLOSS_EXTRA_TERMS`), without touching `.output/`'s own builds:
 *
 *   tsx tests/bench/build-variant.ts <extra terms> <out dir> [firefox]
 *
 * The extension lands in `<out dir>/chrome-mv3`, or with `firefox` in `<out dir>/firefox-mv2`,
 * built with GLOSS_BENCH=1 so it posts each first scan's figures to the page (Firefox has no trace
 * to read them from; see entrypoints/gloss.ts). Run by the benchmark, one build per process (the
 * fact base is read once per process).
 */
import { build } from 'wxt';

const [extra = '0', outDir, target] = process.argv.slice(2);
if (!outDir) throw new Error('usage: build-variant.ts <extra terms> <out dir> [firefox]');
process.env.GLOSS_EXTRA_TERMS = extra;
if (target === 'firefox') {
  process.env.GLOSS_BENCH = '1';
  await build({ outDir, browser: 'firefox' });
} else {
  await build({ outDir });
}
