import { expect, test } from 'vitest';
import { createPopupApi, type PopupBrowser } from '../../../components/popup/popup-api';

/** A browser whose background answers every message with `answer`. */
function fakeBrowser(answer: unknown): PopupBrowser {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    runtime: { sendMessage: () => Promise.resolve(answer) },
    storage: {
      local: { get: unused, set: unused },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    tabs: { sendMessage: unused, query: unused, getCurrent: unused, create: unused },
  };
}

test("the background's answer comes back as it is", async () => {
  const api = createPopupApi(fakeBrowser({ saved: true }), '');
  await expect(
    api.send('bookmark:toggle', { termId: 'sco', factId: 'f1', page: null }),
  ).resolves.toEqual({ saved: true });
});

test("a failed handler's answer from webextension-polyfill becomes an error again", async () => {
  const api = createPopupApi(
    fakeBrowser({ __mozWebExtensionPolyfillReject__: true, message: 'Storage is full' }),
    '',
  );
  await expect(
    api.send('bookmark:toggle', { termId: 'sco', factId: 'f1', page: null }),
  ).rejects.toThrow('Storage is full');
});
