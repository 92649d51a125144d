/**
 * `npm run demo`: builds Gloss and opens the demo article in Chromium with it loaded. With no
 * display (a server, CI), it hovers a term instead and saves a screenshot of the card.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumArgs,
  chromiumPath,
  extensionDir,
  fixturesDir,
  hoverText,
  repoRoot,
  serveFolder,
  waitForGloss,
} from '../e2e/harness';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function main(): Promise<void> {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const server = await serveFolder(fixturesDir);
  const profile = mkdtempSync(join(tmpdir(), 'gloss-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !hasDisplay,
    args: chromiumArgs(extensionDir),
    viewport: hasDisplay ? null : { width: 1200, height: 820 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo-article.html`);
  await waitForGloss(page);

  if (hasDisplay) {
    console.log(`Gloss is loaded; hover a dotted term. Close the browser window to finish.`);
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } else {
    await hoverText(page, '#arms', 'S-400');
    await page.waitForFunction(() =>
      document.querySelector('gloss-root')?.shadowRoot?.querySelector('h2'),
    );
    await page.waitForTimeout(200);
    const dir = join(repoRoot, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    const shot = join(dir, 'demo-card.png');
    await page.screenshot({ path: shot });
    console.log(
      `No display: saved a screenshot of a hovered card to ${relative(process.cwd(), shot)}`,
    );
    console.log(
      `The loadable build is in ${relative(process.cwd(), extensionDir)} (see the README to load it by hand).`,
    );
    await context.close();
  }
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
