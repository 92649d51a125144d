/**
 * `npm run bench`: builds Gloss (as shipped, and with 1,000 and 10,000 synthetic terms), generates
 * the pages, measures everything in real Chromium (and the article and the large page in Firefox
 * ESR, when installed), and writes `docs/benchmarks.md`.
 *
 *   npm run bench                         the full run (about ten minutes)
 *   npm run bench -- --reps 5             more repetitions
 *   npm run bench -- --small --reps 1     the smoke test's quick version (small pages)
 *   npm run bench -- --builds 0,1000      fewer builds
 *   npm run bench -- --out /tmp/b.md      write elsewhere
 *   npm run bench -- --no-firefox         Chromium only (Firefox ESR is measured when installed)
 *
 * Each repetition launches one fresh browser per build, in rotating order, and within it runs
 * every variant of every page in rotating order, so slow drifts of the machine spread evenly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath, repoRoot } from '../e2e/harness';
import { firefoxPath } from '../e2e/firefox-harness';
import { buildMatcherIndex } from '../../components/shared/matcher-index';
import { compileMatcher } from '../../components/page/matcher';
import { launchBench } from './browser';
import {
  measureArticleFloor,
  measureHoverFloor,
  writeFloorExtension,
  type ArticleFloor,
} from './floors';
import { benchTerms, bestPattern, markNames } from './fact-base';
import {
  measureCompetitor,
  measureGloss,
  measureHeap,
  measureLive,
  type CompetitorResult,
  type GlossStaticResult,
  type LiveResult,
} from './measure';
import { PAGE_HIGHLIGHTS } from './scripts';
import {
  INPUT_PAGE,
  AD_FRAMES_PAGE,
  STATIC_PAGES,
  generatePages,
  textsOf,
  type PageInfo,
  type Scale,
} from './pages';
import {
  measurePopup,
  measurePopupFloor,
  measureTypingFloor,
  searchTimes,
  type PopupResult,
} from './popup';
import { measureFirefox, type FirefoxResults } from './firefox';
import { renderReport } from './report';

export interface BenchOptions {
  scale: Scale;
  reps: number;
  /** Synthetic terms added per build; 0 is the build as shipped. */
  builds: number[];
  /** Where the Markdown report goes (null: nowhere). */
  out: string | null;
  /** Also measure the article and the large page in Firefox ESR (default: when it is installed). */
  firefox?: boolean;
  /** Reuse existing builds in `.output/bench/`. */
  skipBuild?: boolean;
  /** Only re-write the report from the last run's figures (`.output/bench/results-<scale>.json`). */
  render?: boolean;
  log?: (message: string) => void;
}

export type Variant = 'gloss' | 'compiled' | 'floor' | 'walk' | 'markjs-best' | 'markjs-array';
export const COMPETITORS = ['floor', 'markjs-best', 'markjs-array'] as const;

/** The files every page runs: the content script and the page code it imports at once. */
export const PAGE_CODE = ['gloss.js', 'gloss-main.js'];

export interface BuildInfo {
  extra: number;
  terms: number;
  dir: string;
  /** What every page runs: the content script and the page code it imports (PAGE_CODE). */
  contentBytes: number;
  contentGzip: number;
  /** The card UI bundle, loaded the first time a reader points at a term (gloss-card.js). */
  cardBytes: number;
  cardGzip: number;
  /** Signs of the popup's search code or of fact text in the content script (should be none). */
  leaks: string[];
}

export interface StaticRuns {
  gloss: GlossStaticResult[];
  floor: CompetitorResult[];
  /** The bare walk from the extension's world (the shipped build only; older results lack it). */
  walk?: CompetitorResult[];
  /** Gloss on the article once more, V8's compiling traced too (older results lack it). */
  compiled?: GlossStaticResult[];
  'markjs-best': CompetitorResult[];
  'markjs-array': CompetitorResult[];
}

