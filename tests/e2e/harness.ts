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
 * Evaluates `expression` in the content script's own world of the page's main frame (where
 * `globalThis.__gloss` lives; the page itself cannot see it) and returns its JSON value.
 */
export async function evalInGloss<T>(page: Page, expression: string, timeout = 10_000): Promise<T> {
  // The main frame is the first of the tree; see evalInGlossFrame below.
  return evalInGlossFrame<T>(page, '', expression, timeout);
}

/** Waits until Gloss has finished scanning the page; returns how many occurrences it marked. */
export async function waitForGloss(page: Page, timeout = 10_000): Promise<number> {
  return evalInGloss<number>(
    page,
    `(async () => {
      const deadline = Date.now() + ${timeout};
      while (!globalThis.__gloss && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const s = globalThis.__gloss;
      if (!s) throw new Error('no Gloss session');
      await s.ready;
      await (s.annotator ? s.annotator.idle() : null);
      return s.annotator ? s.annotator.store.size : -1;
    })()`,
    timeout + 1000,
  );
}

/** The terms Gloss marked in the page: term id and the marked text, in document order. */
export async function markedTerms(page: Page): Promise<{ id: string; text: string }[]> {
  return evalInGloss(
    page,
    `(() => {
      const s = globalThis.__gloss;
      const out = [];
      for (const o of s.annotator.store.all()) {
        if (!o.painted) continue;
        out.push({ node: o.node, start: o.start, id: s.termIds[o.term], text: o.node.data.slice(o.start, o.end) });
      }
      out.sort((a, b) => a.node === b.node ? a.start - b.start : (a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1));
      return out.map(({ id, text }) => ({ id, text }));
    })()`,
  );
}

/**
 * The centre of the first occurrence of `text` inside the element matching `selector`, in
 * viewport coordinates, after scrolling it into view. Read in the page's own world.
 */
export async function pointAtText(
  page: Page,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([sel, needle]) => {
      const root = document.querySelector(sel as string);
      if (!root) throw new Error(`no element ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle as string);
        if (i < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + (needle as string).length);
        const r = range.getClientRects()[0] as DOMRect;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no text "${needle}" in ${sel}`);
    },
    [selector, text],
  );
}

/** Moves the mouse onto `text` and rests there, as a reader does. */
export async function hoverText(page: Page, selector: string, text: string): Promise<void> {
  const { x, y } = await pointAtText(page, selector, text);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 4 });
}

/** The open card's heading text, or null when no card is open. */
export async function cardHeading(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('gloss-root');
    const heading = host?.shadowRoot?.querySelector('[role="dialog"] h2');
    return heading ? (heading.textContent ?? '') : null;
  });
}

// ---- Helpers for the reliability suite (tests/e2e/reliability-*.test.ts) ----

/**
 * Like `evalInGloss`, but in the Gloss world of any frame of `page`: the first frame whose URL
 * contains `frameUrlPart` ('' for the main frame).
 */
export async function evalInGlossFrame<T>(
  page: Page,
  frameUrlPart: string,
  expression: string,
  timeout = 10_000,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { frameId?: string; type?: string } }[] =
      [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const deadline = Date.now() + timeout;
    for (;;) {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
      const frames: Tree['frame'][] = [];
      const visit = (t: Tree) => {
        frames.push(t.frame);
        t.childFrames?.forEach(visit);
      };
      visit(frameTree);
      const frame = frameUrlPart ? frames.find((f) => f.url.includes(frameUrlPart)) : frames[0];
      const world = frame
        ? contexts.find(
            (c) =>
              c.auxData?.type === 'isolated' &&
              c.auxData.frameId === frame.id &&
              c.name === 'Gloss',
          )
        : undefined;
      if (world) {
        const result = await cdp.send('Runtime.evaluate', {
          expression,
          contextId: world.id,
          awaitPromise: true,
          returnByValue: true,
        });
        if (result.exceptionDetails)
          throw new Error(result.exceptionDetails.exception?.description ?? 'evaluation failed');
        return result.result.value as T;
      }
      if (Date.now() > deadline) throw new Error(`no Gloss world in frame "${frameUrlPart}"`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Records every uncaught exception and console error of `page`, in every world and frame (the
 * page's own scripts and Gloss's content script alike). `stop()` returns what was seen.
 */
export async function recordErrors(page: Page): Promise<{ stop(): Promise<string[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Runtime.exceptionThrown', (e) =>
    seen.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'assert')
      seen.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
  });
  await cdp.send('Runtime.enable');
  return {
    async stop() {
      await cdp.detach().catch(() => undefined);
      return seen;
    },
  };
}

/** Everything in the extension's `storage.local`, read from the service worker. */
export async function storedData(gloss: Gloss): Promise<Record<string, unknown>> {
  return gloss.worker.evaluate(() => chrome.storage.local.get(null));
}

/** Replaces the whole of `storage.local` with `items` (from the service worker). */
export async function replaceStoredData(
  gloss: Gloss,
  items: Record<string, unknown>,
): Promise<void> {
  await gloss.worker.evaluate(async (data) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(data);
  }, items);
}

