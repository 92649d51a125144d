/**
 * Stored settings Gloss cannot read (from an older or newer version, or corrupted) are never
 * dropped: the next settings write moves them aside, in the same `set`, and the popup can name
 * them. A write the browser refuses (a full quota) changes nothing and says why.
 */
import { describe, expect, test } from 'vitest';
import {
  SETTINGS_ASIDE_KEY,
  SETTINGS_KEY,
  migrateSettings,
  readUnreadSettings,
  unreadSettings,
} from '../../../components/store/settings';
import { updateSettings } from '../../../components/store/settings-update';
import { fakeStorage } from './fake-storage';

const at = () => new Date('2026-01-02T03:04:05.000Z');

describe('unreadSettings', () => {
  test('a current, valid record has nothing unread', () => {
    expect(unreadSettings(migrateSettings({}))).toEqual({});
    expect(unreadSettings(undefined)).toEqual({});
  });

  test('version 1 fields that migrate are read; unknown and malformed fields are not', () => {
    const raw = {
      version: 1,
      disabledHosts: ['example.org'],
      underline: false,
      enabled: 'yes',
      hoverDelay: '300ms',
      theme: 'neon',
      futureField: { a: 1 },
    };
    expect(migrateSettings(raw)).toMatchObject({
      disabledSites: ['example.org'],
      style: 'background',
      enabled: true,
      theme: 'system',
    });
    expect(unreadSettings(raw)).toEqual({
      enabled: 'yes',
      hoverDelay: '300ms',
      theme: 'neon',
      futureField: { a: 1 },
    });
  });

  test('a record that is not an object is unread as a whole', () => {
    expect(unreadSettings('{"enabled":tr')).toEqual({ '(the whole record)': '{"enabled":tr' });
  });
});

describe('updateSettings', () => {
  test('moves unread fields aside in the same write, and keeps earlier ones', async () => {
    const earlier = [{ at: '2025-01-01T00:00:00.000Z', fields: { old: 1 } }];
    const area = fakeStorage({
      [SETTINGS_KEY]: { version: 2, theme: 42, extra: [1, 2], markMode: 'first' },
      [SETTINGS_ASIDE_KEY]: earlier,
    });
    const next = await updateSettings(area, { style: 'background' }, at);
    expect(next).toMatchObject({ theme: 'system', markMode: 'first', style: 'background' });
    expect(area.sets).toBe(1);
    expect(area.dump()[SETTINGS_ASIDE_KEY]).toEqual([
      ...earlier,
      { at: at().toISOString(), fields: { theme: 42, extra: [1, 2] } },
    ]);
    expect(await readUnreadSettings(area)).toEqual(['old', 'theme', 'extra']);
    // Nothing more to set aside on the next write.
    await updateSettings(area, { theme: 'dark' }, at);
    expect(area.dump()[SETTINGS_ASIDE_KEY]).toHaveLength(2);
  });

  test('a full quota leaves everything as it was, with a message for the reader', async () => {
    const initial = { [SETTINGS_KEY]: { version: 2, theme: 'neon' }, filler: 'x'.repeat(500) };
    const area = fakeStorage(initial, { quotaBytes: 560 });
    await expect(updateSettings(area, { theme: 'dark' }, at)).rejects.toThrow(
      /storage for Gloss is full. Your settings are unchanged/,
    );
    expect(area.dump()).toEqual(initial);
  });
});

test('the badge setting: records stored before it existed get it on, a stored value is kept', () => {
  expect(migrateSettings({ version: 2, theme: 'dark' }).badge).toBe(true);
  expect(migrateSettings({ version: 2, badge: false }).badge).toBe(false);
  expect(migrateSettings({ version: 2, badge: 'no' }).badge).toBe(true);
  expect(unreadSettings({ version: 2, badge: false })).toEqual({});
  expect(unreadSettings({ version: 2, badge: 'no' })).toEqual({ badge: 'no' });
});