export interface BenchResults {
  date: string;
  command: string;
  options: Omit<BenchOptions, 'log'>;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    os: string;
    chromium: string;
    node: string;
  };
  pages: PageInfo[];
  builds: BuildInfo[];
  /** page name → build extra → runs */
  static: Record<string, Record<number, StaticRuns>>;
  live: Record<number, LiveResult[]>;
  liveBaseline: LiveResult[];
  /** The live page with the bundled fact base and the background mark style. */
  liveBackground: LiveResult[];
  /** The live page with Gloss off and PAGE_HIGHLIGHTS ranges registered by the page (a floor). */
  liveHighlights?: LiveResult[];
  /** Typing into a page that holds only an input box, ms per keystroke (the method's floor). */
  typingFloor?: number[][];
  /** Opening an extension page holding one option, to its frame shown (ms; the popup's floor). */
  popupFloor?: number[];
  /**
   * The article between ad frames (`AD_FRAMES_PAGE`): Gloss's runs (shipped build), and the floor
   * extension's start-up over the same frames (ms). Older results lack it.
   */
  adFrames?: { gloss: GlossStaticResult[]; floor: number[] };
  /** The article's floor: a settings-only extension's start-up and the page painting Gloss's ranges. */
  articleFloor?: ArticleFloor[];
  /** An empty pointer listener in a content script, per move, on Gloss's hover points (ms). */
  hoverFloor?: number[];
  /** The same points with a listener that reads the event's target and position (ms per move). */
  hoverTargetFloor?: number[];
  /** The large page's JavaScript heap in a browser without Gloss. */
  heapWithout: number[];
  popup: Record<number, PopupResult[]>;
  /** The search function alone, per keystroke, ms (median of rounds). */
  search: Record<number, number[]>;
  /** The article and the large page in Firefox ESR, on the document's clocks. */
  firefox?: FirefoxResults;
  seconds: number;
}

const rotate = <T>(list: readonly T[], by: number): T[] =>
  list.map((_, i) => list[(i + by) % list.length] as T);

