/**
 * The sync state the header shows (SyncStatus, shared/ipc/schemas/sync.ts), read from the local file
 * and what the engine knows of the round in progress. Solo (no team server set up) is exactly as
 * before team mode.
 */
import type { SyncState, SyncStatus } from '../../shared/ipc/schemas/sync';
import type { RoleOnServer } from '../../shared/sync/protocol';
import { stmt, type Db } from '../db/sql';
import { soloStatus } from '../features/sync/sync-service';
import { waitingForOthers } from './engine-refused';
import { refusedCount } from './refused';
import { syncSummary } from './store';
import { getSyncState } from './sync-state';
import { clockSkewWarning } from '../../shared/domain/device-contact';
import { teamDevicesNotice } from './team-devices';

export interface LiveState {
  syncing: boolean;
  signedIn: boolean;
  /** Words from the last round that the person should see (a push the server would not take). */
  message: string | null;
}

/** The role shown beside the person's name: the most a team lead can do first. */
function mainRole(roles: RoleOnServer[]): string {
  return roles.includes('team_lead') ? 'team_lead' : roles.includes('clinician') ? 'clinician' : (roles[0] ?? 'clinician');
}

function teamNames(db: Db, ids: string[]): string[] {
  if (ids.length === 0) return [];
  return stmt<string[], string>(db, `SELECT name FROM teams WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY name`)
    .pluck()
    .all(...ids);
}

/**
 * The most pressing first: a refusal of the whole sync, a conflict or a refused change needs the person;
 * signed out and offline say why changes wait.
 */
function stateOf(s: { refused: boolean; conflicts: number; refusedChanges: number; syncing: boolean; signedIn: boolean; offline: boolean; pending: number }): SyncState {
  if (s.refused) return 'refused';
  if (s.conflicts > 0) return 'conflict';
  // Signed out first: a refused change can be sent again only once signed in.
  if (!s.signedIn) return 'signed_out';
  if (s.refusedChanges > 0) return 'refused';
  if (s.syncing) return 'syncing';
  if (s.offline) return 'offline';
  return s.pending > 0 ? 'pending' : 'up_to_date';
}

export function computeStatus(db: Db, live: LiveState): SyncStatus {
  if (!db.open) return soloStatus();
  const serverUrl = getSyncState(db, 'serverUrl');
  if (serverUrl === null) return soloStatus();
  const summary = syncSummary(db);
  const refused = getSyncState(db, 'refused');
  const offlineSince = getSyncState(db, 'offlineSince');
  const person = getSyncState(db, 'person');
  const refusedChanges = refusedCount(db);
  const state = stateOf({ refused: refused !== null, conflicts: summary.conflicts, refusedChanges, syncing: live.syncing, signedIn: live.signedIn, offline: offlineSince !== null, pending: summary.pending });
  return {
    mode: 'team',
    state,
    pending: summary.pending,
    oldestPendingAt: summary.oldestPendingAt,
    offlineSince,
    lastSyncedAt: getSyncState(db, 'lastSyncedAt'),
    asOf: summary.asOf,
    conflicts: summary.conflicts,
    refusedChanges,
    waitingForOthers: live.signedIn ? waitingForOthers(db, person?.id ?? null) : [],
    person: person && live.signedIn ? { id: person.id, name: person.name, role: mainRole(person.roles) } : null,
    teamNames: teamNames(db, getSyncState(db, 'teams') ?? []),
    serverUrl,
    // Changes refused one by one carry their words on the conflicts screen (sync:refused), not here:
    // `message` in the refused state is the refusal of the whole sync (renderer/lib/sync-words.ts).
    message: refused ?? (!live.signedIn ? 'Sign in to send your changes to the team server.' : state === 'refused' ? null : live.message),
    clockWarning: clockSkewWarning(getSyncState(db, 'clockSkewMs')),
    teamDevices: person?.roles.includes('team_lead') ? teamDevicesNotice(db) : null,
  };
}
