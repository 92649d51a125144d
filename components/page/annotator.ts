/**
 * Finds the fact base's terms in a document and keeps the marks in step with the page: the first
 * scan and every later change run in slices of about 8 ms that yield to the page, so no long task
 * is Gloss's, and after load only text that changed is scanned again.
 */
import { LateShadowHosts } from './late-shadow-hosts';
import { MarkSelection, type Painter } from './mark-selection';
import type { Matcher } from './matcher';
import { OccurrenceStore, type Occurrence } from './occurrence-store';
import { GLOSS_HOST_TAG, TextWalker, isForeign, isInSkippedTree, languageAt } from './page-walk';
import type { MarkMode } from '../store/settings';

export type { Painter } from './mark-selection';

/** Timing and scheduling hooks, passed in so tests and benchmarks control them. */
export interface AnnotatorEnv {
  now(): number;
  /** Lets the page run (scheduler.yield where it exists). */
  yieldToPage(): Promise<void>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  MutationObserver: typeof MutationObserver;
}

/** Figures the benchmark and the reliability tests read. */
export interface AnnotatorStats {
  /** Main-thread time spent scanning and painting, in ms. */
  busyMs: number;
  /** The longest single slice, in ms. */
  longestSliceMs: number;
  slices: number;
  textNodes: number;
  /** Mutation batches handled after the first scan. */
  batches: number;
}

const NO_OCCURRENCES: readonly Occurrence[] = Object.freeze([]);

/**
 * How long one slice may run before yielding. Not the 12 ms the slices are held to: a slice can
 * run past its deadline by a garbage collection or by the machine taking the core away, and
 * with 8 ms the large page's longest slice was 12.1–12.7 ms (10,080 terms, 3 runs, 2026-12-07).
 */
export const SLICE_MS = 6;
/**
 * The session's first slice runs the scanner's code cold (V8 compiles and interprets it on first
 * use), and an article's whole scan takes it 5–7 ms: cut at 6 ms, the few nodes left cost a
 * second task and a second frame (article 16.9–18.5 ms instead of 14.6, 2026-12-07).
 */
export const FIRST_SLICE_MS = 8;
/**
 * The first scan's marks are handed to the browser together when it ends (see
 * `HighlightPainter.hold`), or as they come once it has run this long: later than the 100 ms a
 * reader takes for at once, the marks found so far show.
 */
export const HOLD_MAX_MS = 100;
/**
 * How long changes are collected before they are scanned (well inside the 500 ms goal). A live
 * page changing every 10 ms pays a timer, a scan and a paint per batch: 100 ms rather than 40 cut
 * Gloss's script per 50 live paragraphs from 11.6 to 9.8 ms (A/B of 6 runs, 2026-12-07); 200 ms
 * saved nothing more and doubled the delay.
 */
export const BATCH_MS = 100;

export class Annotator {
  readonly store = new OccurrenceStore();
  readonly stats: AnnotatorStats = {
    busyMs: 0,
    longestSliceMs: 0,
    slices: 0,
    textNodes: 0,
    batches: 0,
  };
  private readonly queue: TextWalker[] = [];
  /** The text node being matched, for `make`. */
  private scanning: Text | null = null;
  /** Makes the matcher's matches in `scanning` into occurrences, one object each. */
  private readonly make = (start: number, end: number, term: number): Occurrence => ({
    node: this.scanning as Text,
    start,
    end,
    term,
    painted: false,
    range: null,
  });
  private readonly pending = new Set<Node>();
  /** Open shadow roots found in the page: each is watched too (an observer stops at them). */
  private readonly shadows = new Set<ShadowRoot>();
  /** Custom elements that may attach a shadow root later (see `TextWalker.waitingHosts`). */
  private readonly hosts: LateShadowHosts;
  /** What is painted of what is found (every occurrence, or the first of each term). */
  private readonly marks: MarkSelection;
  private observer: MutationObserver | null = null;
  private running: Promise<void> | null = null;
  private batchTimer: unknown = null;
  private destroyed = false;
  /** Until when new marks are held back (the first scan); null once they are not. */
  private holdUntil: number | null = null;
  private listeners = new Set<() => void>();

  constructor(
    private readonly root: Node,
    private readonly matcher: Matcher,
    private readonly painter: Painter,
    private readonly env: AnnotatorEnv,
    markMode: MarkMode = 'all',
  ) {
    this.marks = new MarkSelection(this.store, painter, markMode);
    this.hosts = new LateShadowHosts(env, (shadow) => {
      this.addShadow(shadow);
      void this.drain().then(() => this.emit());
    });
  }

