/**
 * The reader's settings: one versioned record in `storage.local`. Reading never throws and never
 * drops what it cannot read: unknown or malformed fields fall back to defaults field by field, and
 * the raw record is left in place until the next deliberate save.
 */

/** Storage key of the settings record. */
export const SETTINGS_KEY = 'settings';

/** The current version of the stored record; bump it with a migration below. */
export const SETTINGS_VERSION = 2;

export type MarkMode = 'all' | 'first';
export type MarkStyle = 'underline' | 'background';
export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Gloss on or off everywhere. */
  enabled: boolean;
  /** Host names where the reader turned Gloss off. */
  disabledSites: string[];
  /** Mark every occurrence, or only the first of each term. */
  markMode: MarkMode;
  /** Hover intent before a card opens, in milliseconds. */
  hoverDelay: number;
  style: MarkStyle;
  theme: Theme;
  /** Show the number of distinct terms on the page on the toolbar button. */
  badge: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  markMode: 'all',
  hoverDelay: 300,
  style: 'underline',
  theme: 'system',
  badge: true,
};

/** Hover delays the settings offer, bounded so a bad value can't make cards open instantly or never. */
export const HOVER_DELAY_RANGE = { min: 100, max: 1500 } as const;

function pick<T>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Turns whatever is stored (any version, or garbage) into current settings. Version 1 stored
 * `disabledHosts` and `underline: boolean`; they are carried over.
 */
export function migrateSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  const sites = Array.isArray(r.disabledSites)
    ? r.disabledSites
    : Array.isArray(r.disabledHosts)
      ? r.disabledHosts
      : [];
  const legacyStyle =
    r.underline === false ? 'background' : r.underline === true ? 'underline' : undefined;
  const delay =
    typeof r.hoverDelay === 'number' && Number.isFinite(r.hoverDelay) ? r.hoverDelay : NaN;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [
      ...new Set(sites.filter((s): s is string => typeof s === 'string' && s.length > 0)),
    ],
    markMode: pick(r.markMode, ['all', 'first'] as const, DEFAULT_SETTINGS.markMode),
    hoverDelay: Number.isNaN(delay)
      ? DEFAULT_SETTINGS.hoverDelay
      : Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(delay))),
    style: pick(
      r.style,
      ['underline', 'background'] as const,
      legacyStyle ?? DEFAULT_SETTINGS.style,
    ),
    theme: pick(r.theme, ['system', 'light', 'dark'] as const, DEFAULT_SETTINGS.theme),
    // Added in December 2026 without a version change: a record without it gets the default.
    badge: typeof r.badge === 'boolean' ? r.badge : DEFAULT_SETTINGS.badge,
  };
}

/** True when Gloss should mark pages on `host`. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

/** The minimal storage area Gloss needs; `browser.storage.local` satisfies it. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Reads the settings, migrated. */
export async function readSettings(area: StorageAreaLike): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/** Storage key of stored settings that could not be read: kept aside, untouched, never deleted. */
export const SETTINGS_ASIDE_KEY = 'settings.quarantine';

/** Fields of older versions that `migrateSettings` carries over under their new names. */
const LEGACY_FIELDS: Record<string, (value: unknown) => boolean> = {
  disabledHosts: (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  underline: (v) => typeof v === 'boolean',
};

/**
 * The stored fields `migrateSettings` could not use as they are: unknown fields, malformed values
 * (a default or a clamped value is used instead), or the whole record if it is not an object.
 * The settings writer keeps them aside under SETTINGS_ASIDE_KEY; the popup names them.
 */
export function unreadSettings(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return { '(the whole record)': raw };
  const migrated = migrateSettings(raw) as unknown as Record<string, unknown>;
  const unread: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'version') continue;
    const legacy = LEGACY_FIELDS[key];
    const understood = legacy
      ? legacy(value)
      : key in migrated && JSON.stringify(migrated[key]) === JSON.stringify(value);
    if (!understood) unread[key] = value;
  }
  return unread;
}

/** One entry of the settings set aside. */
export interface SettingsAside {
  /** When it was set aside, ISO 8601. */
  at: string;
  /** The fields, with their stored values. */
  fields: Record<string, unknown>;
}

/** Reads the list of settings set aside; anything else found there is kept inside it. */
export function parseSettingsAside(raw: unknown): SettingsAside[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw as SettingsAside[];
  return [{ at: new Date(0).toISOString(), fields: { '(an earlier record)': raw } }];
}

/** Names of the settings Gloss could not read: still stored, or already set aside. */
export async function readUnreadSettings(area: StorageAreaLike): Promise<string[]> {
  const stored = await area.get([SETTINGS_KEY, SETTINGS_ASIDE_KEY]);
  const names = new Set(Object.keys(unreadSettings(stored[SETTINGS_KEY])));
  for (const entry of parseSettingsAside(stored[SETTINGS_ASIDE_KEY])) {
    for (const name of Object.keys(entry?.fields ?? {})) names.add(name);
  }
  return [...names];
}
