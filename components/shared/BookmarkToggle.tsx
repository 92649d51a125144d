/**
 * The one bookmark toggle, in the card on the page and on the popup's term page: a pressed
 * button (its label stays the same, `aria-pressed` says whether the fact is saved, as WAI-ARIA's
 * toggle-button pattern asks) with a bookmark icon filled while saved.
 */

export interface BookmarkToggleProps {
  saved: boolean;
  /** The fact's text: the label names its first words, so a list of toggles can be told apart. */
  factText: string;
  onToggle(): void;
}

/** A short name for a fact in a button label: its first eight words. */
export function factGist(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text;
}

/** The toggle button; styled by `.bookmark` in the card's and the popup's style sheets. */
export function BookmarkToggle(props: BookmarkToggleProps) {
  return (
    <button
      type="button"
      class="bookmark"
      aria-pressed={props.saved}
      aria-label={`Bookmark: ${factGist(props.factText)}`}
      title={props.saved ? 'Saved: click to remove' : 'Save this fact'}
      onClick={props.onToggle}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M4 2h8a1 1 0 0 1 1 1v11l-5-3-5 3V3a1 1 0 0 1 1-1z"
          fill={props.saved ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.5"
          stroke-linejoin="round"
        />
      </svg>
    </button>
  );
}
