/**
 * The bundle report: every file of a build with its size and gzip size, and which files carry
 * the fact base's text (it must be one: the packaged `fact-base.json`). `npm run bundle` builds
 * and writes docs/bundle.md; the browser tests check the same figures on their build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the build. */
export interface BundleFile {
  path: string;
  bytes: number;
  gzip: number;
  /** True when the file holds fact text (the samples given to `bundleReport`). */
  factText: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The files of the build in `dir`, largest first; `samples` are fact texts to look for. */
export function bundleReport(dir: string, samples: readonly string[]): BundleFile[] {
  return walk(dir)
    .filter((path) => !path.endsWith('.png'))
    .map((path) => {
      const body = readFileSync(path);
      const text = body.toString('utf8');
      return {
        path: relative(dir, path),
        bytes: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        // A fact's text as JSON would write it: bundles hold it inside a JSON string.
        factText: samples.some((s) => text.includes(JSON.stringify(s).slice(1, -1))),
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** A few facts' texts from the bundled fact base, to look for in the build. */
export function factSamples(repoRoot: string): string[] {
  const dir = join(repoRoot, 'data', 'terms');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { facts: { text: string }[] }[])
    .flatMap((terms) => terms.slice(0, 1).map((t) => t.facts[0]?.text ?? ''))
    .filter(Boolean);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The report as Markdown. */
export function bundleMarkdown(name: string, files: readonly BundleFile[]): string {
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const carriers = files.filter((f) => f.factText).map((f) => `\`${f.path}\``);
  return [
    `## ${name}`,
    '',
    `${files.length} files, ${kb(total)} in all. Fact text is in ${carriers.length} file${carriers.length === 1 ? '' : 's'}: ${carriers.join(', ') || 'none'}.`,
    '',
    '| File | Size | gzip | Fact text |',
    '| --- | --: | --: | --- |',
    ...files.map(
      (f) => `| \`${f.path}\` | ${kb(f.bytes)} | ${kb(f.gzip)} | ${f.factText ? 'yes' : ''} |`,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const samples = factSamples(root);
  const parts = ['# Bundle report', '', 'Written by `npm run bundle` from fresh builds.', ''];
  for (const [name, args, out] of [
    ['Chrome (MV3)', ['wxt', 'build'], 'chrome-mv3'],
    ['Firefox (MV2)', ['wxt', 'build', '-b', 'firefox'], 'firefox-mv2'],
  ] as const) {
    execFileSync('npx', [...args], { cwd: root, stdio: 'ignore' });
    const files = bundleReport(join(root, '.output', out), samples);
    parts.push(bundleMarkdown(name, files));
    console.log(bundleMarkdown(name, files));
  }
  writeFileSync(join(root, 'docs', 'bundle.md'), parts.join('\n'));
}
