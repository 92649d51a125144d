/**
 * Applies the theme setting to the popup page: `data-theme` on the root element, which the style
 * sheet reads (`system` follows `prefers-color-scheme`). A copy goes to localStorage for
 * `public/popup-boot.js`, which themes the page before this script has loaded; the setting
 * itself stays in storage.local.
 */
import { useEffect } from 'preact/hooks';
import type { Theme } from '../../store/settings';

/** Where public/popup-boot.js finds the theme before the popup's script runs. */
export const THEME_COPY_KEY = 'gloss.theme';

/** Sets `data-theme` on `root` whenever `theme` changes. */
export function useTheme(theme: Theme, root: HTMLElement): void {
  useEffect(() => {
    root.dataset.theme = theme;
    try {
      root.ownerDocument.defaultView?.localStorage.setItem(THEME_COPY_KEY, theme);
    } catch {
      // Storage refused (a locked-down profile): the next popup starts in the system theme.
    }
  }, [theme, root]);
}
