/**
 * The sync engine's own keys in sync_state (main/db/migrations/0060-team-sync.sql), beside the store's
 * (main/sync/sync-state.ts) and the sign-in's (main/sync/token-store.ts). Kept in the encrypted file,
 * not in memory, so "offline since" and a refusal survive the app being restarted.
 */
import type { ServerConfig } from '../../shared/sync/protocol';
import { newId } from '../db/ids';
import { stmt, writeTx, type Db } from '../db/sql';

export interface EngineStateValues {
  /** The team server this device syncs with; absent: solo (nothing is sent anywhere). */
  'engine.serverUrl': string;
  'engine.serverConfig': ServerConfig;
  /** This device's id on the server (the Thrive-Device header, each push's deviceId). */
  'engine.deviceId': string;
  /** When the server was first found unreachable in the current run of failures. */
  'engine.offlineSince': string;
  /** The device's time when a whole sync (push then pull) last finished. */
  'engine.lastSyncedAt': string;
  /**
   * This device's clock minus the team server's, from the last pull's `asOf` (milliseconds): beyond a
   * few minutes the person is told their clock is wrong (shared/domain/device-contact.ts).
   */
  'engine.clockSkewMs': number;
  /** Why the server or this build refused to sync (a version mismatch): shown until it is resolved. */
  'engine.refused': string;
}
export type EngineStateKey = keyof EngineStateValues;

export function getEngineState<K extends EngineStateKey>(db: Db, key: K): EngineStateValues[K] | null {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as EngineStateValues[K]) : null;
}

export function putEngineState<K extends EngineStateKey>(db: Db, key: K, value: EngineStateValues[K] | null, at: string): void {
  writeTx(db, () => {
    if (value === null) stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
    else {
      stmt(
        db,
        `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(key, JSON.stringify(value), at);
    }
  });
}

/** Made once per database file: a restored backup is the same device, a new file a new one. */
export function deviceIdOf(db: Db, at: string): string {
  const held = getEngineState(db, 'engine.deviceId');
  if (held) return held;
  const id = newId();
  putEngineState(db, 'engine.deviceId', id, at);
  return id;
}
