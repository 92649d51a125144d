/**
 * Custom elements that may attach a shadow root after Gloss walked past them. A component
 * defined after load (an async module, a consent script) upgrades elements already in the page
 * and fills their new shadow roots, and no mutation record tells: `attachShadow` is not a DOM
 * change the page's observer sees. So the elements are looked at again, often while the page is
 * changing and rarely once it is quiet; checking one costs a property read.
 */
/** Waits between looks: short while the page changes (inside the 500 ms goal), then rare. */
const FIRST_MS = 100;
const BUSY_MS = 400;
const QUIET_MS = 5000;
const QUIET_AFTER_MS = 30_000;

/** The clock and timers it runs on (the annotator's, so tests control them). */
export interface TimerEnv {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class LateShadowHosts {
  private readonly hosts = new Set<Element>();
  private timer: unknown = null;
  private delay = FIRST_MS;
  private lastChange = 0;
  /** The page changed since the last look (a flag, not a clock read: a live page calls often). */
  private changed = false;
  private destroyed = false;

  /** `found` gets each shadow root that appeared on a watched element, once. */
  constructor(
    private readonly env: TimerEnv,
    private readonly found: (shadow: ShadowRoot) => void,
  ) {}

  /** Elements met without a shadow root. */
  add(hosts: readonly Element[]): void {
    for (const host of hosts) this.hosts.add(host);
    this.schedule();
  }

  /** The page changed: a component may be about to render, so the next look comes soon. */
  pageChanged(): void {
    this.changed = true;
    if (this.hosts.size === 0 || this.delay <= BUSY_MS) return;
    this.delay = FIRST_MS;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.schedule();
  }

  /** How many elements are still watched (for tests). */
  get size(): number {
    return this.hosts.size;
  }

  private schedule(): void {
    if (this.timer !== null || this.hosts.size === 0 || this.destroyed) return;
    this.timer = this.env.setTimeout(() => this.look(), this.delay);
  }

  private look(): void {
    this.timer = null;
    const now = this.env.now();
    // A change is dated by the first look after it, at most BUSY_MS late while the page is busy.
    if (this.changed) {
      this.changed = false;
      this.lastChange = now;
    }
    const busy = now - this.lastChange < QUIET_AFTER_MS;
    this.delay = busy ? Math.min(this.delay * 2, BUSY_MS) : QUIET_MS;
    for (const host of this.hosts) {
      if (!host.isConnected) this.hosts.delete(host);
      else if (host.shadowRoot) {
        this.hosts.delete(host);
        this.found(host.shadowRoot);
      }
    }
    this.schedule();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    this.hosts.clear();
  }
}
