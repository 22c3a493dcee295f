/**
 * The device's sync store: everything the sync engine (main/sync/engine.ts) asks of the local file,
 * below the network. Each call is synchronous and one SQLite transaction, so a crash at any point leaves
 * either all of a step or none of it.
 */
import { stmt, type Db } from '../db/sql';
import { getSyncState } from './sync-state';

export { getSyncState, putSyncState, type SyncStateKey, type SyncStateValues } from './sync-state';
export { applyDirectory } from './directory';
export { nextPush, pushAccepted, pushConflicted, type PendingPush } from './push';
export { applyPulled, type PullApplied } from './pull';
export { conflictsNeedingBase, listConflicts, resolveConflict, setConflictBase, type ConflictField, type ConflictView } from './conflicts';

export interface SyncSummary {
  /** Changes waiting to be sent (outbox entries). */
  pending: number;
  oldestPendingAt: string | null;
  /** Cases in conflict, waiting for the person to choose. */
  conflicts: number;
  cursor: string | null;
  asOf: string | null;
}

export function syncSummary(db: Db): SyncSummary {
  const outbox = stmt<[], { n: number; oldest: string | null }>(db, 'SELECT count(*) AS n, min(made_at) AS oldest FROM sync_outbox').get()!;
  const conflicts = stmt<[], number>(db, 'SELECT count(*) FROM sync_conflicts WHERE resolution IS NULL').pluck().get()!;
  return { pending: outbox.n, oldestPendingAt: outbox.oldest, conflicts, cursor: getSyncState(db, 'cursor'), asOf: getSyncState(db, 'asOf') };
}
