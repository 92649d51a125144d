/**
 * The content script every http(s) page runs (declared in wxt.config.ts, with public/gloss.css).
 * It only imports Gloss's page code (entrypoints/gloss-main.ts), for two reasons measured on
 * Chromium 156 (2026-12-07):
 * - A content script is compiled on the page's main thread on every visit (never streamed, no
 *   code cache): 2.7 ms of the article's start-up. A module it imports is streamed, so V8
 *   compiles it on a background thread while the file loads.
 * - That bundle asks V8 to compile every function up front (the `allFunctionsCalledOnLoad`
 *   comment wxt.config.ts puts on its first line): in a streamed module that work is off the
 *   main thread too, where lazily compiled functions cost the first marking 2.5 ms.
 *
 * A frame with nothing to read yet (an ad slot, a tracking pixel) imports it only once text
 * arrives (components/page/frame-gate.ts).
 *
 * It is a plain unlisted script rather than a WXT content script: WXT's content-script context
 * announces itself to the page with a `postMessage` carrying the extension's id (pages could
 * detect Gloss) and costs about 2 ms per page (measured 2026-11-22).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadWhenReadable } from '../components/page/frame-gate';

type Runtime = { id?: string; getURL(path: string): string };

/**
 * The extension's runtime API (Firefox's `browser`, else `chrome`, as `@wxt-dev/browser` picks),
 * looked up only when the page code loads: the browser sets the API object up on first touch,
 * which an ad frame that never loads need not pay (0.13 ms a frame on the benchmark's page of
 * ad slots, 2026-12-08).
 */
function runtime(): Runtime {
  const api = globalThis as unknown as {
    browser?: { runtime?: Runtime };
    chrome: { runtime: Runtime };
  };
  return api.browser?.runtime?.id ? api.browser.runtime : api.chrome.runtime;
}

export default defineUnlistedScript(() => {
  loadWhenReadable(window, () => {
    // Fails only when the extension went away under the page (removed or updated): nothing to run.
    import(/* @vite-ignore */ runtime().getURL('/gloss-main.js')).catch(() => undefined);
  });
});
