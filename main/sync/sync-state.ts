/**
 * sync_state (main/db/migrations/0060-team-sync.sql): key → JSON. Every key the device's sync keeps
 * (the store's and the engine's) is declared here once, with the shape its value must have, so a typo
 * cannot make a new key and a value written by one part is read the same way by every other. The
 * sign-in token store (main/sync/token-store.ts) keeps its own key in the same table. Kept in the
 * encrypted file, not in memory, so "offline since" and a refusal survive the app being restarted.
 */
import { z } from 'zod';
import { changeSchema, roleOnServer, serverConfigSchema, teamDevicesSchema } from '../../shared/sync/protocol';
import { newId } from '../db/ids';
import { stmt, writeTx, type Db } from '../db/sql';

/** A push the server refused outright (403, 400, 422): the case is set aside, its local work kept. */
export const refusedPushSchema = z.object({
  /** The newest outbox entry the refused push covered: a later save of the case sends it again. */
  outboxSeq: z.number().int(),
  madeBy: z.string(),
  status: z.number().int(),
  code: z.string(),
  /** The server's own words. */
  message: z.string(),
  refusedAt: z.string(),
});
export type RefusedPush = z.infer<typeof refusedPushSchema>;

/** A local case set aside on joining for the server's record of the same young person (main/sync/join.ts). */
export const supersededSchema = z.object({
  serverCaseId: z.string(),
  by: z.enum(['nhs_number', 'case_ref']),
  at: z.string(),
  personId: z.string(),
});
export type Superseded = z.infer<typeof supersededSchema>;

export const syncStateShapes = {
  /** The team server this device syncs with; absent: solo (nothing is sent anywhere). */
  serverUrl: z.string(),
  /** The server's /v1/config as last read (its id: a cursor from another server is never sent to this one). */
  serverConfig: serverConfigSchema,
  /** The server's id as /v1/me gave it. */
  serverId: z.string(),
  /** This device's id (Thrive-Device, pushBody.deviceId): made once, kept for the life of the file. */
  deviceId: z.string(),
  /** The ids of the teams the signed-in person is a member of: their cases sync, every other stays here. */
  teams: z.array(z.string()),
  /** The signed-in person as the server knows them, with the roles it gives. */
  person: z.object({ id: z.string(), name: z.string(), roles: z.array(roleOnServer) }),
  /** The pull cursor (opaque) and the server's time when it was given ("as of"). */
  cursor: z.string(),
  asOf: z.string(),
  lastPushAt: z.string(),
  lastPullAt: z.string(),
  /** When the server was first found unreachable in the current run of failures (absent once it answers). */
  offlineSince: z.string(),
  /** The device's time when a whole sync (push then pull) last finished. */
  lastSyncedAt: z.string(),
  /**
   * This device's clock minus the team server's, from the last pull's `asOf` (milliseconds): beyond a
   * few minutes the person is told their clock is wrong (shared/domain/device-contact.ts).
   */
  clockSkewMs: z.number(),
  /** For a team lead: each led team's devices as the server last reported them (main/sync/team-devices.ts). */
  teamDevices: z.array(teamDevicesSchema),
  /** Why the server or this build refused to sync at all (a version mismatch): shown until it is resolved. */
  refused: z.string(),
  /** Case id → the push of it the server refused, until the person tries again or saves it again. */
  refusedPushes: z.record(z.string(), refusedPushSchema),
  /**
   * Joining (main/sync/join-held.ts): server case id → its newest pulled version, held because it is
   * the same young person or case reference as a case made here before joining, until the person decides.
   */
  'join.held': z.record(z.string(), changeSchema),
  /** Local case id → the server's record it was set aside for. */
  'join.superseded': z.record(z.string(), supersededSchema),
} as const;

export type SyncStateValues = { [K in keyof typeof syncStateShapes]: z.infer<(typeof syncStateShapes)[K]> };
export type SyncStateKey = keyof SyncStateValues;

/** The value, or null when absent or not of its shape (then it is as if never written, never a crash). */
export function getSyncState<K extends SyncStateKey>(db: Db, key: K): SyncStateValues[K] | null {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(key);
  if (!row) return null;
  const parsed = syncStateShapes[key].safeParse(JSON.parse(row.value));
  return parsed.success ? (parsed.data as SyncStateValues[K]) : null;
}

/** Writes the value (checked against its shape); null removes the key. */
export function putSyncState<K extends SyncStateKey>(db: Db, key: K, value: SyncStateValues[K] | null, at: string): void {
  writeTx(db, () => {
    if (value === null) {
      stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
      return;
    }
    const checked = syncStateShapes[key].parse(value);
    stmt(
      db,
      `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(key, JSON.stringify(checked), at);
  });
}

/** Made once per database file: a restored backup is the same device, a new file a new one. */
export function deviceIdOf(db: Db, at: string): string {
  const held = getSyncState(db, 'deviceId');
  if (held) return held;
  const id = newId();
  putSyncState(db, 'deviceId', id, at);
  return id;
}
