/**
 * The selection card's state: the text from the context menu, its matches (asked of the
 * background), the note being written and what adding did. It lives in the same popover as the
 * hover card (the card controller shows its view), placed by the page's selection.
 */
import type { CardUiDeps } from '../page/card-ui-contract';
import type { SelectionAction } from '../shared/messages';
import type { Anchor } from './card-position';
import { CARD_HEADING_ID, type CardController } from './card-controller';
import { SelectionCard, type SelectionCardProps } from './SelectionCard';

/** What the card shows: the props of `SelectionCard` that are not callbacks or ids. */
type State = Pick<
  SelectionCardProps,
  'text' | 'answer' | 'adding' | 'note' | 'added' | 'error' | 'busy'
>;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Where the selection is on screen: its range's box (a copy, so it stays while the selection
 * changes), the focused field's for a selection inside one, or the top of the viewport.
 */
export function selectionAnchor(doc: Document): Anchor {
  const range = doc.getSelection()?.rangeCount ? doc.getSelection()?.getRangeAt(0) : null;
  const copy = range && !range.collapsed ? range.cloneRange() : null;
  const field = doc.activeElement;
  return {
    getBoundingClientRect: () => {
      const r = copy?.getBoundingClientRect();
      if (r && (r.width > 0 || r.height > 0)) return r;
      if (field && field !== doc.body) return field.getBoundingClientRect();
      const width = doc.documentElement.clientWidth || 800;
      return new DOMRect(width / 2, 24, 0, 0);
    },
  };
}

export class SelectionController {
  private state: State | null = null;
  /** Bumped on every open, so an answer for an earlier selection is dropped. */
  private generation = 0;

  constructor(
    private readonly deps: Pick<CardUiDeps, 'doc' | 'lookUp' | 'addOwnTerm'>,
    private readonly card: CardController,
  ) {}

  /** Opens the card for `text` by the selection, focus inside; runs the look-up. */
  open(text: string, action: SelectionAction): boolean {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return false;
    const generation = ++this.generation;
    this.state = {
      text: clean,
      answer: null,
      adding: action === 'add',
      note: '',
      added: null,
      error: null,
      busy: false,
    };
    this.card.openCustom(this.view, selectionAnchor(this.deps.doc));
    if (action === 'add') this.focusNote();
    this.deps.lookUp(clean).then(
      (answer) => this.set(generation, { answer }),
      (e: unknown) =>
        this.set(generation, {
          answer: { query: clean, matches: [] },
          error: `Could not look it up: ${reason(e)}`,
        }),
    );
    return true;
  }

  private readonly view = () => {
    const s = this.state;
    if (!s) return null;
    return (
      <SelectionCard
        {...s}
        headingId={CARD_HEADING_ID}
        onOpen={(id) => this.card.showTerm(id, () => this.card.showCustom(this.view))}
        onStartAdd={() => {
          this.set(this.generation, { adding: true });
          this.focusNote();
        }}
        onNote={(note) => {
          // Kept without a render: the field holds what is typed.
          if (this.state) this.state.note = note;
        }}
        onAdd={() => void this.add()}
        onClose={() => this.card.close()}
      />
    );
  };

  private async add(): Promise<void> {
    const s = this.state;
    if (!s || s.busy) return;
    const generation = this.generation;
    this.set(generation, { busy: true, error: null });
    try {
      const added = await this.deps.addOwnTerm(s.text, s.note);
      this.set(generation, { added, busy: false });
    } catch (e) {
      this.set(generation, { busy: false, error: `Not added: ${reason(e)}` });
    }
  }

  private set(generation: number, change: Partial<State>): void {
    if (generation !== this.generation || !this.state) return;
    this.state = { ...this.state, ...change };
    // Kept, not shown, while the card shows a match's facts (back shows it) or has closed.
    if (this.card.showing(this.view)) this.card.showCustom(this.view);
  }

  /** Moves focus to the note field once it is drawn (the reader asked to add). */
  private focusNote(): void {
    this.card.focusInCard('#gloss-own-note');
  }
}
