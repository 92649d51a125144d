/**
 * The build ships the fact base once: its text is in the packaged fact-base.json and in no
 * script (not the background, not the popup, not the content script or the card); and it
 * carries the licence notices of the third-party code it bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bundleReport, factSamples } from '../bench/bundle';
import { extensionDir, repoRoot } from './harness';

test('the fact base is shipped once, as fact-base.json, and in no script', () => {
  const samples = factSamples(repoRoot);
  expect(samples.length).toBeGreaterThan(3);
  const files = bundleReport(extensionDir, samples);
  expect(files.some((f) => f.path === 'background.js')).toBe(true);
  expect(files.filter((f) => f.factText).map((f) => f.path)).toEqual(['fact-base.json']);
});

test('the build ships the notices of every third-party package it bundles', () => {
  const notices = readFileSync(join(extensionDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  const listed = [...notices.matchAll(/^(@?[\w./-]+)@\d[^\s]* \(([^)]+)\)$/gm)].map((m) => m[1]);
  // What the scripts import at run time (package.json's dependencies) is all there, licence text too.
  const deps = Object.keys(
    (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies,
  );
  for (const dep of ['preact', 'fuse.js', '@floating-ui/core']) expect(deps).toContain(dep);
  for (const dep of deps) expect(listed).toContain(dep);
  expect(notices).toContain('Permission is hereby granted');
});

test('the shipped content scripts carry no benchmark hook (it is only in benchmark builds)', () => {
  for (const dir of [extensionDir, join(repoRoot, '.output', 'firefox-mv2')]) {
    // The content script only imports the page code, which carries the scan and its hook.
    const loader = readFileSync(join(dir, 'gloss.js'), 'utf8');
    expect(loader).toContain('gloss-main.js');
    const script = readFileSync(join(dir, 'gloss-main.js'), 'utf8');
    expect(script.length).toBeGreaterThan(1000);
    expect(script).not.toContain('glossBench');
    // V8's compile hint is the page code's first line, or V8 does not read it.
    expect(script.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  }
});
