/**
 * Decides when the card opens, what it shows and when it closes: hover intent opens it, a grace
 * period keeps it while the pointer travels onto it, Escape or a click elsewhere closes it, and
 * the keyboard command walks the marked terms in reading order.
 */
import type { HoverCallbacks } from '../page/hover-tracker';
import { inDocumentOrder, nextOccurrence } from '../page/keyboard-nav';
import type { TermDetail } from '../shared/messages';
import type { Occurrence } from '../page/occurrence-store';
import type { ComponentChildren } from 'preact';
import type { CardPopover } from './card-popover';
import type { Anchor } from './card-position';
import type { CardUiDeps } from '../page/card-ui-contract';
import { FactCard } from './FactCard';
import { bookmarkKey } from '../store/bookmark-store';

/** Time the pointer may spend between the term and the card before the card closes. */
export const GRACE_MS = 350;

/** What the controller needs: the session's side of the card UI, and the popover it drives. */
export type CardControllerDeps = CardUiDeps & { popover: CardPopover };

/** The id of the open card's heading (its dialog is labelled by it). */
export const CARD_HEADING_ID = 'gloss-card-heading';
const HEADING_ID = CARD_HEADING_ID;

export class CardController {
  private occurrence: Occurrence | null = null;
  private termId: string | null = null;
  private detail: TermDetail | null = null;
  private notice: string | null = null;
  private bookmarks = new Set<string>();
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private pinned = false;
  /** The pointer is on the card (the tracker reports leaving the term a frame later). */
  private onCard = false;
  private ordered: Occurrence[] | null = null;
  private readonly cache = new Map<string, Promise<TermDetail | null>>();
  private readonly controller = new AbortController();
  /** The selection card's view, shown instead of a term's facts while set. */
  private custom: (() => ComponentChildren) | null = null;
  /** Back from a match's facts to the selection card (set while one is shown). */
  private back: (() => void) | null = null;

  constructor(private readonly deps: CardControllerDeps) {
    const { doc } = deps;
    const signal = this.controller.signal;
    doc.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    doc.addEventListener(
      'pointerdown',
      (e) => {
        if (this.deps.popover.isOpen && !this.deps.popover.contains(e.target)) this.close();
      },
      { capture: true, passive: true, signal },
    );
  }

  /** Callbacks for the hover tracker. */
  readonly hover: HoverCallbacks = {
    enter: (o) => {
      void this.load(this.deps.termIds[o.term] ?? '');
      if (o === this.occurrence) this.cancelClose();
    },
    intent: (o) => {
      // The selection card, opened on purpose, is not replaced by a passing pointer.
      if (this.custom || this.back) return;
      if (o !== this.occurrence) void this.show(o, this.deps.termIds[o.term] ?? '', false);
    },
    leave: (o) => {
      if (o === this.occurrence && !this.pinned && !this.onCard) this.scheduleClose();
    },
  };

  /** Events from the popover. */
  readonly popoverEvents = {
    enter: () => {
      this.onCard = true;
      this.cancelClose();
    },
    leave: () => {
      this.onCard = false;
      if (!this.pinned) this.scheduleClose();
    },
  };

  /** The marks changed: the reading order must be rebuilt; a card whose text went away closes. */
  marksChanged(): void {
    this.ordered = null;
    if (this.occurrence && !this.occurrence.painted) this.close();
  }

  /** Bookmarks changed somewhere (this card, another tab, the popup). */
  async refreshBookmarks(): Promise<void> {
    this.bookmarks = new Set(await this.deps.fetchBookmarks());
    this.render();
  }

  /** Opens the card of the next marked term after the current one; false if there is none. */
  nextTerm(): boolean {
    this.ordered ??= inDocumentOrder(this.deps.store.all());
    const next = nextOccurrence(this.ordered, this.occurrence, (o) => o.painted && isVisible(o));
    if (!next) return false;
    scrollToOccurrence(next);
    void this.show(next, this.deps.termIds[next.term] ?? '', true);
    return true;
  }

  /** Opens `view` (the selection card) by `anchor` with focus inside; hover leaves it alone. */
  openCustom(view: () => ComponentChildren, anchor: Anchor): void {
    this.close();
    this.custom = view;
    this.pinned = true;
    this.deps.popover.open(view(), anchor, {
      focus: true,
      labelledBy: HEADING_ID,
      theme: this.deps.theme(),
    });
  }

  /** Shows `view` again in the open card (back from a match's facts), or renders it anew. */
  showCustom(view: () => ComponentChildren): void {
    const inCard = this.deps.popover.contains(this.deps.doc.activeElement);
    this.custom = view;
    this.back = null;
    this.render();
    this.deps.popover.keepFocus(inCard);
  }

