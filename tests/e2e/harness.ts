/**
 * The shared browser fixture: Debian's Chromium with the built extension loaded, the fixture pages
 * served on 127.0.0.1, and the extension's id read from its service worker.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const extensionDir = join(repoRoot, '.output', 'chrome-mv3');
export const fixturesDir = join(repoRoot, 'tests', 'fixtures');

/** Debian's Chromium, unless CHROMIUM_PATH names another build. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}: apt-get install -y chromium`);
  return path;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** A static server for a folder, on a free port of 127.0.0.1. `headers` adds response headers. */
export async function serveFolder(
  dir: string,
  headers: (path: string) => Record<string, string> = () => ({}),
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path.includes('..')) {
      res.writeHead(400).end();
      return;
    }
    readFile(join(dir, path === '/' ? 'index.html' : path)).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'text/plain',
          ...headers(path),
        });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A running browser with Gloss loaded. */
export interface Gloss {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Origin of the fixture server. */
  origin: string;
  /** Opens a fixture page (a path under tests/fixtures) and waits for Gloss to finish its scan. */
  openFixture(path: string, options?: { waitForScan?: boolean }): Promise<Page>;
  /** Opens the popup page directly in a tab. */
  openPopup(query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** The Chromium flags every Gloss browser test uses. */
export function chromiumArgs(extension: string): string[] {
  return [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/** Launches Chromium with the built extension in a fresh profile. */
export async function launchGloss(
  options: {
    extension?: string;
    userDataDir?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Gloss> {
  const extension = options.extension ?? extensionDir;
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No build at ${extension}`);
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  const server = await serveFolder(fixturesDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(extension),
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    origin: server.origin,
    async openFixture(path, { waitForScan = true } = {}) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/${path}`);
      if (waitForScan) await waitForGloss(page);
      return page;
    },
    async openPopup(query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      if (!options.userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until Gloss has scanned the page. The content script marks its progress on the Gloss
 * host element's dataset, which lives outside the page's own tree of nodes.
 */
export async function waitForGloss(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.dataset.glossProbe !== undefined,
    null,
    {
      timeout,
    },
  );
}
