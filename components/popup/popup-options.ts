/**
 * The options of the popup's search listbox: ranked results while the reader types, and with an
 * empty box the terms found on the current page followed by every term by category. Pure, so the
 * keyboard behaviour (which option is active, where the arrows go) is tested without a browser.
 */
import type { Category } from '../../data/schema';
import type { PageTerms } from '../shared/messages';
import type { SearchTerm } from '../search/search-index';
import type { SearchHit } from '../search/search-core';

/** Category labels in display order (the same wording as `categoryLabels` in `data/schema.ts`). */
export const CATEGORY_ORDER: readonly { id: Category; label: string }[] = [
  { id: 'mechanisms', label: 'Dialogues and mechanisms' },
  { id: 'defence', label: 'Defence' },
  { id: 'economy', label: 'Connectivity and economy' },
  { id: 'science-culture', label: 'Health, space and culture' },
  { id: 'geopolitics', label: 'Groupings and geopolitics' },
  { id: 'people', label: 'People' },
];

/** The label of a category; an imported pack's own category is shown as it is written. */
export function categoryLabel(category: string): string {
  return CATEGORY_ORDER.find((c) => c.id === category)?.label ?? category;
}

/** A term in the listbox. `id` is its DOM id (unique, for `aria-activedescendant`). */
export interface TermOption {
  kind: 'term';
  id: string;
  term: SearchTerm;
  /** How often the term is marked on the page ("On this page" group only). */
  count?: number;
  hit?: SearchHit;
}

/** The last option of a long category: choosing it shows more of the category's terms. */
export interface MoreOption {
  kind: 'more';
  id: string;
  /** The group it belongs to: a category id, or `pack:<id>` for an imported pack's terms. */
  category: string;
  hidden: number;
}

/**
 * The last option of a long result list: choosing it shows the rest of the query's results.
 * `total` is how many results there are in all.
 */
export interface AllResultsOption {
  kind: 'all';
  id: string;
  total: number;
}

/** One option of the listbox. */
export type Option = TermOption | MoreOption | AllResultsOption;

/**
 * The text of an option that reveals more: "Show more" for a category, "Show all" for results.
 * Shared by the popup and the first screen written at build time.
 */
export function revealLabel(option: MoreOption | AllResultsOption): string {
  return option.kind === 'more'
    ? `Show more (${option.hidden.toLocaleString('en')} not shown)`
    : `Show all ${option.total.toLocaleString('en')} results`;
}

/**
 * How many terms of a category the empty box shows at first, and how many more each "Show more"
 * adds. The bundled fact base fits; a base of thousands of terms must not render thousands of
 * options when the popup opens.
 */
export const BROWSE_PAGE = 50;

/**
 * Options in the first paint of the empty box: more than fit in the popup's 600 px. The rest
 * follows a frame later, so opening the popup never waits for thousands of options.
 */
export const FIRST_PAINT_OPTIONS = 12;

/** A labelled group of options (`role="group"`); a label of '' means no heading. */
export interface OptionGroup {
  id: string;
  label: string;
  options: Option[];
}

/**
 * Results shown for a query until the reader asks for all of them: more than the popup's 600 px
 * hold, so the list looks the same, while each keystroke renders a third of the 50 it could.
 */
export const RESULTS_PAGE = 15;

/**
 * The ranked results as one unlabelled group: the first `limit`, then a "show all" option if more
 * are left. A list only one or two longer than `limit` is shown whole: an option that reveals a
 * single result would be one more step for no gain.
 */
export function resultGroups(hits: readonly SearchHit[], limit = Infinity): OptionGroup[] {
  const cut = hits.length > limit + 2 ? limit : hits.length;
  const options: Option[] = hits.slice(0, cut).map((hit) => ({
    kind: 'term' as const,
    id: `opt-r-${hit.term.id}`,
    term: hit.term,
    hit,
  }));
  if (cut < hits.length) options.push({ kind: 'all', id: 'opt-all-results', total: hits.length });
  return [{ id: 'results', label: '', options }];
}

/**
 * The empty box: terms on the page (most marked first), then the bundled terms of each category,
 * then each imported pack's terms under its title, A–Z, `shown[group]` of them (default
 * `BROWSE_PAGE`) followed by a "more" option if any are left. `terms` come A–Z already within
 * each index (the search index keeps them so): nothing is sorted by name here.
 */
export function browseGroups(
  terms: readonly SearchTerm[],
  page: PageTerms | null,
  shown: Partial<Record<string, number>> = {},
  /** Stop after this many options in all (the first paint renders only what fits on screen). */
  budget = Infinity,
): OptionGroup[] {
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
        kind: 'term' as const,
        id: `opt-p-${p.id}`,
        term: byId.get(p.id) as SearchTerm,
        count: p.count,
      })),
    });
  }
  // Bundled terms by category, then one group per imported pack (in the order packs come).
  const sections: { key: string; id: string; label: string; terms: SearchTerm[] }[] =
    CATEGORY_ORDER.map((c) => ({ key: c.id, id: `cat-${c.id}`, label: c.label, terms: [] }));
  const byKey = new Map(sections.map((s) => [s.key, s]));
  for (const t of terms) {
    const key = t.pack ? `pack:${t.pack.id}` : t.category;
    let section = byKey.get(key);
    if (!section && t.pack) {
      section = { key, id: `pack-${t.pack.id}`, label: t.pack.title, terms: [] };
      byKey.set(key, section);
      sections.push(section);
    }
    section?.terms.push(t);
  }
  let left = budget - (groups[0]?.options.length ?? 0);
  for (const section of sections) {
    if (left <= 0) break;
    const inSection = section.terms;
    if (inSection.length === 0) continue;
    const page = shown[section.key] ?? BROWSE_PAGE;
    const limit = Math.min(page, left);
    left -= Math.min(limit, inSection.length);
    const options: Option[] = inSection
      .slice(0, limit)
      .map((t) => ({ kind: 'term', id: `opt-c-${t.id}`, term: t }));
    // "More" only for the page limit, not for the first-paint budget (gone a frame later).
    if (inSection.length > page && limit === page) {
      options.push({
        kind: 'more',
        id: `opt-more-${section.key.replace(':', '-')}`,
        category: section.key,
        hidden: inSection.length - limit,
      });
    }
    groups.push({ id: section.id, label: section.label, options });
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

/** The terms that have bookmarks, with how many each, by name: the Saved tab's filter. */
export function savedTermFilter(
  items: readonly { termId: string }[],
  nameOf: (termId: string) => string,
): { id: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const b of items) counts.set(b.termId, (counts.get(b.termId) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count, name: nameOf(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}
