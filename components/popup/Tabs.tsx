/**
 * The popup's tabs (WAI-ARIA tabs with automatic activation): Left/Right arrows, Home and
 * End move between them; only the selected tab is in the Tab order.
 */
import type { TabId } from './hooks/usePopupNav';
import { pure } from './pure';

export interface TabsProps {
  tab: TabId;
  savedCount: number;
  /** Saved facts due for review now. */
  dueCount: number;
  onSelect(tab: TabId): void;
}

const TABS: { id: TabId; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'review', label: 'Review' },
  { id: 'saved', label: 'Saved' },
  { id: 'settings', label: 'Settings' },
];

function TabList({ tab, savedCount, dueCount, onSelect }: TabsProps) {
  function onKeyDown(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = TABS[next]?.id ?? 'search';
    onSelect(id);
    requestAnimationFrame(() => document.getElementById(`tab-${id}`)?.focus());
  }
  return (
    <div class="tabs" role="tablist" aria-label="Gloss" onKeyDown={onKeyDown}>
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === tab}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
          {t.id === 'saved' && savedCount > 0 ? <span class="tab-count">{savedCount}</span> : null}
          {t.id === 'review' && dueCount > 0 ? (
            <span class="tab-count" aria-label={`${dueCount} due`}>
              {dueCount}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

/**
 * The tab list. Panels use the ids `panel-<tab>` and are labelled by `tab-<tab>`. Rendered again
 * only when its props change, not with every render of the popup (every keystroke).
 */
export const Tabs = pure(TabList);
