/**
 * A term in full: name, expansion, category and summary, every fact with its sources and dates
 * (differing values side by side), a bookmark toggle per fact, and related terms as links.
 * The heading takes the focus when the page opens, so screen readers announce the term.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PackTerm, Source } from '../../data/schema';
import { categoryLabel } from './popup-options';
import { FactList } from './FactList';
import type { TermPack } from './fact-lookup';

export interface TermPageProps {
  term: PackTerm;
  /** The term's pack: named unless it is the built-in one, and said when it is off. */
  pack: TermPack;
  sources: Record<string, Source>;
  related: { id: string; name: string }[];
  saved: ReadonlySet<string>;
  onToggle(factId: string): void;
  onOpen(termId: string): void;
  onBack(): void;
}

/** Other spellings worth showing: aliases that are not just the name. */
function otherNames(term: PackTerm): string[] {
  const name = term.name.toLowerCase();
  return term.aliases.filter((a) => a.toLowerCase() !== name).slice(0, 6);
}

/** The term page. */
export function TermPage(props: TermPageProps) {
  const { term } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [term.id]);
  const aliases = otherNames(term);
  return (
    <article class="term-page" aria-labelledby="term-title">
      <button type="button" class="back" onClick={props.onBack}>
        <span aria-hidden="true">←</span> Back
      </button>
      <header class="term-head">
        <p class="term-category">
          {[
            term.category ? categoryLabel(term.category) : '',
            props.pack.bundled ? '' : props.pack.title,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <h2 id="term-title" tabIndex={-1} ref={heading}>
          {term.name}
        </h2>
        <p class="term-expansion">{term.expansion}</p>
        {aliases.length > 0 ? <p class="term-aliases">Also written {aliases.join(', ')}</p> : null}
      </header>
      {props.pack.state === 'off' ? (
        <p class="notice" role="note">
          The pack “{props.pack.title}” is off: pages do not mark this term until you switch it back
          on.
        </p>
      ) : null}
      <p class="term-summary">{term.summary}</p>
      <h3 class="section-title">
        Facts <span class="section-count">{term.facts.length}</span>
      </h3>
      <FactList
        termId={term.id}
        termName={term.name}
        facts={term.facts}
        sources={props.sources}
        saved={props.saved}
        onToggle={props.onToggle}
      />
      {props.related.length > 0 ? (
        <nav class="related" aria-labelledby="related-title">
          <h3 class="section-title" id="related-title">
            Related
          </h3>
          <ul>
            {props.related.map((r) => (
              <li key={r.id}>
                <a
                  class="chip"
                  href={`?term=${encodeURIComponent(r.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.onOpen(r.id);
                  }}
                >
                  {r.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </article>
  );
}
