/**
 * Changes to the settings as the popup asks for them. The background applies them one at a time
 * (see `write-queue.ts`) and writes the whole record in one `set`, so two quick toggles never
 * undo each other, and the content script sees one `storage.onChanged` per change.
 */
import {
  SETTINGS_KEY,
  migrateSettings,
  readSettings,
  type Settings,
  type StorageAreaLike,
} from './settings';

/** Fields to change, and optionally one site to turn on or off. */
export type SettingsUpdate = Partial<Omit<Settings, 'version' | 'disabledSites'>> & {
  site?: { host: string; enabled: boolean };
};

/**
 * The settings after `update`. Each field is checked the way stored records are; a malformed
 * value keeps the current one (not the default), and the hover delay is clamped to its range.
 */
export function applySettingsUpdate(settings: Settings, update: SettingsUpdate): Settings {
  const { site, ...fields } = update;
  const next: Record<string, unknown> = { ...settings };
  if (site && typeof site.host === 'string' && site.host) {
    const without = settings.disabledSites.filter((h) => h !== site.host);
    next.disabledSites = site.enabled ? without : [...without, site.host];
  }
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in settings) || key === 'version') continue;
    const checked = migrateSettings({ ...settings, [key]: value })[key as keyof Settings];
    const valid =
      key === 'hoverDelay'
        ? typeof value === 'number' && Number.isFinite(value)
        : checked === value;
    if (valid) next[key] = checked;
  }
  return migrateSettings(next);
}

/** Reads, updates and writes the settings record; returns what was written. */
export async function updateSettings(
  area: StorageAreaLike,
  update: SettingsUpdate,
): Promise<Settings> {
  const next = applySettingsUpdate(await readSettings(area), update);
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}
