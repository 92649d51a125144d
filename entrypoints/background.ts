import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers, forwardNextTerm } from '../components/background/handlers';
import { FACT_BASE_FILE, fetchFactBase } from '../components/shared/fact-base-file';
import { createMessageRouter } from '../components/shared/messaging';
import {
  handleMenuClick,
  registerMenus,
  type MenuClick,
} from '../components/background/context-menu';

// The single writer of stored data: every bookmark and settings change goes through the queue
// inside the handlers, so tabs and the popup writing at once never lose a change.
export default defineBackground(() => {
  const { handlers, writer, packs } = createBackgroundHandlers({
    // An extension page's own address: the packaged file, read from the extension's origin.
    loadFactBase: () => fetchFactBase(FACT_BASE_FILE, (url) => fetch(url)),
    storage: browser.storage.local,
    // MV3's action, MV2's (Firefox) browserAction.
    setBadge: (tabId, text) =>
      (browser.action ?? browser.browserAction).setBadgeText({ tabId, text }),
    // A relative address opens the extension's own page (tabs.create resolves it to the extension).
    openPage: (path) => browser.tabs.create({ url: path }),
  });
  browser.runtime.onMessage.addListener(createMessageRouter(handlers));
  // An update may bring a new bookmark format: migrate once now, while the saved facts are as
  // the reader saved them (a failure is retried by the next write, which migrates too).
  browser.runtime.onInstalled.addListener(() => void writer.migrate().catch(() => undefined));
  // An update may bring a faster index format too: the imported packs' index is built again.
  browser.runtime.onInstalled.addListener(() => void packs.reindex().catch(() => undefined));
  // The popup's accent colour, so the count reads as Gloss's.
  void (browser.action ?? browser.browserAction).setBadgeBackgroundColor({ color: '#2f54d1' });
  const onCommand = (command: string) =>
    command === 'next-term' ? forwardNextTerm(browser.tabs) : Promise.resolve(false);
  browser.commands.onCommand.addListener((command) => void onCommand(command));
  // Headless browsers have no keyboard accelerators: the browser tests call this directly.
  (globalThis as { glossCommand?: typeof onCommand }).glossCommand = onCommand;
  // "Look up in Gloss" and "Add … to my Gloss terms" for selected text.
  void registerMenus(browser.contextMenus);
  const onMenuClick = (info: MenuClick, tab?: { id?: number; title?: string }) =>
    handleMenuClick(
      {
        tabs: browser.tabs,
        addDirect: (text, url) =>
          handlers['own:add']!(
            { text, note: '', page: url ? { title: tab?.title ?? '', url } : null },
            {},
          ),
      },
      info,
      tab,
    );
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  // A context menu cannot be clicked from a test: the browser tests call what a click calls.
  (globalThis as { glossMenuClick?: typeof onMenuClick }).glossMenuClick = onMenuClick;
});
