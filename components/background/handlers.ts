/**
 * What the background answers, built from plain parts (the fact base and a storage area) so the
 * entrypoint only wires browser events to it and tests can run it with a fake storage.
 */
import type { PackTerm, Source } from '../../data/schema';
import type { FactBase } from '../../data/fact-base';
import { createBookmarkWriter, type BookmarkWriter } from '../store/bookmark-writer';
import { createReviewWriter } from '../store/review-writer';
import { bundledPack, createPackWriter, type PackWriter } from '../store/pack-writer';
import type { Pack } from '../store/pack-format';
import type { TermDetail } from '../shared/messages';
import { sendTabMessage, type Handlers, type TabsLike } from '../shared/messaging';
import { readSettings, type StorageAreaLike } from '../store/settings';
import { factTextOf } from '../store/fact-text';
import { PACKS_KEY, parsePackRecord } from '../store/pack-store';
import { updateSettings } from '../store/settings-update';
import { createOwnHandlers } from './own-handlers';

/** The term with only the sources its facts cite, and the names of its related terms. */
export function termDetail(
  base: Pick<FactBase, 'sources'> & { terms: readonly PackTerm[] },
  id: string,
): TermDetail | null {
  const term = base.terms.find((t) => t.id === id);
  if (!term) return null;
  const cited = new Set(
    term.facts.flatMap((f) => [...f.sources, ...(f.values ?? []).flatMap((v) => v.sources)]),
  );
  const sources: Record<string, Source> = {};
  for (const s of base.sources) if (cited.has(s.id)) sources[s.id] = s;
  const related = term.related.flatMap((rid) => {
    const r = base.terms.find((t) => t.id === rid);
    return r ? [{ id: r.id, name: r.name }] : [];
  });
  return { term, sources, related, pack: null };
}

/** The same for a term of an imported pack: its ids qualified (`packId~termId`). */
export function packTermDetail(pack: Pack, termId: string): TermDetail | null {
  const detail = termDetail(pack, termId);
  if (!detail) return null;
  const qualify = (id: string) => `${pack.id}~${id}`;
  return {
    ...detail,
    term: { ...detail.term, id: qualify(detail.term.id) },
    related: detail.related.map((r) => ({ ...r, id: qualify(r.id) })),
    pack: pack.title,
  };
}

/** The address of the popup page showing one term, for `term:open` (relative to the extension). */
export function termPagePath(id: string): string {
  return `/popup.html?term=${encodeURIComponent(id)}`;
}

/** The background's handlers and its writer. Settings and bookmarks share one write queue. */
export function createBackgroundHandlers(deps: {
  /** The fact base, read on the first message that needs it (most wake-ups are writes). */
  loadFactBase: () => Promise<FactBase>;
  storage: StorageAreaLike;
  /** Sets the toolbar button's badge text of one tab ('' clears it). */
  setBadge?: (tabId: number, text: string) => Promise<unknown>;
  /** Opens an extension page (a path such as `/popup.html?term=s-400`) in a new tab. */
  openPage?: (path: string) => Promise<unknown>;
  now?: () => Date;
}): { handlers: Handlers; writer: BookmarkWriter; packs: PackWriter } {
  // The texts bookmarks keep: of the bundled pack and of every stored pack, as they are now.
  const factText = async () =>
    factTextOf(
      bundledPack((await factBase()).base),
      parsePackRecord((await deps.storage.get(PACKS_KEY))[PACKS_KEY]).record,
    );
  const writer = createBookmarkWriter(deps.storage, { now: deps.now, factText });
  /** The text a new bookmark keeps: from Gloss's own facts, never from the sender. */
  const savedText = async (termId: string, factId: string) => {
    const term = termId.includes('~')
      ? (await packs.term(termId))?.term
      : (await factBase()).base.terms.find((t) => t.id === termId);
    const text = term?.facts.find((f) => f.id === factId)?.text;
    return text === undefined ? {} : { text };
  };
  const grade = createReviewWriter(deps.storage, { queue: writer.queue, now: deps.now });
  let loaded: Promise<{ base: FactBase; ids: Set<string> }> | null = null;
  const factBase = () => {
    loaded ??= deps.loadFactBase().then((base) => ({
      base,
      ids: new Set(base.terms.map((t) => t.id)),
    }));
    // A failed read is not kept: the next message tries again.
    loaded.catch(() => (loaded = null));
    return loaded;
  };
  const packs = createPackWriter(deps.storage, {
    queue: writer.queue,
    bundled: async () => bundledPack((await factBase()).base),
    now: deps.now,
  });
  const handlers: Handlers = {
    'term:get': async ({ id }) => {
      const [detail, also] = await Promise.all([
        id.includes('~')
          ? packs.term(id).then((found) => found && packTermDetail(found.pack, found.term.id))
          : factBase().then(({ base, ids }) => (ids.has(id) ? termDetail(base, id) : null)),
        packs.shared(id),
      ]);
      return detail && also.length > 0 ? { ...detail, also } : detail;
    },
    'term:open': async ({ id }) => {
      const known = id.includes('~') ? !!(await packs.term(id)) : (await factBase()).ids.has(id);
      if (known) await deps.openPage?.(termPagePath(id));
    },
    'bookmark:toggle': async ({ termId, factId, page }) =>
      writer.toggle({ termId, factId, page, ...(await savedText(termId, factId)) }),
    'bookmark:keys': () => writer.keys(),
    'bookmark:note': (request) => writer.setNote(request),
    'bookmark:remove': (request) => writer.remove(request),
    'bookmark:restore': ({ bookmark }) => writer.restore(bookmark),
    'bookmark:import': ({ text }) => writer.importText(text),
    'bookmark:grade': (request) => grade(request),
    'page:badge': async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !deps.setBadge) return;
      const { badge } = await readSettings(deps.storage);
      const n = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
      await deps.setBadge(tabId, badge && n > 0 ? String(n) : '');
    },
    'settings:update': (update) => writer.queue.run(() => updateSettings(deps.storage, update)),
    'pack:list': () => packs.list(),
    'pack:preview': ({ text }) => packs.preview(String(text)),
    // Bookmarks stored by an older Gloss take their texts from a pack before it is replaced or
    // removed.
    'pack:import': ({ text }) => writer.migrate().then(() => packs.importText(String(text))),
    'pack:set-enabled': ({ id, enabled }) => packs.setEnabled(String(id), enabled === true),
    'pack:remove': ({ id }) => writer.migrate().then(() => packs.remove(String(id))),
    'pack:export': ({ id }) => packs.exportText(String(id)),
    ...createOwnHandlers({
      packs,
      bundled: async () => bundledPack((await factBase()).base),
      now: deps.now,
    }),
  };
  return { handlers, writer, packs };
}

/** The part of `browser.tabs` the keyboard command needs. */
export interface CommandTabs extends TabsLike {
  query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
}

/**
 * The `next-term` keyboard command: asks the active tab's content script to move to the next
 * marked term. Resolves false when there is no tab or no content script (e.g. a browser page).
 */
export async function forwardNextTerm(tabs: CommandTabs): Promise<boolean> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    return await sendTabMessage(tabs, tab.id, 'page:next-term', {});
  } catch {
    return false;
  }
}
