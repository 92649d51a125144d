/**
 * The two context-menu entries for selected text: "Look up in Gloss" and "Add “…” to my Gloss
 * terms". A click asks the content script of the frame holding the selection to open the
 * selection card (`page:selection`); the browser tests call `handleMenuClick` directly (a
 * context menu cannot be clicked from a test), so they run the code a click runs.
 */
import type { SelectionAction } from '../shared/messages';
import { sendTabMessage, type TabsLike } from '../shared/messaging';

/** Menu item ids, and the action each asks for. */
export const MENU_ITEMS: Record<string, SelectionAction> = {
  'gloss-lookup': 'lookup',
  'gloss-add-term': 'add',
};

/** The part of `browser.contextMenus` Gloss uses (Chromium and Firefox alike). */
export interface MenusLike {
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void>;
}

/** What a menu click reports (`contextMenus.OnClickData`), as far as Gloss reads it. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
}

/** Creates the entries, replacing any left from an earlier start of the background. */
export async function registerMenus(menus: MenusLike): Promise<void> {
  await menus.removeAll();
  // `%s` is the selection: browsers put it in the title, shortened.
  menus.create({ id: 'gloss-lookup', title: 'Look up “%s” in Gloss', contexts: ['selection'] });
  menus.create({
    id: 'gloss-add-term',
    title: 'Add “%s” to my Gloss terms',
    contexts: ['selection'],
  });
}

/**
 * Answers a menu click: the selection card opens in the frame of the selection. Where no Gloss
 * content script answers (a browser page, a PDF, Gloss off on that site), an "add" is done
 * directly with `addDirect` (without a note), and a look-up does nothing. Resolves true when
 * the card opened or the term was added.
 */
export async function handleMenuClick(
  deps: {
    tabs: TabsLike;
    addDirect?: (text: string, pageUrl: string | undefined) => Promise<unknown>;
  },
  info: MenuClick,
  tab: { id?: number } | undefined,
): Promise<boolean> {
  const action = MENU_ITEMS[String(info.menuItemId)];
  const text = info.selectionText ?? '';
  if (!action || !text.trim()) return false;
  let shown = false;
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      shown = await sendTabMessage(
        deps.tabs,
        tab.id,
        'page:selection',
        { text, action },
        info.frameId ?? 0,
      );
    } catch {
      shown = false;
    }
  }
  if (shown || action !== 'add' || !deps.addDirect) return shown;
  await deps.addDirect(text, info.pageUrl);
  return true;
}
