/**
 * The options of the popup's search listbox: ranked results while the reader types, and with an
 * empty box the terms found on the current page followed by every term by category. Pure, so the
 * keyboard behaviour (which option is active, where the arrows go) is tested without a browser.
 */
import type { Category } from '../data/schema';
import type { PageTerms } from './messages';
import type { SearchTerm } from './search';
import type { SearchHit } from './search-query';

/** Category labels in display order (the same wording as `categoryLabels` in `data/schema.ts`). */
export const CATEGORY_ORDER: readonly { id: Category; label: string }[] = [
  { id: 'mechanisms', label: 'Dialogues and mechanisms' },
  { id: 'defence', label: 'Defence' },
  { id: 'economy', label: 'Connectivity and economy' },
  { id: 'science-culture', label: 'Health, space and culture' },
  { id: 'geopolitics', label: 'Groupings and geopolitics' },
  { id: 'people', label: 'People' },
];

/** The label of a category. */
export function categoryLabel(category: Category): string {
  return CATEGORY_ORDER.find((c) => c.id === category)?.label ?? category;
}

/** One option of the listbox. `id` is its DOM id (unique, for `aria-activedescendant`). */
export interface Option {
  id: string;
  term: SearchTerm;
  /** How often the term is marked on the page ("On this page" group only). */
  count?: number;
  hit?: SearchHit;
}

/** A labelled group of options (`role="group"`); a label of '' means no heading. */
export interface OptionGroup {
  id: string;
  label: string;
  options: Option[];
}

/** The ranked results as one unlabelled group. */
export function resultGroups(hits: readonly SearchHit[]): OptionGroup[] {
  return [
    {
      id: 'results',
      label: '',
      options: hits.map((hit) => ({ id: `opt-r-${hit.term.id}`, term: hit.term, hit })),
    },
  ];
}

/** The empty box: terms on the page (most marked first), then all terms by category, A–Z. */
export function browseGroups(terms: readonly SearchTerm[], page: PageTerms | null): OptionGroup[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const groups: OptionGroup[] = [];
  const onPage = (page?.terms ?? [])
    .filter((p) => byId.has(p.id) && p.count > 0)
    .sort((a, b) => b.count - a.count);
  if (onPage.length > 0) {
    groups.push({
      id: 'page',
      label: 'On this page',
      options: onPage.map((p) => ({
        id: `opt-p-${p.id}`,
        term: byId.get(p.id) as SearchTerm,
        count: p.count,
      })),
    });
  }
  for (const category of CATEGORY_ORDER) {
    const inCategory = terms
      .filter((t) => t.category === category.id)
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    if (inCategory.length === 0) continue;
    groups.push({
      id: `cat-${category.id}`,
      label: category.label,
      options: inCategory.map((t) => ({ id: `opt-c-${t.id}`, term: t })),
    });
  }
  return groups;
}

/** All options of `groups` in display order. */
export function flatOptions(groups: readonly OptionGroup[]): Option[] {
  return groups.flatMap((g) => g.options);
}

/**
 * The active option after an arrow key: `delta` +1 or -1 from `index` (-1 = none active),
 * wrapping at both ends; Home and End are `'first'` and `'last'`.
 */
export function moveActive(index: number, move: 1 | -1 | 'first' | 'last', count: number): number {
  if (count === 0) return -1;
  if (move === 'first') return 0;
  if (move === 'last') return count - 1;
  if (index < 0) return move === 1 ? 0 : count - 1;
  return (index + move + count) % count;
}
