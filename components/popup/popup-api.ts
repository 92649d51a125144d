/**
 * Everything the popup asks of the browser, behind one small interface. The popup entrypoint
 * passes the real `browser`; nothing here touches a global, so the hooks can run on fakes.
 *
 * The popup reads bookmarks and settings straight from storage (fast: no background wake-up) and
 * sends every change to the background, the single writer.
 */
import { readBookmarkList, type BookmarkList } from '../store/bookmark-writer';
import { REVIEWS_KEY, parseReviews, type ReviewEntry } from '../store/review-store';
import { PACKS_KEY, parsePackRecord, type PackRecord } from '../store/pack-store';
import type { MessageType, PageTerms, ProtocolMap } from '../shared/messages';
import { sendMessage, sendTabMessage, type RuntimeLike, type TabsLike } from '../shared/messaging';
import {
  readSettings,
  readUnreadSettings,
  type Settings,
  type StorageAreaLike,
} from '../store/settings';

type StorageListener = (changes: Record<string, unknown>, area: string) => void;

/** The slice of `browser` the popup uses. */
export interface PopupBrowser {
  runtime: RuntimeLike;
  storage: {
    local: StorageAreaLike;
    onChanged: {
      addListener(fn: StorageListener): void;
      removeListener(fn: StorageListener): void;
    };
  };
  tabs: TabsLike & {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    create(properties: { url: string }): Promise<unknown>;
  };
}

/** What the popup's hooks call. */
export interface PopupApi {
  listBookmarks(): Promise<BookmarkList>;
  /** The review schedule by bookmark key (empty before a first grade). */
  readReviews(): Promise<Map<string, ReviewEntry>>;
  readSettings(): Promise<Settings>;
  /** The imported packs and whether each is on (read leniently; what cannot be read is left out). */
  readPacks(): Promise<PackRecord>;
  /** Names of stored settings Gloss could not read (kept aside, see `settings.ts`). */
  unreadSettings(): Promise<string[]>;
  /** Calls `listener` when any of `keys` changes in `storage.local`; returns the unsubscribe. */
  watch(keys: readonly string[], listener: () => void): () => void;
  send<T extends MessageType>(
    type: T,
    payload: ProtocolMap[T]['request'],
  ): Promise<ProtocolMap[T]['response']>;
  /** The terms marked in the tab the popup belongs to; null when there is no content script. */
  pageTerms(): Promise<PageTerms | null>;
  /** True when the popup page is open as a tab (not as the toolbar popup). */
  isInTab(): Promise<boolean>;
  /** Opens an extension page in a new tab (relative address, e.g. `popup.html?view=saved`). */
  openPage(path: string): Promise<void>;
}

// The parameters are named `ext`, not `browser`: WXT's auto-import, although switched off, still
// adds an import of the polyfill to a module that mentions `browser.` without declaring it at
// the top level, and that import would put the polyfill back into the popup's chunk.

/**
 * The id of the tab whose page the popup describes: `?tab=ID` when given (tests, and the popup
 * opened as a tab for another page), otherwise the active tab, unless that is the popup itself.
 */
export async function targetTabId(ext: PopupBrowser, search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await ext.tabs.query({ active: true, currentWindow: true });
  const self = await ext.tabs.getCurrent().catch(() => undefined);
  if (active?.id === undefined || active.id === self?.id) return null;
  return active.id;
}

/** The real API over `browser`; `search` is the page's query string. */
export function createPopupApi(ext: PopupBrowser, search: string): PopupApi {
  return {
    listBookmarks: () => readBookmarkList(ext.storage.local),
    readReviews: async () =>
      parseReviews((await ext.storage.local.get(REVIEWS_KEY))[REVIEWS_KEY]).cards,
    readSettings: () => readSettings(ext.storage.local),
    readPacks: async () =>
      parsePackRecord((await ext.storage.local.get(PACKS_KEY))[PACKS_KEY]).record,
    unreadSettings: () => readUnreadSettings(ext.storage.local),
    watch(keys, listener) {
      const onChanged: StorageListener = (changes, area) => {
        if (area === 'local' && keys.some((k) => k in changes)) listener();
      };
      ext.storage.onChanged.addListener(onChanged);
      return () => ext.storage.onChanged.removeListener(onChanged);
    },
    send: (type, payload) => sendMessage(ext.runtime, type, payload),
    async pageTerms() {
      try {
        const tabId = await targetTabId(ext, search);
        if (tabId === null) return null;
        const answer = await sendTabMessage(ext.tabs, tabId, 'page:terms', {});
        return answer && Array.isArray(answer.terms) ? answer : null;
      } catch {
        // No content script in that tab (a browser page, the store, a page loaded before install).
        return null;
      }
    },
    async isInTab() {
      return (await ext.tabs.getCurrent().catch(() => undefined)) !== undefined;
    },
    async openPage(path) {
      await ext.tabs.create({ url: path });
    },
  };
}