  /** Scans the whole root, then keeps watching it. Resolves when the first scan is done. */
  start(): Promise<void> {
    // A page declared in another language than the terms' is left alone (an English section
    // inside it too: finding it would cost a walk of the whole page).
    if (isForeign(languageAt(this.root), this.matcher.language)) return Promise.resolve();
    this.observer = new this.env.MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, WATCH);
    this.hosts.pageChanged();
    this.queue.push(new TextWalker(this.root, this.matcher.language));
    this.painter.hold?.();
    this.holdUntil = this.env.now() + HOLD_MAX_MS;
    return this.drain().then(() => this.release());
  }

  /** Ends the first scan's hold on its marks (the last slice, or one past HOLD_MAX_MS). */
  private release(): void {
    if (this.holdUntil === null) return;
    this.holdUntil = null;
    this.painter.release?.();
  }

  /** Resolves once every queued change has been scanned. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Called after each scan slice that changed the marks (the popup's page list, the card). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switches between marking every occurrence and only the first of each term. */
  setMarkMode(mode: MarkMode): void {
    if (this.marks.setMode(mode)) this.emit();
  }

  /** True when `o` is painted (every occurrence in "all" mode, the first of its term otherwise). */
  isPainted(o: Occurrence): boolean {
    return o.painted;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Scans one text node, replacing what it held before. `after`: a node with occurrences that the
   * walk passed before this one in this slice (see `HighlightPainter.paint`), or null.
   */
  private scanText(node: Text, after: Text | null = null): boolean {
    const text = node.data;
    this.stats.textNodes++;
    this.scanning = node;
    const occurrences = text.length < 2 ? NO_OCCURRENCES : this.matcher.find(text, this.make);
    if (occurrences.length === 0 && !this.store.has(node)) return false;
    this.marks.dropped(this.store.set(node, occurrences));
    this.marks.paintNew(occurrences, after);
    return true;
  }

  private drain(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0 && !this.destroyed) {
      const start = this.env.now();
      const deadline = start + (this.stats.slices === 0 ? FIRST_SLICE_MS : SLICE_MS);
      let changed = false;
      let steps = 0;
      // The last node with occurrences that this slice's current walker yielded: the walk goes in
      // document order, and the page cannot change it before the slice ends.
      let after: Text | null = null;
      while (this.queue.length > 0) {
        const walker = this.queue[0] as TextWalker;
        const node = walker.next();
        if (node === null) {
          this.queue.shift();
          after = null;
          for (const shadow of walker.shadowRoots) this.addShadow(shadow);
          if (walker.waitingHosts.length > 0) this.hosts.add(walker.waitingHosts);
          continue;
        }
        if (this.scanText(node, after)) {
          changed = true;
          if (this.store.has(node)) after = node;
        }
        // Reading the clock costs more than a short text node; check every 16 nodes.
        if ((++steps & 15) === 0 && this.env.now() >= deadline) break;
      }
      const spent = this.env.now() - start;
      this.stats.busyMs += spent;
      this.stats.slices++;
      if (spent > this.stats.longestSliceMs) this.stats.longestSliceMs = spent;
      if (this.holdUntil !== null && this.env.now() >= this.holdUntil) this.release();
      if (changed) this.emit();
      if (this.queue.length > 0) await this.env.yieldToPage();
    }
  }

  /** Scans a shadow root found on the way, and watches it from now on. */
  private addShadow(shadow: ShadowRoot): void {
    if (!this.shadows.has(shadow)) {
      this.shadows.add(shadow);
      this.observer?.observe(shadow, WATCH);
    }
    this.queue.push(new TextWalker(shadow, this.matcher.language));
  }

  /** True when `node` is under the root, or in one of the shadow roots found under it. */
  private inScope(node: Node): boolean {
    return this.root.contains(node) || this.shadows.has(node.getRootNode() as ShadowRoot);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.destroyed) return;
    for (const record of records) {
      // Text inside Gloss's own host is skipped when the batch is scanned (isInSkippedTree), so
      // no per-record ancestor walk is needed here.
      if (record.type === 'characterData') {
        this.pending.add(record.target);
        continue;
      }
      const removed = record.removedNodes;
      for (let k = 0; k < removed.length; k++) this.forget(removed[k] as Node);
      const added = record.addedNodes;
      for (let k = 0; k < added.length; k++) {
        const node = added[k] as Node;
        if (!isGlossHost(node)) this.pending.add(node);
      }
    }
    this.hosts.pageChanged();
    if (this.pending.size > 0 && this.batchTimer === null) {
      this.batchTimer = this.env.setTimeout(() => this.flush(), BATCH_MS);
    }
  }

  /** Drops the occurrences of a removed node and everything under it. */
  private forget(node: Node): void {
    if (this.store.size === 0) return;
    if (node.nodeType === 3) {
      this.marks.dropped(this.store.delete(node as Text));
      return;
    }
    const doc = node.ownerDocument;
    if (!doc || (node.nodeType !== 1 && node.nodeType !== 11)) return;
    // Walk the removed subtree (cost follows its size, not the number of marks in the page).
    const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (this.store.has(text)) this.marks.dropped(this.store.delete(text as Text));
    }
  }

  private flush(): void {
    this.batchTimer = null;
    if (this.destroyed) return;
    this.stats.batches++;
    for (const node of this.pending) {
      if (!node.isConnected || !this.inScope(node)) continue;
      if (isInSkippedTree(node, this.root, this.matcher.language)) continue;
      this.queue.push(new TextWalker(node, this.matcher.language));
    }
    this.pending.clear();
    void this.drain().then(() => this.emit());
  }

  /** Stops watching and removes every mark. */
  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    if (this.batchTimer !== null) this.env.clearTimeout(this.batchTimer);
    this.hosts.destroy();
    this.painter.unpaint([...this.store.all()]);
    this.store.clear();
    this.queue.length = 0;
    this.listeners.clear();
  }
}

/** What the observer reports: added, removed and edited text. */
const WATCH: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Gloss's card host, which it adds to <html> while a card is open. */
function isGlossHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === GLOSS_HOST_TAG;
}
