/**
 * Builds the Chrome and Firefox extensions once for the whole browser suite, unless
 * GLOSS_SKIP_BUILD says the caller (the CI script, the benchmark) has just built them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extensionDir, repoRoot } from './harness';
import { firefoxExtensionDir } from './firefox-harness';

export default function setup(): void {
  const built = [extensionDir, firefoxExtensionDir].every((d) => existsSync(`${d}/manifest.json`));
  if (process.env.GLOSS_SKIP_BUILD === '1' && built) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: repoRoot, stdio: 'inherit' });
}
