/**
 * The search input: a WAI-ARIA combobox (list autocomplete) that controls the result listbox.
 * Focus stays in the input; the active option is announced through `aria-activedescendant`.
 *
 * The hint in the empty box is an element of its own, not a `placeholder`: Chromium restyles an
 * input's placeholder on every keystroke, whether it shows or not, while the hint changes only
 * when the box becomes empty or stops being empty. It describes the box, as a placeholder would.
 */
import type { Ref } from 'preact';

export interface SearchBoxProps {
  query: string;
  listboxId: string;
  /** DOM id of the active option, if any. */
  activeId: string | undefined;
  inputRef: Ref<HTMLInputElement>;
  onQuery(query: string): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** The combobox input with its label and search icon. */
export function SearchBox(props: SearchBoxProps) {
  return (
    <div class="search-box">
      <label class="visually-hidden" for="search-input">
        Search India–Russia terms and facts
      </label>
      <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        id="search-input"
        ref={props.inputRef}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls={props.listboxId}
        aria-activedescendant={props.activeId}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="search-hint"
        // Typing can start as soon as the page is shown (the prerendered box is the same element).
        autofocus
        value={props.query}
        onInput={(e) => props.onQuery(e.currentTarget.value)}
        onKeyDown={props.onKeyDown}
      />
      {/* public/popup-boot.js hides it too, for what is typed before this script has loaded. */}
      <span id="search-hint" class="search-hint" hidden={props.query !== ''}>
        Search: INSTC, S-400, Kabul…
      </span>
    </div>
  );
}
