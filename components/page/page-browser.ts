/**
 * The extension API as the page session needs it, made from the browser's own `browser` or
 * `chrome` object. The content script runs on every page, so it does without
 * webextension-polyfill (3 KB of its 25 KB gzip budget, measured 2026-11-22): everything it uses
 * is promise-based natively in MV3 Chromium and in Firefox, except that a Chromium `onMessage`
 * listener answers through `sendResponse`, which this adapter bridges.
 */
import type { PageBrowser } from './page-session';

type Listener = (message: unknown) => Promise<unknown> | undefined;
type NativeListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean;

/** The parts of the native API object the adapter reads. */
export interface NativeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(fn: NativeListener): void; removeListener(fn: NativeListener): void };
  };
  storage: PageBrowser['storage'];
}

/** Wraps `api` so promise-returning listeners answer on every browser. */
export function pageBrowser(api: NativeApi): PageBrowser {
  const wrapped = new Map<Listener, NativeListener>();
  return {
    runtime: {
      sendMessage: (message) => api.runtime.sendMessage(message),
      onMessage: {
        addListener(fn) {
          const native: NativeListener = (message, _sender, sendResponse) => {
            const answer = fn(message);
            if (!answer) return false;
            answer.then(sendResponse, () => sendResponse(undefined));
            // Keeps the channel open until the answer is ready.
            return true;
          };
          wrapped.set(fn, native);
          api.runtime.onMessage.addListener(native);
        },
        removeListener(fn) {
          const native = wrapped.get(fn);
          if (native) api.runtime.onMessage.removeListener(native);
          wrapped.delete(fn);
        },
      },
    },
    storage: api.storage,
  };
}
