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
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  markMode: 'all',
  hoverDelay: 300,
  style: 'underline',
  theme: 'system',
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