/**
 * Reloads (or, after its files changed, updates) the extension as chrome://extensions does, and
 * waits for its new service worker, which replaces `gloss.worker`. Developer mode is switched on
 * first: without it Chromium disables a reloaded command-line extension.
 */
export async function reloadExtension(gloss: Gloss): Promise<Worker> {
  const page = await gloss.context.newPage();
  try {
    await page.goto('chrome://extensions');
    const old = gloss.worker;
    const next = gloss.context.waitForEvent('serviceworker', {
      predicate: (w) => w !== old && w.url().includes(gloss.extensionId),
      timeout: 20_000,
    });
    await page.evaluate(async (id) => {
      type Dev = {
        updateProfileConfiguration(c: object, cb: () => void): void;
        reload(id: string, options: object, cb: () => void): void;
      };
      const dev = (globalThis as unknown as { chrome: { developerPrivate: Dev } }).chrome
        .developerPrivate;
      await new Promise<void>((r) => dev.updateProfileConfiguration({ inDeveloperMode: true }, r));
      await new Promise<void>((r) => dev.reload(id, { failQuietly: true }, r));
    }, gloss.extensionId);
    gloss.worker = await next;
    return gloss.worker;
  } finally {
    await page.close();
  }
}

/**
 * Finds the element at `path` from the document of the frame the code runs in: CSS selectors
 * joined by ' >>> ', each after the first looked up inside the previous match's (open) shadow
 * root. Source text for evaluation in a Gloss world.
 */
const FIND_IN_SHADOWS = `(path) => {
  let root = document;
  let el = null;
  for (const part of path.split(' >>> ')) {
    el = (root.shadowRoot ?? root).querySelector(part);
    if (!el) throw new Error('no element ' + part);
    root = el;
  }
  return el;
}`;

/**
 * The centre of the first occurrence of `text` under `path` (see FIND_IN_SHADOWS), in the top
 * page's viewport coordinates, after scrolling it into view. Measured in Gloss's world, so a page
 * that overrides DOM methods cannot disturb it; `frameUrlPart` picks a same-origin frame.
 */
export async function pointInGloss(
  page: Page,
  path: string,
  text: string,
  frameUrlPart = '',
): Promise<{ x: number; y: number }> {
  const inner = await evalInGlossFrame<{ x: number; y: number }>(
    page,
    frameUrlPart,
    `((find, path, needle) => {
      const rootEl = find(path);
      const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(needle);
        if (i < 0) continue;
        n.parentElement.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + needle.length);
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('no text ' + needle);
    })(${FIND_IN_SHADOWS}, ${JSON.stringify(path)}, ${JSON.stringify(text)})`,
  );
  if (!frameUrlPart) return inner;
  const offset = await evalInGloss<{ x: number; y: number }>(
    page,
    `(() => {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.src.includes(${JSON.stringify(frameUrlPart)}));
      const r = frame.getBoundingClientRect();
      return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
    })()`,
  );
  return { x: inner.x + offset.x, y: inner.y + offset.y };
}

