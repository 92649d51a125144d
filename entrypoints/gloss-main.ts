/**
 * Gloss on a page: the matcher, the page session and the orphan check. The content script
 * (entrypoints/gloss.ts) imports this bundle, which runs in the content script's isolated world;
 * the card UI is a further bundle (entrypoints/gloss-card.ts), loaded the first time the reader
 * points at a term.
 */
// The browser's own API, not the polyfill: see components/page/page-browser.ts.
import { browser } from '@wxt-dev/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import matcherIndex from 'virtual:gloss/matcher-index';
import { loadCardUi } from '../components/page/card-ui-contract';
import { pageBrowser, type NativeApi } from '../components/page/page-browser';
import { startPageSession } from '../components/page/page-session';
import { compileMatcher } from '../components/page/matcher';

/** How often an orphaned script (extension reloaded or updated) notices and stops. */
const ORPHAN_CHECK_MS = 1000;

export default defineUnlistedScript(() => {
  const started = performance.now();
  const matcher = compileMatcher(matcherIndex);
  // When the script started and what loading the matcher cost, for the benchmark (this world only).
  (globalThis as { __glossStartup?: unknown }).__glossStartup = {
    started,
    matcherMs: performance.now() - started,
  };
  const session = startPageSession({
    win: window,
    browser: pageBrowser(browser as unknown as NativeApi),
    matcher,
    loadCardUi: () => loadCardUi(browser.runtime.getURL('/gloss-card.js')),
    // Benchmark builds only (the constant is false in every other build, and the code goes):
    // Firefox lets no tool into this world, so the scan's figures are posted to the page.
    onScanned: __GLOSS_BENCH__
      ? (figures) => window.postMessage({ glossBench: figures }, '*')
      : undefined,
  });
  // Visible only in the content script's own world: tests and the benchmark read it, pages can't.
  (globalThis as { __gloss?: unknown }).__gloss = session;
  // Chromium tells an orphaned content script nothing, but its `runtime.id` goes away: look once
  // a second, then take the marks and any card down. A newer script's highlights are safe: the
  // painter only removes highlights it still owns.
  const timer = setInterval(() => {
    if (browser.runtime?.id) return;
    clearInterval(timer);
    session.destroy();
  }, ORPHAN_CHECK_MS);
});
