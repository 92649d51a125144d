/**
 * Text with some ranges emphasised (`<mark>`), for the characters a query matched. The text is
 * rendered as text nodes, never as markup.
 */
import type { Range } from '../../utils/search-highlight';

export interface HighlightedProps {
  text: string;
  ranges: readonly Range[];
}

/** `text` with each of `ranges` in a `<mark>`. */
export function Highlighted({ text, ranges }: HighlightedProps) {
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