/** Like `hoverText`, but located with `pointInGloss`. */
export async function hoverInGloss(
  page: Page,
  path: string,
  text: string,
  frameUrlPart = '',
): Promise<void> {
  const { x, y } = await pointInGloss(page, path, text, frameUrlPart);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 4 });
}

/** What a reader sees of the open card (null when none is open), measured in Gloss's world. */
export interface CardReport {
  heading: string;
  /** The card's box and the viewport of its frame. */
  box: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
  fontSize: number;
  color: string;
  background: string;
  /** The node the card's host hangs off (<html>: no element of the page contains it). */
  hostParent: string;
  /** True when the card's centre hit-tests to the card (no page element covers it). */
  onTop: boolean;
  direction: string;
  text: string;
}

/** Reads the open card of the frame matching `frameUrlPart` ('' for the main frame). */
export async function cardReport(page: Page, frameUrlPart = ''): Promise<CardReport | null> {
  return evalInGlossFrame<CardReport | null>(
    page,
    frameUrlPart,
    `(() => {
      const host = document.querySelector('gloss-root');
      const card = host?.shadowRoot?.querySelector('[role=dialog]');
      if (!card) return null;
      const r = card.getBoundingClientRect();
      const cs = getComputedStyle(card);
      return {
        heading: card.querySelector('h2')?.textContent ?? '',
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        viewport: {
          width: document.documentElement.clientWidth || innerWidth,
          height: document.documentElement.clientHeight || innerHeight,
        },
        fontSize: parseFloat(cs.fontSize),
        color: cs.color,
        background: cs.backgroundColor,
        hostParent: host.parentNode.nodeName,
        onTop: document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2) === host,
        direction: cs.direction,
        text: card.textContent,
      };
    })()`,
  );
}

/**
 * Starts recording every change to the page's DOM except adding and removing Gloss's own card
 * host (`<gloss-root>`, on <html> while a card is open; what happens in its shadow root is
 * invisible to the page). Runs in Gloss's world, so a page that replaced
 * MutationObserver cannot hide anything. `stop()` returns what changed, one line per record.
 */
export async function watchPageDom(page: Page): Promise<{ stop(): Promise<string[]> }> {
  await evalInGloss(
    page,
    `(() => {
      const seen = [];
      const ours = (n) => n.nodeName === 'GLOSS-ROOT';
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const nodes = [...r.addedNodes, ...r.removedNodes];
          if (r.type === 'childList' && nodes.length > 0 && nodes.every(ours)) continue;
          seen.push(r.type + ' on ' + r.target.nodeName + (r.attributeName ? ' [' + r.attributeName + ']' : ''));
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      globalThis.__domWatch = { observer, seen };
    })()`,
  );
  return {
    stop: () =>
      evalInGloss<string[]>(
        page,
        `(() => { const w = globalThis.__domWatch; w.observer.disconnect(); return w.seen; })()`,
      ),
  };
}

/**
 * Runs in the page's own world before its scripts: records every DOM change made after parsing
 * (what changes later is not the page loading) in `window.__domChanges`, apart from Gloss's card
 * host coming and going. Self-contained, as both browsers' init scripts serialise it.
 */
export function recordDomChanges(): void {
  const records: string[] = [];
  (window as unknown as { __domChanges: string[] }).__domChanges = records;
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((list) => {
      for (const r of list) {
        const nodes = [...r.addedNodes, ...r.removedNodes];
        if (nodes.length > 0 && nodes.every((n) => n.nodeName === 'GLOSS-ROOT')) continue;
        records.push(`${r.type} on ${r.target.nodeName}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Hands `file` to the options page's pack picker, presses `button` ("Import", or "Replace" for a
 * newer version) and waits for the page to say the pack was imported.
 */
export async function importPackFile(
  options: Page,
  file: string,
  button: string | RegExp = 'Import',
): Promise<void> {
  await options.setInputFiles('input[type=file]', file);
  await options.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await options
    .getByRole('status')
    .getByText(/imported/)
    .waitFor();
}
