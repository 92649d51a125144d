/**
 * The listbox under the search box: ranked results with the matched characters emphasised, or,
 * for an empty box, the terms on the page and every term by category (as `role="group"`s).
 * Options are chosen with the mouse or from the combobox's keyboard handling.
 */
import type { MoreOption, Option, OptionGroup, TermOption } from '../../utils/popup-options';
import { categoryLabel } from '../../utils/popup-options';
import { findSnippet, highlightRanges } from '../../utils/search-highlight';
import { Highlighted } from './Highlighted';

export interface ResultListProps {
  id: string;
  groups: OptionGroup[];
  query: string;
  activeId: string | undefined;
  /** Summary and fact texts of a term, for the snippet of a result found in them. */
  textsOf(termId: string): string[];
  onChoose(option: Option): void;
  onHover(option: Option): void;
}

interface RowProps extends ResultListProps {
  query: string;
  active: boolean;
}

function MoreRow(props: RowProps & { option: MoreOption }) {
  return (
    <div
      role="option"
      id={props.option.id}
      class="option option-more"
      aria-selected={props.active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => props.onChoose(props.option)}
      onMouseMove={() => !props.active && props.onHover(props.option)}
    >
      Show more ({props.option.hidden.toLocaleString('en')} not shown)
    </div>
  );
}

function OptionRow(props: RowProps & { option: TermOption }) {
  const { option, query } = props;
  const { term, hit } = option;
  const snippet = hit?.via === 'text' ? findSnippet(props.textsOf(term.id), query) : undefined;
  return (
    <div
      role="option"
      id={option.id}
      class="option"
      aria-selected={props.active}
      // Keep the focus in the search box when an option is clicked.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => props.onChoose(option)}
      onMouseMove={() => !props.active && props.onHover(option)}
    >
      <span class="option-line">
        <span class="option-name">
          <Highlighted text={term.name} ranges={query ? highlightRanges(term.name, query) : []} />
        </span>
        {option.count !== undefined ? (
          <span class="option-count" title={`Marked ${option.count} times on this page`}>
            {option.count}×
          </span>
        ) : hit ? (
          <span class="option-category">{categoryLabel(term.category)}</span>
        ) : null}
      </span>
      <span class="option-expansion">
        <Highlighted
          text={term.expansion}
          ranges={query && hit?.via !== 'text' ? highlightRanges(term.expansion, query) : []}
        />
      </span>
      {snippet ? (
        <span class="option-snippet">
          <Highlighted text={snippet.text} ranges={snippet.ranges} />
        </span>
      ) : null}
    </div>
  );
}

/** The listbox. */
export function ResultList(props: ResultListProps) {
  const label = props.query.trim() ? 'Search results' : 'Terms';
  return (
    <div role="listbox" id={props.id} class="listbox" aria-label={label}>
      {props.groups.map((group) => {
        const rows = group.options.map((option) => {
          const row = { ...props, query: props.query.trim(), active: option.id === props.activeId };
          return option.kind === 'term' ? (
            <OptionRow key={option.id} {...row} option={option} />
          ) : (
            <MoreRow key={option.id} {...row} option={option} />
          );
        });
        if (!group.label) return rows;
        return (
          <div role="group" key={group.id} aria-labelledby={`${group.id}-label`} class="group">
            <div role="presentation" id={`${group.id}-label`} class="group-label">
              {group.label}
            </div>
            {rows}
          </div>
        );
      })}
    </div>
  );
}
