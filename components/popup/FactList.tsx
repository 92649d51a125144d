/**
 * Every fact of a term with its sources and dates (`FactValues`) and a bookmark toggle per fact.
 * The toggle shows the same saved state as the card on the page: both read the stored bookmarks.
 */
import type { Fact, Source } from '../../data/schema';
import { FactValues } from '../shared/FactValues';
import { BookmarkToggle } from '../shared/BookmarkToggle';
import { bookmarkKey } from '../store/bookmark-store';

export interface FactListProps {
  termId: string;
  termName: string;
  facts: readonly Fact[];
  sources: Record<string, Source>;
  /** Keys (`termId/factId`) of saved facts. */
  saved: ReadonlySet<string>;
  onToggle(factId: string): void;
}

/** The facts as an ordered list. */
export function FactList(props: FactListProps) {
  return (
    <ol class="facts">
      {props.facts.map((fact) => {
        const saved = props.saved.has(bookmarkKey({ termId: props.termId, factId: fact.id }));
        return (
          <li class="fact-row" key={fact.id} data-fact={fact.id}>
            <FactValues fact={fact} sources={props.sources} />
            <BookmarkToggle
              saved={saved}
              factText={fact.text}
              onToggle={() => props.onToggle(fact.id)}
            />
          </li>
        );
      })}
    </ol>
  );
}
