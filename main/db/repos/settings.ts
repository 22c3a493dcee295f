/**
 * The settings table: a key → JSON value store. Keys are listed here so a typo cannot create a new one.
 */
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type VersionedSettings } from '../../../shared/domain/settings';
import { parseJson, stmt, type Db } from '../sql';

interface SettingValues {
  settings: Partial<Settings>;
  profileClinicianId: string;
  /** How many times Settings were saved (1 before the first save), for the version check on a save. */
  settingsVersion: number;
}

export type SettingKey = keyof SettingValues;

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValues[K] | null {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  return row ? parseJson<SettingValues[K]>(row.value) : null;
}

export function putSetting<K extends SettingKey>(db: Db, key: K, value: SettingValues[K], at: string): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}

/**
 * The team's settings: what is stored, over the defaults. A value that no longer passes the schema
 * (e.g. a bound tightened in a later version) falls back to its default rather than switching a flag off.
 */
export function loadSettings(db: Db): Settings {
  const stored = getSetting(db, 'settings') ?? {};
  const merged: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    const candidate = { ...merged, [key]: stored[key] ?? DEFAULT_SETTINGS[key] };
    if (SettingsSchema.safeParse(candidate).success) merged[key] = candidate[key];
  }
  return merged;
}

/** The settings with the version a form sends back when it saves (main/features/settings/update-settings.ts). */
export function loadVersionedSettings(db: Db): VersionedSettings {
  return { ...loadSettings(db), version: getSetting(db, 'settingsVersion') ?? 1 };
}

export function profileClinicianId(db: Db): string | null {
  return getSetting(db, 'profileClinicianId');
}
