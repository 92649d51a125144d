/**
 * One fact as text with its sources and date, shared by the hover card and the popup's term page.
 * Where sources disagree, every value is shown side by side with its own source and date rather
 * than one picked silently. Pure: it renders what it is given. Class names (`fact`, `fact-text`,
 * `fact-values`, `fact-value`, `fact-note`, `fact-source`) are styled by the card's and the
 * popup's own style sheets.
 */
import type { Fact, Source } from '../../data/schema';
import { formatFactDate } from './format-date';

export { formatFactDate };

export interface FactValuesProps {
  fact: Fact;
  /** Sources by id; an id missing here is shown as is. */
  sources: Record<string, Source>;
}

/** Short labels of sources, e.g. "India Briefing · News18". */
export function sourceLabel(ids: readonly string[], sources: Record<string, Source>): string {
  return ids.map((id) => sources[id]?.short ?? id).join(' · ');
}

/** The full titles and publishers, for the tooltip of a source label. */
export function sourceTitle(ids: readonly string[], sources: Record<string, Source>): string {
  return ids
    .map((id) => {
      const s = sources[id];
      return s ? `${s.title} (${s.publisher}, ${formatFactDate(s.published)})` : id;
    })
    .join('\n');
}

function Sources({ ids, sources }: { ids: readonly string[]; sources: Record<string, Source> }) {
  return <cite title={sourceTitle(ids, sources)}>{sourceLabel(ids, sources)}</cite>;
}

/** A fact: its statement, its differing values side by side (if any), then sources and date. */
export function FactValues({ fact, sources }: FactValuesProps) {
  return (
    <div class="fact">
      <p class="fact-text">{fact.text}</p>
      {fact.values ? (
        <dl class="fact-values" aria-label="Values by source">
          {fact.values.map((v, i) => (
            <div class="fact-value" key={i}>
              <dt>{v.value}</dt>
              <dd>
                {v.note ? <span class="fact-note">{v.note}. </span> : null}
                <Sources ids={v.sources} sources={sources} />
                {', '}
                <time dateTime={v.date.split('/')[0]}>{formatFactDate(v.date)}</time>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p class="fact-source">
        <Sources ids={fact.sources} sources={sources} />
        {' · '}
        <time dateTime={fact.date.split('/')[0]}>{formatFactDate(fact.date)}</time>
      </p>
    </div>
  );
}
