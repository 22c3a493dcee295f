/**
 * sync_state (main/db/migrations/0060-team-sync.sql): key → JSON. The keys the device's sync keeps are
 * listed here so a typo cannot make a new one; the sign-in token store (main/sync/sign-in.ts) keeps its
 * own keys in the same table.
 */
import type { RoleOnServer, TeamDevices } from '../../shared/sync/protocol';
import { stmt, type Db } from '../db/sql';

export interface SyncStateValues {
  /** The team server's base URL, and its id (GET /v1/config): a cursor from another server is never sent to this one. */
  serverUrl: string;
  serverId: string;
  /** This device's id (Thrive-Device, pushBody.deviceId): made once, kept for the life of the file. */
  deviceId: string;
  /** The ids of the teams the signed-in person is a member of: their cases sync, every other stays here. */
  teams: string[];
  /** The signed-in person as the server knows them, with the roles it gives. */
  person: { id: string; name: string; roles: RoleOnServer[] };
  /** The pull cursor (opaque) and the server's time when it was given ("as of"). */
  cursor: string;
  asOf: string;
  lastPushAt: string;
  lastPullAt: string;
  /** For a team lead: each led team's devices as the server last reported them (main/sync/team-devices.ts). */
  teamDevices: TeamDevices[];
  /** When the server was last found unreachable, while it still is (null once it answers). */
  offlineSince: string | null;
}

export type SyncStateKey = keyof SyncStateValues;

export function getSyncState<K extends SyncStateKey>(db: Db, key: K): SyncStateValues[K] | null {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as SyncStateValues[K]) : null;
}

export function putSyncState<K extends SyncStateKey>(db: Db, key: K, value: SyncStateValues[K], at: string): void {
  stmt(
    db,
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), at);
}
