/**
 * The Firefox fixture: Debian's Firefox ESR, headless over WebDriver BiDi (puppeteer-core), with the
 * built `firefox-mv2` extension installed as a temporary add-on under a fixed UUID, and the same
 * fixture pages as the Chromium leg.
 *
 * Firefox lets no outside tool into a content script's sandbox, so this leg observes Gloss as the
 * page and the extension's own pages can: the page's `CSS.highlights` registry (one per document,
 * shared with content scripts), the card's open shadow root, the badge, and messages an extension
 * page sends the tab (`page:terms`, the popup's own question).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixturesDir, repoRoot, serveFolder } from './harness';

export const firefoxExtensionDir = join(repoRoot, '.output', 'firefox-mv2');

/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings). */
const ADDON_ID = 'gloss@gloss-extension';
/** Fixed so extension pages have a known address (moz-extension://<uuid>/). */
export const FIREFOX_UUID = '6c1f0b8e-2d4a-4f7e-9b3c-5a8d7e6f1c20';

/** Debian's Firefox ESR, unless FIREFOX_PATH names another build. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}: apt-get install -y firefox-esr`);
  return path;
}

/** A running Firefox with Gloss installed. */
export interface FirefoxGloss {
  browser: Browser;
  /** Origin of the fixture server. */
  origin: string;
  /** Opens a fixture page and waits until Gloss's marks stop changing. */
  openFixture(path: string, options?: { waitForMarks?: boolean }): Promise<Page>;
  /** Opens an extension page (popup.html, options.html) in its own window. */
  openExtensionPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox ESR with the built extension in a fresh profile, serving the test
 * fixtures (or, for the benchmark, another build and its generated pages).
 */
export async function launchFirefoxGloss(
  options: { extensionDir?: string; servedDir?: string; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxGloss> {
  const extensionDir = options.extensionDir ?? firefoxExtensionDir;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${extensionDir}`);
  const server = await serveFolder(options.servedDir ?? fixturesDir);
  // Extension pages are system-privileged documents to the remote agent; it drives them only
  // when allowed to (https://firefox-source-docs.mozilla.org/remote/).
  process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_UUID }),
      ...options.prefs,
    },
  });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== ADDON_ID) throw new Error(`Installed ${installed}, expected ${ADDON_ID}`);
  return {
    browser,
    origin: server.origin,
    async openFixture(path, { waitForMarks = true } = {}) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/${path}`);
      if (waitForMarks) await waitForSteadyMarks(page);
      return page;
    },
    async openExtensionPage(path = 'popup.html') {
      const page = await browser.newPage({ type: 'window' });
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      // Moving a tab into the extension's process replaces its frame, which puppeteer reports as
      // a detached frame although the page loads; wait for the document instead.
      void page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => `${location.href} ${document.readyState}`)
          .catch(() => '');
        if (ready === `${url} complete`) return page;
        if (Date.now() > deadline) throw new Error(`${url} did not load (${ready})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Texts of the ranges in the page's highlight named `name`, in document order. */
export async function highlightTexts(page: Page, name = 'gloss-underline'): Promise<string[]> {
  return page.evaluate((n) => {
    // Gloss paints StaticRanges where it can (no live-range upkeep): rebuild each as a Range.
    const ranges = [...((CSS.highlights.get(n) as Iterable<AbstractRange>) ?? [])].map((a) => {
      const r = document.createRange();
      r.setStart(a.startContainer, a.startOffset);
      r.setEnd(a.endContainer, a.endOffset);
      return r;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

/**
 * Waits until Gloss has painted and its marks have stopped changing for 300 ms; returns how many
 * ranges are painted. A page with no terms returns 0 after the same quiet time.
 */
export async function waitForSteadyMarks(page: Page, timeout = 10_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const size = await page.evaluate(() => CSS.highlights.get('gloss-underline')?.size ?? 0);
    if (size !== last) {
      last = size;
      since = Date.now();
    } else if (Date.now() - since >= 300) return size;
    if (Date.now() > deadline) throw new Error(`marks still changing after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The centre of the first occurrence of `text` under `selector`, scrolled into view. */
export async function pointAt(
  page: Page,
  selector: string,
  text: string,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (sel, needle) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`no element ${sel}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle);
        if (i < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + needle.length);
        const r = range.getClientRects()[0] as DOMRect;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no text "${needle}" in ${sel}`);
    },
    selector,
    text,
  );
}

/** Moves the mouse onto `text` and rests there, as a reader does. */
export async function hover(page: Page, selector: string, text: string): Promise<void> {
  const { x, y } = await pointAt(page, selector, text);
  await page.mouse.move(x - 40, y + 30);
  await page.mouse.move(x, y, { steps: 4 });
}

/** The open card's heading, waiting up to `timeout` ms for one; null when none opens. */
export async function waitForCardHeading(page: Page, timeout = 5000): Promise<string | null> {
  const handle = await page
    .waitForFunction(
      () =>
        document.querySelector('gloss-root')?.shadowRoot?.querySelector('[role="dialog"] h2')
          ?.textContent ?? false,
      { timeout, polling: 50 },
    )
    .catch(() => null);
  return handle ? ((await handle.jsonValue()) as string) : null;
}

/** Closes any open card: Escape, pointer to the corner, and no <gloss-root> left. */
export async function closeCard(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('gloss-root'), { polling: 50 });
}

/**
 * Asks the tab that is active in another window than the extension page `ext` which terms it
 * marked, as the popup asks its tab (`page:terms`); the tab's top frame answers.
 */
export async function pageTermIds(ext: Page): Promise<string[]> {
  return ext.evaluate(async () => {
    const self = await browser.tabs.getCurrent();
    const tabs = await browser.tabs.query({ active: true });
    for (const tab of tabs.filter(
      (t: { windowId?: number; id?: number }) => t.windowId !== self?.windowId,
    )) {
      const answer = (await browser.tabs
        .sendMessage(tab.id as number, { type: 'page:terms', payload: {} })
        .catch(() => null)) as { ok: boolean; value?: { terms: { id: string }[] } } | null;
      if (answer?.ok) return answer.value?.terms.map((t) => t.id) ?? [];
    }
    throw new Error('no page tab answered');
  });
}
