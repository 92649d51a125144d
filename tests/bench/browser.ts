/**
 * One benchmark browser: Debian's Chromium with the flags every Gloss browser test uses, a fresh
 * profile, a given build of the extension (or none), and the generated pages served on
 * 127.0.0.1. Gloss is switched on and off for the pages' site through its own settings, the way a
 * reader does it, so a page can be loaded and left to settle before Gloss starts on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { chromiumArgs, chromiumPath, serveFolder } from '../e2e/harness';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../components/store/settings';

export const VIEWPORT = { width: 1280, height: 900 };

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker; null in a browser without the extension. */
  worker: Worker | null;
  extensionId: string | null;
  origin: string;
  /** Switches Gloss on or off for the benchmark's pages (127.0.0.1), in a mark style. */
  setGloss(enabled: boolean, style?: 'underline' | 'background'): Promise<void>;
  /** A new tab and a CDP session on it. */
  open(): Promise<{ page: Page; cdp: CDPSession }>;
  close(): Promise<void>;
}

/** Launches Chromium with `extension` (a built chrome-mv3 folder) or with no extension. */
export async function launchBench(
  extension: string | null,
  pagesDir: string,
): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
  const server = await serveFolder(pagesDir);
  const args = chromiumArgs(extension ?? '').filter(
    (a) => extension !== null || !a.includes('extension'),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    // V8 flags for diagnosis (say, GLOSS_BENCH_JS_FLAGS='--log-deopt --logfile=v8.log' lists the
    // scan loop's deoptimisations); never set by `npm run bench`.
    args: process.env.GLOSS_BENCH_JS_FLAGS
      ? [...args, `--js-flags=${process.env.GLOSS_BENCH_JS_FLAGS}`]
      : args,
    viewport: VIEWPORT,
  });
  let worker: Worker | null = null;
  if (extension !== null) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  }
  const extensionId = worker ? new URL(worker.url()).host : null;
  const setGloss = async (enabled: boolean, style: 'underline' | 'background' = 'underline') => {
    if (!worker) return;
    const settings = { ...DEFAULT_SETTINGS, style, disabledSites: enabled ? [] : ['127.0.0.1'] };
    await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key as string]: value }), [
      SETTINGS_KEY,
      settings,
    ] as const);
  };
  return {
    context,
    worker,
    extensionId,
    origin: server.origin,
    setGloss,
    async open() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      return { page, cdp };
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
