/**
 * Builds the Chrome extension once for the whole browser suite, unless GLOSS_SKIP_BUILD says the
 * caller (the CI script, the benchmark) has just built it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extensionDir, repoRoot } from './harness';

export default function setup(): void {
  if (process.env.GLOSS_SKIP_BUILD === '1' && existsSync(`${extensionDir}/manifest.json`)) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}
