/**
 * Dates as readers read them. The fact base stores `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a period of
 * two joined by `/` (see `datePattern` in `data/schema.ts`); bookmarks store ISO timestamps.
 * Formatted by hand in English (the language of the fact base), the same in every browser locale.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function one(date: string): string {
  const [year, month, day] = date.split('-');
  const m = month ? MONTHS[Number(month) - 1] : undefined;
  if (!m) return year ?? date;
  return day ? `${Number(day)} ${m} ${year}` : `${m} ${year}`;
}

/** "2021-11" → "Nov 2021"; "2021-12-06" → "6 Dec 2021"; "2008/2012" → "2008–2012". */
export function formatFactDate(date: string): string {
  return date.split('/').map(one).join('–');
}

/** An ISO timestamp as a day in the reader's time zone, e.g. "6 Dec 2021"; '' if invalid. */
export function formatSavedDate(iso: string): string {
  const d = new Date(iso);
  if (!Number.isFinite(d.getTime())) return '';
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
