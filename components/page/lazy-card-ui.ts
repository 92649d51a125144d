/**
 * Stands in for the card UI until it is loaded: the first time the pointer enters a term, the
 * card bundle starts loading (a few ms, well inside the 300 ms hover intent), and what happened
 * meanwhile is replayed once it is there. A page the reader never points at never loads it.
 */
import type { HoverCallbacks } from './hover-tracker';
import type { Occurrence } from './occurrence-store';
import type { CardUi, CardUiDeps, CreateCardUi } from './card-ui-contract';
import type { SelectionAction } from '../shared/messages';

export class LazyCardUi {
  private ui: CardUi | null = null;
  private loading: Promise<CardUi | null> | null = null;
  private hovered: Occurrence | null = null;
  private intent: { x: number; y: number } | null = null;
  private destroyed = false;

  constructor(
    private readonly load: () => Promise<CreateCardUi>,
    private readonly deps: CardUiDeps,
  ) {}

  /** Callbacks for the hover tracker. */
  readonly hover: HoverCallbacks = {
    enter: (o) => {
      this.hovered = o;
      this.intent = null;
      if (this.ui) this.ui.hover.enter(o);
      else void this.ensure();
    },
    intent: (o, x, y) => {
      if (this.ui) this.ui.hover.intent(o, x, y);
      else if (o === this.hovered) this.intent = { x, y };
    },
    leave: (o) => {
      if (o === this.hovered) {
        this.hovered = null;
        this.intent = null;
      }
      this.ui?.hover.leave(o);
    },
  };

  /** True when a card is open. */
  get isOpen(): boolean {
    return this.ui?.isOpen ?? false;
  }

  /** The card UI, loading it if needed; null if it cannot be loaded. */
  ensure(): Promise<CardUi | null> {
    this.loading ??= this.load().then(
      (create) => {
        if (this.destroyed) return null;
        const ui = create(this.deps);
        this.ui = ui;
        // Replay where the pointer is now: it may have left, or rested long enough to open.
        const o = this.hovered;
        if (o) {
          ui.hover.enter(o);
          if (this.intent) ui.hover.intent(o, this.intent.x, this.intent.y);
        }
        this.intent = null;
        return ui;
      },
      () => {
        // Let a later hover try again (the load failed, e.g. while the extension was updating).
        this.loading = null;
        return null;
      },
    );
    return this.loading;
  }

  marksChanged(): void {
    this.ui?.marksChanged();
  }

  refreshBookmarks(): void {
    if (this.ui?.isOpen) void this.ui.refreshBookmarks();
  }

  /** Opens the next marked term's card (loading the card UI first); false when there is none. */
  async nextTerm(): Promise<boolean> {
    const ui = await this.ensure();
    return ui?.nextTerm() ?? false;
  }

  /** Opens the selection card (loading the card UI first); false when it cannot be loaded. */
  async selection(text: string, action: SelectionAction): Promise<boolean> {
    const ui = await this.ensure();
    return ui?.selection(text, action) ?? false;
  }

  destroy(): void {
    this.destroyed = true;
    this.ui?.destroy();
    this.ui = null;
    this.hovered = null;
  }
}
