/**
 * Gloss in one page: reads the settings, marks the page while Gloss is on for this site, tracks
 * the pointer, answers the popup and the keyboard command, and takes everything down again when
 * the reader switches Gloss off or the extension is reloaded. The browser APIs come in as
 * arguments so the wiring is visible in one place.
 */
import { Annotator } from './annotator';
import { highlightEnv } from './highlight-env';
import { HighlightPainter } from './highlight-painter';
import { HoverTracker } from './hover-tracker';
import { hoverEnv } from './hover-env';
import { compileMatcher, type Matcher } from './matcher';
import { isMatcherIndex } from '../shared/matcher-index';
import { PACK_INDEX_KEY } from '../store/pack-store';
import type { MessageType, ProtocolMap } from '../shared/messages';
import { createMessageRouter, sendMessage } from '../shared/messaging';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  isSiteEnabled,
  migrateSettings,
  type Settings,
} from '../store/settings';
import type { CreateCardUi } from './card-ui-contract';
import { LazyCardUi } from './lazy-card-ui';
import { pageEnv } from './page-env';
import { countVisibleTerms } from './page-terms';

/** The slice of the extension API a page needs. */
export interface PageBrowser {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(fn: (message: unknown) => Promise<unknown> | undefined): void;
      removeListener(fn: (message: unknown) => Promise<unknown> | undefined): void;
    };
  };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(
        fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
      ): void;
      removeListener(
        fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
      ): void;
    };
  };
}

/** The running page session; `window.__gloss` in the content script's own world, for tests. */
export interface PageSession {
  readonly settings: Settings;
  /** Term ids by the matcher's term positions. */
  readonly termIds: readonly string[];
  annotator: Annotator | null;
  /** Resolves when the first scan (if any) is done. */
  ready: Promise<void>;
  destroy(): void;
}