function buildVariant(
  extra: number,
  log: (m: string) => void,
  target: 'chrome' | 'firefox' = 'chrome',
): string {
  const outDir = join(
    repoRoot,
    '.output',
    'bench',
    target === 'firefox' ? 'firefox' : String(extra),
  );
  log(`building ${target} with ${extra} extra terms → ${outDir}`);
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'tests', 'bench', 'build-variant.ts'),
      String(extra),
      outDir,
      target,
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  );
  return join(outDir, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

/** Firefox ESR is measured when it is installed, unless the options say otherwise. */
function hasFirefox(): boolean {
  try {
    firefoxPath();
    return true;
  } catch {
    return false;
  }
}

/** Fuse.js, and fact texts the card fetches on demand, must not be in the content script. */
function leaksOf(content: string): string[] {
  const leaks: string[] = [];
  for (const sign of ['Pattern length exceeds max', 'Fuse', 'fuzzyIndex']) {
    if (content.includes(sign)) leaks.push(`search code ("${sign}")`);
  }
  for (const term of benchTerms(0)) {
    for (const text of [term.summary, ...term.facts.map((f) => f.text)]) {
      const probe = text.slice(0, 40);
      if (probe.length >= 20 && content.includes(probe)) leaks.push(`fact text ("${probe}…")`);
    }
  }
  return leaks;
}

function machine(): BenchResults['machine'] {
  let chromium: string;
  try {
    chromium = execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    chromium = 'unknown';
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    chromium,
    node: process.version,
  };
}

/** Checks the pages against the page matcher: the expected counts are really what is there. */
function verifyPages(dir: string, pages: PageInfo[]): void {
  const matcher = compileMatcher(buildMatcherIndex(benchTerms(0)));
  for (const page of pages) {
    const html = readFileSync(join(dir, page.file), 'utf8');
    let found = 0;
    for (const text of textsOf(html)) found += matcher.find(text).length;
    if (found !== page.occurrences) {
      throw new Error(`${page.file}: placed ${page.occurrences} terms, the matcher finds ${found}`);
    }
  }
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const log =
    options.log ??
    ((m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`));
  const small = options.scale === 'small';

  const builds: BuildInfo[] = [];
  for (const extra of options.builds) {
    const existing = join(repoRoot, '.output', 'bench', String(extra), 'chrome-mv3');
    const dir =
      options.skipBuild && existsSync(join(existing, 'manifest.json'))
        ? existing
        : buildVariant(extra, log);
    // Every page runs the content script and the page code it imports at once.
    const every = PAGE_CODE.map((f) => readFileSync(join(dir, f)));
    const content = Buffer.concat(every);
    const card = readFileSync(join(dir, 'gloss-card.js'));
    builds.push({
      extra,
      terms: benchTerms(extra).length,
      dir,
      contentBytes: content.length,
      contentGzip: every.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0),
      cardBytes: card.length,
      cardGzip: gzipSync(card, { level: 9 }).length,
      // Neither what every page runs nor the card bundle carries search code or fact text.
      leaks: [...leaksOf(content.toString('utf8')), ...leaksOf(card.toString('utf8'))],
    });
  }

  const pagesDir = mkdtempSync(join(tmpdir(), 'gloss-bench-pages-'));
  const pages = generatePages(pagesDir, options.scale);
  verifyPages(pagesDir, pages);
  const page = (name: string) => pages.find((p) => p.name === name) as PageInfo;
  log(
    `pages: ${pages.map((p) => `${p.file} ${p.words} words, ${p.textNodes} text nodes, ${p.occurrences} terms`).join('; ')}`,
  );

  const inputs = new Map(
    builds.map((b) => {
      const terms = benchTerms(b.extra);
      return [b.extra, { names: markNames(terms), pattern: bestPattern(terms), terms }];
    }),
  );

  const results: BenchResults = {
    date: new Date().toISOString(),
    command: small
      ? `npm run bench -- --small --reps ${options.reps}`
      : `npm run bench${options.reps !== 3 ? ` -- --reps ${options.reps}` : ''}`,
    options: {
      scale: options.scale,
      reps: options.reps,
      builds: options.builds,
      out: options.out,
      firefox: options.firefox,
    },
    machine: machine(),
    pages,
    builds,
    static: {},
    live: {},
    liveBaseline: [],
    liveBackground: [],
    liveHighlights: [],
    typingFloor: [],
    adFrames: { gloss: [], floor: [] },
    popupFloor: [],
    articleFloor: [],
    hoverFloor: [],
    hoverTargetFloor: [],
    heapWithout: [],
    popup: {},
    search: {},
    seconds: 0,
  };
  for (const name of STATIC_PAGES) {
    results.static[name] = {};
    for (const b of builds) {
      (results.static[name] as Record<number, StaticRuns>)[b.extra] = {
        gloss: [],
        floor: [],
        ...(b.extra === 0 ? { walk: [] } : {}),
        ...(name === 'article' ? { compiled: [] } : {}),
        'markjs-best': [],
        'markjs-array': [],
      };
    }
  }

  // Gloss's marks on the article (from its first run), which the floor's page registers itself.
  let floorRanges: [number, number, number][] = [];
  // Where Gloss's hover run moved the pointer on the large page, which the hover floor replays.
  let hoverPoints: { x: number; y: number }[] = [];
  const floorDir = writeFloorExtension(join(pagesDir, 'floor-extension'));
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      log(`repetition ${rep + 1} of ${options.reps}`);
      const bare = await launchBench(null, pagesDir);
      try {
        results.heapWithout.push(await measureHeap(bare, page('large').file));
      } finally {
        await bare.close();
      }
      for (const build of rotate(builds, rep)) {
        const browser = await launchBench(build.dir, pagesDir);
        const input = inputs.get(build.extra) as NonNullable<ReturnType<typeof inputs.get>>;
        try {
          for (const name of STATIC_PAGES) {
            const info = page(name);
            const runs = (results.static[name] as Record<number, StaticRuns>)[
              build.extra
            ] as StaticRuns;
            // The walk floor does not depend on the fact base: measured with the shipped build only.
            const variants: Variant[] = [
              'gloss',
              ...COMPETITORS,
              ...(runs.walk ? ['walk' as const] : []),
              ...(runs.compiled ? ['compiled' as const] : []),
            ];
            for (const variant of rotate(variants, rep)) {
              const t0 = Date.now();
              if (variant === 'gloss') {
                const run = await measureGloss(browser, info.file, {
                  heap: name === 'large',
                  hover: name === 'large' ? 40 : 0,
                  ranges: name === 'article' && build.extra === 0,
                  again: name === 'article',
                });
                if (run.ranges) floorRanges = run.ranges;
                if (run.hover && build.extra === 0) hoverPoints = run.hover.points;
                runs.gloss.push(run);
              } else if (variant === 'compiled') {
                runs.compiled?.push(await measureGloss(browser, info.file, { compile: true }));
              } else {
                const deadlineMs = small ? 5_000 : name === 'large' ? 10_000 : 20_000;
                (runs[variant] ??= []).push(
                  await measureCompetitor(browser, info.file, variant, {
                    names: input.names,
                    pattern: input.pattern,
                    expected: info.occurrences,
                    deadlineMs,
                  }),
                );
              }
              log(`  ${build.extra} terms, ${name}, ${variant}: ${Date.now() - t0} ms`);
            }
          }
          if (build.extra === 0) {
            const t0 = Date.now();
            results.adFrames?.gloss.push(await measureGloss(browser, AD_FRAMES_PAGE));
            log(`  ${build.extra} terms, ad frames, gloss: ${Date.now() - t0} ms`);
          }
          const live = page('live').file;
          // The smoke test (small pages) skips the style comparison to stay quick.
          const runs: ('on' | 'off' | 'background' | 'highlights')[] =
            build.extra !== 0
              ? ['on']
              : small
                ? ['on', 'off']
                : ['on', 'off', 'background', 'highlights'];
          for (const kind of rotate(runs, rep)) {
            const t0 = Date.now();
            const run = await measureLive(
              browser,
              live,
              kind === 'on' || kind === 'background',
              kind === 'background' ? 'background' : 'underline',
              kind === 'highlights' ? PAGE_HIGHLIGHTS : 0,
            );
            if (kind === 'on') (results.live[build.extra] ??= []).push(run);
            else if (kind === 'off') results.liveBaseline.push(run);
            else if (kind === 'background') results.liveBackground.push(run);
            else results.liveHighlights?.push(run);
            log(`  ${build.extra} terms, live, Gloss ${kind}: ${Date.now() - t0} ms`);
          }
          if (!small || build.extra === 0) {
            (results.popup[build.extra] ??= []).push(await measurePopup(browser));
          }
          if (build.extra === 0) {
            results.typingFloor?.push(
              await measureTypingFloor(browser, `${browser.origin}/${INPUT_PAGE}`),
            );
          }
        } finally {
          await browser.close();
        }
      }
      if (floorRanges.length > 0) {
        const floor = await launchBench(floorDir, pagesDir);
        try {
          results.articleFloor?.push(
            await measureArticleFloor(floor, page('article').file, floorRanges),
          );
          results.popupFloor?.push(await measurePopupFloor(floor));
          results.adFrames?.floor.push(
            (await measureArticleFloor(floor, AD_FRAMES_PAGE, [])).startupMs,
          );
          if (hoverPoints.length > 0) {
            results.hoverFloor?.push(
              await measureHoverFloor(floor, page('large').file, hoverPoints),
            );
            results.hoverTargetFloor?.push(
              await measureHoverFloor(floor, page('large').file, hoverPoints, 'target'),
            );
          }
        } finally {
          await floor.close();
        }
      }
    }
    if (options.firefox ?? hasFirefox()) {
      const existing = join(repoRoot, '.output', 'bench', 'firefox', 'firefox-mv2');
      const extensionDir =
        options.skipBuild && existsSync(join(existing, 'manifest.json'))
          ? existing
          : buildVariant(0, log, 'firefox');
      log('Firefox');
      results.firefox = await measureFirefox({
        extensionDir,
        pagesDir,
        pages: [page('article'), page('large')],
        pattern: (inputs.get(0) as { pattern: string }).pattern,
        reps: options.reps,
        deadlineMs: small ? 5_000 : 10_000,
        log,
      });
    }
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
  }
  for (const b of builds) {
    results.search[b.extra] = searchTimes(
      (inputs.get(b.extra) as { terms: ReturnType<typeof benchTerms> }).terms,
    );
  }
  results.seconds = (Date.now() - started) / 1000;
  if (options.out) {
    writeFileSync(options.out, renderReport(results));
    // The raw figures, for `--render` (re-writing the report without measuring again).
    const saved = join(repoRoot, '.output', 'bench');
    mkdirSync(saved, { recursive: true });
    writeFileSync(join(saved, `results-${options.scale}.json`), JSON.stringify(results));
    log(`wrote ${options.out}`);
  }
  return results;
}

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    scale: 'full',
    reps: 3,
    builds: [0, 1000, 10000],
    out: join(repoRoot, 'docs', 'benchmarks.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--small') options.scale = 'small';
    else if (arg === '--reps') options.reps = Math.max(1, Number(argv[++i]));
    else if (arg === '--builds') options.builds = String(argv[++i]).split(',').map(Number);
    else if (arg === '--out') options.out = String(argv[++i]);
    else if (arg === '--skip-build') options.skipBuild = true;
    else if (arg === '--no-firefox') options.firefox = false;
    else if (arg === '--render') options.render = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const options = parseArgs(process.argv.slice(2));
  if (options.render) {
    const saved = join(repoRoot, '.output', 'bench', `results-${options.scale}.json`);
    const results = JSON.parse(readFileSync(saved, 'utf8')) as BenchResults;
    writeFileSync(options.out ?? join(repoRoot, 'docs', 'benchmarks.md'), renderReport(results));
  } else {
    runBenchmark(options).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
