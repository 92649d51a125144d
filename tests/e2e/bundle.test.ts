/**
 * The build ships the fact base once: its text is in the packaged fact-base.json and in no
 * script (not the background, not the popup, not the content script or the card).
 */
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
