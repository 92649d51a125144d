/**
 * The Firefox build: it builds, its manifest carries a gecko id and declares that it collects no
 * data, and Mozilla's linter (web-ext lint) reports no errors.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './harness';
import { firefoxExtensionDir as dir } from './firefox-harness';

// The build itself is made by the suite's global set-up (global-setup.ts).

test('the Firefox manifest has a gecko id and declares no data collection', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const gecko = manifest.browser_specific_settings?.gecko;
  expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
  expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
});

test('web-ext lint reports no errors on the Firefox build', () => {
  let out: string;
  try {
    out = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    // web-ext exits non-zero when it finds errors; its JSON report is still on stdout.
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  const report = JSON.parse(out.slice(out.indexOf('{')));
  const errors = (report.errors ?? []).map(
    (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
  );
  console.log(
    `web-ext lint: ${report.count} messages, ${errors.length} errors, ${report.summary?.warnings} warnings`,
  );
  expect(errors).toEqual([]);
});
