// Callbacks given to page.evaluate and worker.evaluate run inside the browser, where extension
// pages and the service worker have the `chrome` namespace (promise-based in MV3).
declare const chrome: typeof import('webextension-polyfill').default;
