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

test("the background's answer comes back unwrapped", async () => {
  const api = createPopupApi(fakeBrowser({ ok: true, value: { saved: true } }), '');
  await expect(
    api.send('bookmark:toggle', { termId: 'sco', factId: 'f1', page: null }),
  ).resolves.toEqual({ saved: true });
});

test("a failed handler's answer becomes an error again", async () => {
  const api = createPopupApi(fakeBrowser({ ok: false, error: 'Storage is full' }), '');
  await expect(
    api.send('bookmark:toggle', { termId: 'sco', factId: 'f1', page: null }),
  ).rejects.toThrow('Storage is full');
});

test('no content script in the tab: the page has no terms, not an error', async () => {
  const browser = fakeBrowser(undefined);
  browser.tabs.query = async () => [{ id: 3 }];
  browser.tabs.getCurrent = async () => undefined;
  browser.tabs.sendMessage = () => Promise.reject(new Error('Receiving end does not exist'));
  expect(await createPopupApi(browser, '').pageTerms()).toBeNull();
});
