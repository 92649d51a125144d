/**
 * Where a bookmark was saved: the page's title as a link. Titles and addresses come from pages,
 * so they are rendered as text, and only http and https addresses become links (never
 * `javascript:` or `data:`).
 */
import type { PageRef } from '../store/bookmark-store';
import { isWebUrl } from '../store/bookmark-io';

/** The page's title, linked when its address is a web address. */
export function PageLink({ page }: { page: PageRef }) {
  const title = page.title || page.url;
  if (!isWebUrl(page.url)) return <span class="page-title">{title}</span>;
  return (
    <a
      class="page-title"
      href={page.url}
      target="_blank"
      rel="noopener noreferrer"
      title={page.url}
    >
      {title}
    </a>
  );
}
