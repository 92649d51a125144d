/**
 * The popover that holds the fact card: it owns a shadow root (page CSS cannot reach in), places
 * the card beside its anchor (see card-position.ts), and adds
 * its host to the page only while open, so a page without an open card carries no trace of Gloss.
 */
import { render, type ComponentChildren } from 'preact';
import { followAnchor, placeCard, type Anchor } from './card-position';
import { GLOSS_HOST_TAG } from '../page/page-walk';
import type { Theme } from '../store/settings';

export interface PopoverEvents {
  /** The pointer moved onto the card (keep it open). */
  enter(): void;
  /** The pointer left the card (start the grace period). */
  leave(): void;
}

export class CardPopover {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private stopTracking: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
    private readonly events: PopoverEvents,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** True when `node` is inside the card (events from the shadow root are retargeted to the host). */
  contains(node: EventTarget | null): boolean {
    return (
      node !== null &&
      this.host !== null &&
      (node === this.host || this.host.contains(node as Node))
    );
  }

  /**
   * Shows `content` next to `anchor`. With `focus`, the card takes focus (only for keyboard use:
   * a hover never moves the reader's focus) and gives it back when it closes.
   */
  open(
    content: ComponentChildren,
    anchor: Anchor,
    options: { focus: boolean; labelledBy: string; theme: Theme },
  ): void {
    const card = this.ensure(options.labelledBy, options.theme);
    render(content, card);
    this.stopTracking?.();
    const win = this.doc.defaultView;
    if (win) {
      const place = () => void placeCard(win, anchor, card);
      place();
      this.stopTracking = followAnchor(win, place);
    }
    if (options.focus) {
      const active = this.doc.activeElement;
      if (active instanceof HTMLElement && !this.contains(active)) this.returnFocus = active;
      card.focus({ preventScroll: true });
    }
  }

  /** Puts focus on the card itself when it was in the card and got lost (its view changed). */
  keepFocus(wasInCard: boolean): void {
    const active = this.doc.activeElement;
    if (wasInCard && this.card && !this.contains(active)) this.card.focus({ preventScroll: true });
  }

  /** An element inside the open card (to move focus to it), or null. */
  find<T extends Element>(selector: string): T | null {
    return this.card?.querySelector<T>(selector) ?? null;
  }

  /** Re-renders the open card without moving it. */
  update(content: ComponentChildren): void {
    if (this.card) render(content, this.card);
  }

  /** Hides the card and takes its host out of the page. */
  close(): void {
    this.stopTracking?.();
    this.stopTracking = null;
    if (this.card) render(null, this.card);
    const active = this.doc.activeElement;
    // Focus in the card, or lost from it (the focused button was drawn over), goes back.
    const hadFocus =
      this.host !== null && (this.contains(active) || active === null || active === this.doc.body);
    this.host?.remove();
    this.host = null;
    this.card = null;
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  destroy(): void {
    this.close();
  }

  private ensure(labelledBy: string, theme: Theme): HTMLElement {
    if (this.host && this.card) {
      this.card.className = `card ${theme}`;
      return this.card;
    }
    const host = this.doc.createElement(GLOSS_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(this.doc, shadow, this.css);
    const card = this.doc.createElement('div');
    card.className = `card ${theme}`;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-labelledby', labelledBy);
    card.tabIndex = -1;
    card.addEventListener('pointerenter', () => this.events.enter());
    card.addEventListener('pointerleave', () => this.events.leave());
    shadow.append(card);
    // A popover before it is added, so the page sees one added element and no attribute change.
    if (typeof host.showPopover === 'function') host.popover = 'manual';
    this.doc.documentElement.append(host);
    showInTopLayer(host);
    this.host = host;
    this.card = card;
    return card;
  }
}

/**
 * Puts the host in the top layer (a manual popover): a page's `transform`, `filter` or
 * `contain` on <html> would otherwise become the containing block of the fixed card and carry it
 * off screen, and no z-index of the page can cover it there.
 */
function showInTopLayer(host: HTMLElement): void {
  if (host.popover !== 'manual') return;
  try {
    host.showPopover();
  } catch {
    // Not in a fully active document: the card still shows, as a plain fixed element.
  }
}

/**
 * Styles the shadow root with a constructed sheet: a page's Content-Security-Policy may forbid
 * inline <style> elements, but not sheets built through the CSSOM. Falls back to <style> where
 * a browser refuses a sheet built in the extension's world.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}
