/**
 * The listbox under the search box: ranked results with the matched characters emphasised, or,
 * for an empty box, the terms on the page and every term by category (as `role="group"`s).
 * Options are chosen with the mouse or from the combobox's keyboard handling.
 *
 * Rows render only what a term shows, never the query: the emphasis is painted over their text
 * after each render (`emphasise`). So a keystroke that keeps a result re-renders nothing of its
 * row, nor does an arrow key except for the two rows it moves between. The handlers rows get are
 * stable for that, and always call the latest props.
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type {
  AllResultsOption,
  MoreOption,
  Option,
  OptionGroup,
  TermOption,
} from './popup-options';
import { categoryLabel, revealLabel } from './popup-options';
import { findSnippet, highlightRanges, type Snippet } from '../search/search-highlight';
import { emphasise, type Emphasis } from './emphasis';
import { pure } from './pure';

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

interface RowProps<O extends Option> {
  option: O;
  active: boolean;
  /** The passage of the term's text the query matched, for a result found there. */
  snippet?: string;
  onChoose(option: Option): void;
  onHover(option: Option): void;
}

/** The handlers every option has. */
function optionHandlers(props: RowProps<Option>) {
  return {
    // Keep the focus in the search box when an option is clicked.
    onMouseDown: (e: MouseEvent) => e.preventDefault(),
    onClick: () => props.onChoose(props.option),
    onMouseMove: () => !props.active && props.onHover(props.option),
  };
}

/**
 * Whether two renders of a row would show the same. Options are new objects for every query, so
 * what they show is compared; a skipped row keeps the earlier object, which has the same id.
 */
function sameRow(a: RowProps<Option>, b: RowProps<Option>): boolean {
  if (a.active !== b.active || a.snippet !== b.snippet || a.option.id !== b.option.id) return false;
  const [x, y] = [a.option, b.option];
  if (x.kind === 'term' && y.kind === 'term') {
    return x.term === y.term && x.count === y.count && !x.hit === !y.hit;
  }
  if (x.kind === 'more' && y.kind === 'more') return x.hidden === y.hidden;
  return x.kind === 'all' && y.kind === 'all' && x.total === y.total;
}

/** "Show more" of a category, or "Show all" results. */
const RevealRow = pure(
  (props: RowProps<MoreOption | AllResultsOption>) => (
    <div
      role="option"
      id={props.option.id}
      class="option option-more"
      aria-selected={props.active}
      {...optionHandlers(props)}
    >
      {revealLabel(props.option)}
    </div>
  ),
  sameRow,
);

const OptionRow = pure((props: RowProps<TermOption>) => {
  const { option } = props;
  const { term, hit } = option;
  return (
    <div
      role="option"
      id={option.id}
      class="option"
      aria-selected={props.active}
      {...optionHandlers(props)}
    >
      <span class="option-line">
        <span class="option-name">{term.name}</span>
        {option.count !== undefined ? (
          <span class="option-count" title={`Marked ${option.count} times on this page`}>
            {option.count}×
          </span>
        ) : hit ? (
          // An imported pack's term says which pack it is from.
          <span class="option-category">
            {term.pack ? term.pack.title : categoryLabel(term.category)}
          </span>
        ) : null}
      </span>
      <span class="option-expansion">{term.expansion}</span>
      {props.snippet ? <span class="option-snippet">{props.snippet}</span> : null}
    </div>
  );
}, sameRow);

/** What of each result the query matched: its name, its expansion, or a passage of its text. */
function emphases(
  listbox: HTMLElement,
  groups: readonly OptionGroup[],
  query: string,
  snippets: ReadonlyMap<string, Snippet>,
): Emphasis[] {
  const list: Emphasis[] = [];
  for (const option of groups.flatMap((g) => g.options)) {
    if (option.kind !== 'term') continue;
    const row = listbox.querySelector(`[id="${option.id}"]`);
    if (!row) continue;
    const { term, hit } = option;
    list.push({
      element: row.querySelector('.option-name'),
      ranges: highlightRanges(term.name, query),
    });
    const snippet = snippets.get(option.id);
    if (snippet)
      list.push({ element: row.querySelector('.option-snippet'), ranges: snippet.ranges });
    else if (hit?.via !== 'text') {
      const ranges = highlightRanges(term.expansion, query);
      list.push({ element: row.querySelector('.option-expansion'), ranges });
    }
  }
  return list;
}

/** The listbox. */
export function ResultList(props: ResultListProps) {
  const listbox = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo(
    () => ({
      onChoose: (o: Option) => latest.current.onChoose(o),
      onHover: (o: Option) => latest.current.onHover(o),
    }),
    [],
  );
  const { groups, textsOf } = props;
  const query = props.query.trim();
  const snippets = useMemo(() => {
    const found = new Map<string, Snippet>();
    if (!query) return found;
    for (const option of groups.flatMap((g) => g.options)) {
      if (option.kind !== 'term' || option.hit?.via !== 'text') continue;
      const snippet = findSnippet(textsOf(option.term.id), query);
      if (snippet) found.set(option.id, snippet);
    }
    return found;
  }, [groups, query, textsOf]);
  // Before the frame is painted, so text and emphasis always appear together.
  useLayoutEffect(() => {
    const element = listbox.current;
    if (element) emphasise(query ? emphases(element, groups, query, snippets) : []);
  }, [groups, query, snippets]);

  return (
    <div
      role="listbox"
      id={props.id}
      class="listbox"
      aria-label={query ? 'Search results' : 'Terms'}
      ref={listbox}
    >
      {groups.map((group) => {
        const rows = group.options.map((option) => {
          const row = { active: option.id === props.activeId, ...handlers };
          return option.kind === 'term' ? (
            <OptionRow
              key={option.id}
              {...row}
              option={option}
              snippet={snippets.get(option.id)?.text}
            />
          ) : (
            <RevealRow key={option.id} {...row} option={option} />
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
