/**
 * Every fact of a term with its sources and dates (`FactValues`) and a bookmark toggle per fact.
 * The toggle shows the same saved state as the card on the page: both read the stored bookmarks.
 */
import type { Fact, Source } from '../../data/schema';
import { FactValues } from '../shared/FactValues';

export interface FactListProps {
  termId: string;
  termName: string;
  facts: readonly Fact[];
  sources: Record<string, Source>;
  /** Keys (`termId/factId`) of saved facts. */
  saved: ReadonlySet<string>;
  onToggle(factId: string): void;
}

/** A short name for a fact in a button label: its first few words. */
function gist(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text;
}

/** The facts as an ordered list. */
export function FactList(props: FactListProps) {
  return (
    <ol class="facts">
      {props.facts.map((fact) => {
        const saved = props.saved.has(`${props.termId}/${fact.id}`);
        return (
          <li class="fact-row" key={fact.id} data-fact={fact.id}>
            <FactValues fact={fact} sources={props.sources} />
            <button
              type="button"
              class="bookmark-toggle"
              aria-pressed={saved}
              aria-label={`Bookmark: ${gist(fact.text)}`}
              title={saved ? 'Saved: click to remove' : 'Save this fact'}
              onClick={() => props.onToggle(fact.id)}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path
                  d="M4 2h8a1 1 0 0 1 1 1v11l-5-3-5 3V3a1 1 0 0 1 1-1z"
                  fill={saved ? 'currentColor' : 'none'}
                  stroke="currentColor"
                  stroke-width="1.5"
                  stroke-linejoin="round"
                />
              </svg>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
