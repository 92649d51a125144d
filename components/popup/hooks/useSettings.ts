/**
 * The settings as the popup shows them. A change is shown at once and sent to the background,
 * which writes the whole record (the content script of every tab reacts to that write).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PopupApi } from '../popup-api';
import {
  DEFAULT_SETTINGS,
  SETTINGS_ASIDE_KEY,
  SETTINGS_KEY,
  type Settings,
} from '../../store/settings';
import { applySettingsUpdate, type SettingsUpdate } from '../../store/settings-update';

/** Settings state: `loaded` is false until the stored record is read. */
export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  error: string | null;
  /** Stored settings that could not be read (defaults are used; the values are kept aside). */
  unread: string[];
  update(update: SettingsUpdate): void;
}

/** Settings through `api`. */
export function useSettings(api: PopupApi): SettingsState {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unread, setUnread] = useState<string[]>([]);
  useEffect(() => {
    const read = () => {
      void api.unreadSettings().then(setUnread, () => undefined);
      return api.readSettings().then((s) => {
        setSettings(s);
        setLoaded(true);
      });
    };
    void read();
    return api.watch([SETTINGS_KEY, SETTINGS_ASIDE_KEY], () => void read());
  }, [api]);
  return {
    settings,
    loaded,
    error,
    unread,
    update(update) {
      setSettings((s) => applySettingsUpdate(s, update));
      setError(null);
      api.send('settings:update', update).then(setSettings, (e: unknown) => {
        setError(`The setting was not saved: ${e instanceof Error ? e.message : String(e)}`);
        void api.readSettings().then(setSettings);
      });
    },
  };
}
