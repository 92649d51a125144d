/**
 * The terms Gloss marked in the current tab, asked once when the popup opens. Null while asking
 * and when the tab has no content script (a browser page, or the popup opened as its own tab).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageTerms } from '../../shared/messages';
import type { PopupApi } from '../popup-api';

/** The current tab's terms, or null. `refresh` asks again (after the site switch changes). */
export function usePageTerms(api: PopupApi): { page: PageTerms | null; refresh(): void } {
  const [page, setPage] = useState<PageTerms | null>(null);
  const refresh = () => void api.pageTerms().then(setPage);
  useEffect(refresh, [api]);
  return { page, refresh };
}
