import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import factBase from 'virtual:gloss/fact-base';
import { createBackgroundHandlers, forwardNextTerm } from '../components/background/handlers';
import { createMessageRouter } from '../components/shared/messaging';

// The single writer of stored data: every bookmark and settings change goes through the queue
// inside the handlers, so tabs and the popup writing at once never lose a change.
export default defineBackground(() => {
  const { handlers } = createBackgroundHandlers({
    factBase,
    storage: browser.storage.local,
    // A relative address opens the extension's own page (tabs.create resolves it to the extension).
    openPage: (path) => browser.tabs.create({ url: path }),
  });
  browser.runtime.onMessage.addListener(createMessageRouter(handlers));
  const onCommand = (command: string) =>
    command === 'next-term' ? forwardNextTerm(browser.tabs) : Promise.resolve(false);
  browser.commands.onCommand.addListener((command) => void onCommand(command));
  // Headless browsers have no keyboard accelerators: the browser tests call this directly.
  (globalThis as { glossCommand?: typeof onCommand }).glossCommand = onCommand;
});