/** What a first scan took, on the document's clock (for the Firefox benchmark, which has no trace). */
export interface ScanFigures {
  /** When marking was switched on and when its first scan was done (`performance.now()`). */
  startedAt: number;
  doneAt: number;
  occurrences: number;
  painted: number;
  /** The annotator's own account of its slices. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
}

/**
 * The badge is sent this long after the marks last changed: a first scan or a live page changes
 * them in bursts, and the badge needs only the count once a burst is over.
 */
const BADGE_DELAY_MS = 300;

/** Starts Gloss in `win`'s document. */
export function startPageSession(options: {
  win: Window & typeof globalThis;
  browser: PageBrowser;
  /** The matcher of the pack built into Gloss, used while no imported pack is stored. */
  matcher: Matcher;
  /**
   * Told when each switch-on's first scan is done, with its figures (benchmark builds only:
   * entrypoints/gloss.ts passes it when built with GLOSS_BENCH=1).
   */
  onScanned?: (figures: ScanFigures) => void;
  /** Loads the card UI (the first time a reader points at a term). */
  loadCardUi: () => Promise<CreateCardUi>;
}): PageSession {
  const { win, browser } = options;
  /** The bundled pack's matcher, or the one the background built for the packs that are on. */
  let matcher = options.matcher;
  const doc = win.document;
  const host = win.location.hostname;
  const send = <T extends MessageType>(type: T, payload: ProtocolMap[T]['request']) =>
    sendMessage(browser.runtime, type, payload);

  let settings: Settings = { ...DEFAULT_SETTINGS };
  let painter: HighlightPainter | null = null;
  let tracker: HoverTracker | null = null;
  let cards: LazyCardUi | null = null;
  // Browsers clear a tab's badge when it navigates (the content script's start), so a page that
  // marks nothing sends nothing: no message, and no service worker woken up, on most pages.
  let badgeSent = 0;
  let badgeTimer: number | undefined;

  /** Tells the background how many distinct terms are marked (top frame only; once a burst ends). */
  function badgeSoon(): void {
    if (win !== win.top) return;
    win.clearTimeout(badgeTimer);
    badgeTimer = win.setTimeout(() => {
      const count = session.annotator?.store.termCounts().size ?? 0;
      if (count === badgeSent) return;
      badgeSent = count;
      // The background may be restarting (an update): the next change sends again.
      send('page:badge', { count }).catch(() => (badgeSent = -1));
    }, BADGE_DELAY_MS);
  }

  const session: PageSession = {
    get settings() {
      return settings;
    },
    get termIds() {
      return matcher.termIds;
    },
    annotator: null,
    ready: Promise.resolve(),
    destroy,
  };

  function startMarking(): void {
    if (session.annotator) return;
    const env = highlightEnv(win);
    if (!env) return; // No Custom Highlight API: below the manifest's minimum versions.
    painter = new HighlightPainter(env, settings.style);
    const annotator = new Annotator(
      doc.body ?? doc.documentElement,
      matcher,
      painter,
      pageEnv(win),
      settings.markMode,
    );
    session.annotator = annotator;
    const ui = new LazyCardUi(options.loadCardUi, {
      doc,
      store: annotator.store,
      painter,
      termIds: matcher.termIds,
      theme: () => settings.theme,
      fetchDetail: (id) => send('term:get', { id }),
      fetchBookmarks: () => send('bookmark:keys', {}),
      toggleBookmark: async (termId, factId) =>
        (
          await send('bookmark:toggle', {
            termId,
            factId,
            page: { title: doc.title, url: win.location.href },
          })
        ).saved,
      openFull: (id) => void send('term:open', { id }),
      lookUp: (text) => send('selection:lookup', { text }),
      // After the card's own close has run: a new index waiting for it is used then.
      cardClosed: () => void win.setTimeout(() => cards?.isOpen || remark(), 0),
      addOwnTerm: (text, note) =>
        send('own:add', { text, note, page: { title: doc.title, url: win.location.href } }),
    });
    cards = ui;
    annotator.onChange(() => {
      ui.marksChanged();
      badgeSoon();
    });
    tracker = new HoverTracker(
      doc,
      annotator.store,
      hoverEnv(doc, win, painter),
      ui.hover,
      settings.hoverDelay,
    );
    const startedAt = win.performance.now();
    session.ready = annotator.start();
    const report = options.onScanned;
    if (report) {
      void session.ready
        .then(() => annotator.idle())
        .then(() => {
          if (session.annotator !== annotator) return;
          let painted = 0;
          for (const o of annotator.store.all()) if (o.painted) painted++;
          report({
            startedAt,
            doneAt: win.performance.now(),
            occurrences: annotator.store.size,
            painted,
            busyMs: annotator.stats.busyMs,
            slices: annotator.stats.slices,
            longestSliceMs: annotator.stats.longestSliceMs,
          });
        });
    }
  }

  function stopMarking(): void {
    tracker?.destroy();
    cards?.destroy();
    session.annotator?.destroy();
    painter?.destroy();
    tracker = cards = painter = null;
    session.annotator = null;
  }

  function apply(next: Settings): void {
    // The badge setting is applied by the background when it hears the count: send it again.
    if (next.badge !== settings.badge) badgeSent = -1;
    settings = next;
    if (!isSiteEnabled(settings, host)) {
      stopMarking();
      badgeSoon();
      return;
    }
    startMarking();
    painter?.setStyle(settings.style);
    session.annotator?.setMarkMode(settings.markMode);
    tracker?.setDelay(settings.hoverDelay);
    badgeSoon();
  }

  /** A new stored index waiting for the open card to close; see `onStorage`. */
  let pendingIndex: { value: unknown } | null = null;

  /** Re-marks the page with the index that arrived (a new matcher, so new marks and cards). */
  function remark(): void {
    if (!pendingIndex) return;
    useIndex(pendingIndex.value);
    pendingIndex = null;
    if (session.annotator) {
      stopMarking();
      apply(settings);
    }
  }

  /** Uses the stored index of the packs that are on, or the bundled one when there is none. */
  function useIndex(stored: unknown): void {
    matcher = isMatcherIndex(stored) ? compileMatcher(stored) : options.matcher;
  }

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (PACK_INDEX_KEY in changes) {
      // Packs changed in the popup: re-mark the open page with the new index, no reload needed.
      // An open card (the one that just added an own term) stays until it closes.
      pendingIndex = { value: changes[PACK_INDEX_KEY]?.newValue };
      if (!cards?.isOpen) remark();
    }
    if (SETTINGS_KEY in changes) apply(migrateSettings(changes[SETTINGS_KEY]?.newValue));
    if ('bookmarks' in changes) cards?.refreshBookmarks();
  };

  const router = createMessageRouter({
    'page:terms': async () => ({
      host,
      enabled: isSiteEnabled(settings, host),
      terms: countVisibleTerms(session.annotator?.store.all() ?? [], matcher.termIds),
    }),
    'page:next-term': async () => cards?.nextTerm() ?? false,
  });
  // The context menu's selection goes to the frame that holds it (the background names the frame).
  const frameRouter = createMessageRouter({
    'page:selection': async ({ text, action }) =>
      (await cards?.selection(String(text), action === 'add' ? 'add' : 'lookup')) ?? false,
  });
  // Messages to a tab reach every frame and the first answer wins: only the top frame answers.
  const onMessage = (message: unknown): Promise<unknown> | undefined =>
    frameRouter(message, {}) ?? (win === win.top ? router(message, {}) : undefined);

  browser.storage.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage);
  // Both keys in one read: one round trip to the browser (a page with no imported pack gets an
  // answer without it).
  session.ready = browser.storage.local
    .get([SETTINGS_KEY, PACK_INDEX_KEY])
    .then((stored) => {
      useIndex(stored[PACK_INDEX_KEY]);
      apply(migrateSettings(stored[SETTINGS_KEY]));
    })
    // Should the packs' index be what fails to load, the reader's settings still apply.
    .catch(() => browser.storage.local.get(SETTINGS_KEY))
    .then((stored) => stored && apply(migrateSettings(stored[SETTINGS_KEY])))
    .catch(() => apply({ ...DEFAULT_SETTINGS }))
    .then(() => session.ready);

  function destroy(): void {
    win.clearTimeout(badgeTimer);
    stopMarking();
    try {
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is already gone (reloaded): nothing left to unhook.
    }
  }

  return session;
}
