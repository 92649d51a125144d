/**
 * Applies the theme setting to the popup page: `data-theme` on the root element, which the style
 * sheet reads (`system` follows `prefers-color-scheme`).
 */
import { useEffect } from 'preact/hooks';
import type { Theme } from '../../../utils/settings';

/** Sets `data-theme` on `root` whenever `theme` changes. */
export function useTheme(theme: Theme, root: HTMLElement): void {
  useEffect(() => {
    root.dataset.theme = theme;
  }, [theme, root]);
}
