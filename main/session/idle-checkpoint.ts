/**
 * Checkpoints the WAL while the app is idle, so saving a review never pays for one (docs/quality.md#performance: save a
 * review ≤ 5 ms p99 with synchronous=FULL). SQLite's automatic checkpoint runs inside the commit that
 * takes the WAL past 1,000 pages: that save also copies every page back into the database file and
 * fsyncs it, about 1 save in 30 and several times slower than the rest (bench/trust-scale.ts).
 *
 * In the app a save is followed by seconds of reading and typing, so a PASSIVE checkpoint a moment after
 * the last write moves the work there. The automatic checkpoint stays as the backstop (a burst of writes
 * with no pause, a checkpoint that could not finish because a reader held the WAL). PASSIVE never waits
 * for a lock and never blocks a writer; a failure is only logged: the pages stay safely in the WAL.
 */
import type { Db } from '../db/sql';
import type { SessionTimers } from './timers';

/** Long enough to fall after a burst of saves (a review writes in one call), short enough to be idle time. */
export const IDLE_CHECKPOINT_MS = 2_000;

export interface IdleCheckpointer {
  /** Call after each channel call with whether it wrote anything. */
  afterCall(wrote: boolean): void;
  cancel(): void;
}

export function createIdleCheckpointer(timers: SessionTimers, getDb: () => Db | null, log: (message: string) => void): IdleCheckpointer {
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return {
    afterCall(wrote) {
      if (!wrote) return;
      cancel();
      pending = timers.setTimeout(() => {
        pending = null;
        const db = getDb();
        if (!db?.open) return;
        try {
          db.pragma('wal_checkpoint(PASSIVE)');
        } catch (error) {
          log(`idle checkpoint failed (the changes stay in the WAL): ${error instanceof Error ? error.message : String(error)}`);
        }
      }, IDLE_CHECKPOINT_MS);
    },
    cancel,
  };
}
