/**
 * What the sync channels drive: the device's sync engine (main/sync/engine.ts) as the app services
 * hold it. An interface so the handlers stay thin and a session without a team server (the CLI, the
 * component tests) simply has none.
 */
import type { ConflictView, RefusedChangeView, SyncStatus } from '../../../shared/ipc/schemas/sync';

export interface SyncService {
  status(): SyncStatus;
  /** Fetches the server's /v1/config and remembers it: team mode on, signed out. */
  connect(serverUrl: string): Promise<SyncStatus>;
  signIn(): Promise<SyncStatus>;
  signOut(): Promise<SyncStatus>;
  /** Push the outbox, then pull, now. Never throws for a network fault: the status says what happened. */
  syncNow(): Promise<SyncStatus>;
  conflicts(): ConflictView[];
  resolve(conflictId: string, choice: 'mine' | 'theirs'): Promise<SyncStatus>;
  /** Cases whose push the server refused, with its words and what to do. */
  refused(): RefusedChangeView[];
  /** "Try again" for a refused case (a membership fixed since): it is sent in the next round, now. */
  retry(caseId: string): Promise<SyncStatus>;
  /** A local write was saved: sync soon (debounced). */
  noteLocalWrite(): void;
  /** Stop timers and in-flight requests (lock, quit). */
  stop(): void;
}

/** A session with no team server configured: exactly as before team mode (nothing sent anywhere). */
export function soloStatus(): SyncStatus {
  return {
    mode: 'solo',
    state: 'up_to_date',
    pending: 0,
    oldestPendingAt: null,
    offlineSince: null,
    lastSyncedAt: null,
    asOf: null,
    conflicts: 0,
    refusedChanges: 0,
    waitingForOthers: [],
    person: null,
    teamNames: [],
    serverUrl: null,
    message: null,
  };
}
