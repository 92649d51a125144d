// Callbacks given to page.evaluate and worker.evaluate run inside the browser, where extension
// pages and the service worker have the `chrome` namespace (promise-based in MV3); Firefox's
// extension pages have `browser`.
declare const chrome: typeof import('webextension-polyfill').default;
declare const browser: typeof import('webextension-polyfill').default;
