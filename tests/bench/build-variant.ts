/**
 * Builds the Chrome extension into a folder of its own, optionally with synthetic terms added to
 * the fact base (`GLOSS_EXTRA_TERMS`), without touching `.output/chrome-mv3`:
 *
 *   tsx tests/bench/build-variant.ts <extra terms> <out dir>
 *
 * The extension lands in `<out dir>/chrome-mv3`. Run by the benchmark, one build per process
 * (the fact base is read once per process).
 */
import { build } from 'wxt';

const [extra = '0', outDir] = process.argv.slice(2);
if (!outDir) throw new Error('usage: build-variant.ts <extra terms> <out dir>');
process.env.GLOSS_EXTRA_TERMS = extra;
await build({ outDir });