  /** True while the open card shows `view`. */
  showing(view: () => ComponentChildren): boolean {
    return this.custom === view && this.deps.popover.isOpen;
  }

  /** Focuses the element of the open card matching `selector`, once it is drawn. */
  focusInCard(selector: string): void {
    const win = this.deps.doc.defaultView;
    win?.requestAnimationFrame(() =>
      this.deps.popover.find<HTMLElement>(selector)?.focus({ preventScroll: true }),
    );
  }

  /** Shows the facts of `termId` in the open card, as its hover card does; `onBack` returns. */
  showTerm(termId: string, onBack: () => void): void {
    this.custom = null;
    this.back = onBack;
    this.notice = null;
    void this.showRelated(termId);
  }

  close(): void {
    const wasOpen = this.deps.popover.isOpen;
    this.custom = null;
    this.back = null;
    this.cancelClose();
    this.deps.popover.close();
    this.deps.painter.setActive(null);
    this.occurrence = null;
    this.termId = null;
    this.detail = null;
    this.pinned = false;
    this.onCard = false;
    if (wasOpen) this.deps.cardClosed?.();
  }

  destroy(): void {
    this.controller.abort();
    this.close();
  }

  private load(termId: string): Promise<TermDetail | null> {
    let pending = this.cache.get(termId);
    if (!pending) {
      pending = this.deps.fetchDetail(termId).catch(() => null);
      this.cache.set(termId, pending);
    }
    return pending;
  }

  private async show(o: Occurrence, termId: string, byKeyboard: boolean): Promise<void> {
    this.cancelClose();
    this.occurrence = o;
    this.termId = termId;
    this.pinned = byKeyboard;
    this.notice = null;
    this.deps.painter.setActive(o);
    this.detail = await this.load(termId);
    if (this.occurrence !== o) return;
    if (!this.detail)
      this.notice = 'Gloss was updated or reloaded: reload the page to see this card.';
    else void this.refreshBookmarks();
    const range = o.node.ownerDocument.createRange();
    range.setStart(o.node, o.start);
    range.setEnd(o.node, o.end);
    const anchor = { getBoundingClientRect: () => range.getBoundingClientRect() };
    this.deps.popover.open(this.view(), anchor, {
      focus: byKeyboard,
      labelledBy: HEADING_ID,
      theme: this.deps.theme(),
    });
  }

  private async showRelated(termId: string): Promise<void> {
    const inCard = this.deps.popover.contains(this.deps.doc.activeElement);
    this.termId = termId;
    this.pinned = true;
    this.detail = await this.load(termId);
    if (this.termId === termId && !this.detail && this.back)
      this.notice = 'This term is no longer in Gloss.';
    this.render();
    this.deps.popover.keepFocus(inCard);
  }

  private render(): void {
    if (this.deps.popover.isOpen) this.deps.popover.update(this.view());
  }

  private view() {
    if (this.custom) return this.custom();
    return (
      <FactCard
        detail={this.detail}
        bookmarked={this.bookmarks}
        notice={this.notice}
        headingId={HEADING_ID}
        onToggleBookmark={(factId) => void this.toggle(factId)}
        onOpenRelated={(id) => void this.showRelated(id)}
        onOpenFull={(id) => this.deps.openFull(id)}
        onClose={() => this.close()}
        onBack={this.back ?? undefined}
      />
    );
  }

  private async toggle(factId: string): Promise<void> {
    const termId = this.termId;
    if (!termId) return;
    const key = bookmarkKey({ termId, factId });
    try {
      const saved = await this.deps.toggleBookmark(termId, factId);
      if (saved) this.bookmarks.add(key);
      else this.bookmarks.delete(key);
      this.notice = null;
    } catch (error) {
      this.notice = `Could not save the bookmark: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.render();
  }

  private onKey(event: KeyboardEvent): void {
    // Only Escape, and only while a card is open: every other key belongs to the page.
    if (event.key !== 'Escape' || !this.deps.popover.isOpen) return;
    this.close();
  }

  private scheduleClose(): void {
    this.cancelClose();
    this.closeTimer = setTimeout(() => this.close(), GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }
}

function isVisible(o: Occurrence): boolean {
  const el = o.node.parentElement;
  return el !== null && (typeof el.checkVisibility !== 'function' || el.checkVisibility());
}

function scrollToOccurrence(o: Occurrence): void {
  const range = o.node.ownerDocument.createRange();
  range.setStart(o.node, o.start);
  range.setEnd(o.node, o.end);
  const rect = range.getBoundingClientRect();
  const view = o.node.ownerDocument.defaultView;
  if (!view) return;
  if (rect.top < 0 || rect.bottom > view.innerHeight) {
    view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
  }
}
