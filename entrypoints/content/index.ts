// The browser's own API, not the polyfill: see components/card/page-browser.ts.
import { browser } from '@wxt-dev/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import matcherIndex from 'virtual:gloss/matcher-index';
import cardCss from '../../components/card/card.css?inline';
import { pageBrowser, type NativeApi } from '../../components/card/page-browser';
import { startPageSession } from '../../components/card/page-session';
import { compileMatcher } from '../../utils/matcher';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin frames (embedded live blogs) are read too; each frame runs its own small session.
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
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
      cardCss,
    });
    // Visible only in the content script's own world: tests and the benchmark read it, pages can't.
    (globalThis as { __gloss?: unknown }).__gloss = session;
    // The extension was reloaded or updated: stop cleanly, leave no marks and no stray card.
    ctx.onInvalidated(() => session.destroy());
    // Chromium tells an orphaned content script nothing (a new one starting in the page does), so
    // look once a second: reading `ctx.isInvalid` notices the extension is gone and stops us.
    ctx.setInterval(() => void ctx.isInvalid, 1000);
  },
});
