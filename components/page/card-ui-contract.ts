/**
 * The seam between the part of Gloss every page pays for (marking, hover tracking) and the card
 * UI (Preact, Floating UI, the card's CSS), which is loaded the first time a reader points at a
 * term. Only types and two small functions live here, so the page bundle stays free of UI code.
 */
import type { HighlightPainter } from './highlight-painter';
import type { HoverCallbacks } from './hover-tracker';
import type { LookupAnswer, SelectionAction, TermDetail } from '../shared/messages';
import type { OwnTermAdded } from '../store/own-pack';
import type { OccurrenceStore } from './occurrence-store';
import type { Theme } from '../store/settings';

/** What the page session gives the card UI. */
export interface CardUiDeps {
  doc: Document;
  store: OccurrenceStore;
  painter: Pick<HighlightPainter, 'setActive'>;
  termIds: readonly string[];
  theme(): Theme;
  fetchDetail(termId: string): Promise<TermDetail | null>;
  fetchBookmarks(): Promise<string[]>;
  toggleBookmark(termId: string, factId: string): Promise<boolean>;
  openFull(termId: string): void;
  /** The best matches for a selected text (searched by the background). */
  lookUp(text: string): Promise<LookupAnswer>;
  /** The open card closed (the page may re-mark now). */
  cardClosed?(): void;
  /** Adds a selected text, with a note, to the reader's own terms (with this page). */
  addOwnTerm(text: string, note: string): Promise<OwnTermAdded>;
}

/** The card UI as the page session drives it. */
export interface CardUi {
  /** Callbacks for the hover tracker. */
  readonly hover: HoverCallbacks;
  readonly isOpen: boolean;
  /** The marks changed (reading order, a card whose text went away). */
  marksChanged(): void;
  /** Bookmarks changed somewhere else. */
  refreshBookmarks(): Promise<void>;
  /** Opens the next marked term's card with focus inside; false when there is none. */
  nextTerm(): boolean;
  /**
   * Opens the selection card by the page's selection, with focus inside (the reader chose it
   * from the context menu): the matches of `text`, and adding it to the reader's own terms.
   */
  selection(text: string, action: SelectionAction): boolean;
  destroy(): void;
}

export type CreateCardUi = (deps: CardUiDeps) => CardUi;

/**
 * Where the card bundle leaves its factory. The bundle is a classic script loaded with `import()`
 * (WXT builds unlisted scripts as IIFEs, which cannot export), and it runs in the content
 * script's isolated world, whose global object pages cannot see.
 */
const KEY = Symbol.for('gloss.card-ui');

type Scope = { [KEY]?: CreateCardUi };

/** Called by the card bundle when it is evaluated. */
export function registerCardUi(create: CreateCardUi, scope: object = globalThis): void {
  (scope as Scope)[KEY] = create;
}

/**
 * Loads the card bundle at `url` (once per world: later imports of the same URL are cached by the
 * browser) and returns its factory. Rejects when the bundle cannot be loaded, as after the
 * extension was removed or updated under the page.
 */
export async function loadCardUi(
  url: string,
  load: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u),
  scope: object = globalThis,
): Promise<CreateCardUi> {
  const registered = () => (scope as Scope)[KEY];
  if (!registered()) await load(url);
  const create = registered();
  if (!create) throw new Error(`the card UI at ${url} did not register`);
  return create;
}
