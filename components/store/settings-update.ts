/**
 * Changes to the settings as the popup asks for them. The background applies them one at a time
 * (see `write-queue.ts`) and writes the whole record in one `set`, so two quick toggles never
 * undo each other, and the content script sees one `storage.onChanged` per change.
 */
import {
  SETTINGS_ASIDE_KEY,
  SETTINGS_KEY,
  migrateSettings,
  parseSettingsAside,
  unreadSettings,
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

/**
 * Reads, updates and writes the settings record; returns what was written. Stored fields that
 * could not be read are moved aside (SETTINGS_ASIDE_KEY) in the same `set`, never dropped; a
 * refused write (a full storage quota) changes nothing and says so in the reader's words.
 */
export async function updateSettings(
  area: StorageAreaLike,
  update: SettingsUpdate,
  now: () => Date = () => new Date(),
): Promise<Settings> {
  const stored = await area.get([SETTINGS_KEY, SETTINGS_ASIDE_KEY]);
  const next = applySettingsUpdate(migrateSettings(stored[SETTINGS_KEY]), update);
  const write: Record<string, unknown> = { [SETTINGS_KEY]: next };
  const unread = unreadSettings(stored[SETTINGS_KEY]);
  if (Object.keys(unread).length > 0) {
    write[SETTINGS_ASIDE_KEY] = [
      ...parseSettingsAside(stored[SETTINGS_ASIDE_KEY]),
      { at: now().toISOString(), fields: unread },
    ];
  }
  try {
    await area.set(write);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(
      /quota|QUOTA_BYTES|exceeded|too large/i.test(text)
        ? 'the browser’s storage for Gloss is full. Your settings are unchanged; export and remove some bookmarks to make room.'
        : `the browser refused to save it (${text}). Your settings are unchanged.`,
      { cause: error },
    );
  }
  return next;
}
