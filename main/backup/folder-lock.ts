/**
 * One process at a time in the backups folder's shared bookkeeping: naming a finished copy, status.json
 * and rotation. The app's backup on closing or in its worker thread (main/backup/background-backup.ts)
 * can coincide with a scheduled `thrive backup`; without the lock two processes picked the same name,
 * tore status.json's read-modify-write, and rotated away each other's new copies. The slow part of a
 * backup (VACUUM INTO and the checks, main/backup/backup.ts) runs outside the lock, on a partial file
 * each process creates for itself.
 *
 * proper-lockfile takes the lock by creating a folder (atomic on every file system) and counts it stale
 * once its time is older than STALE_MS, so a process killed while holding it does not block backups.
 */
import { join } from 'node:path';
import { lockSync } from 'proper-lockfile';

const LOCK_NAME = '.backups.lock';
/** Held only for renames, a small JSON file and a few deletions: far less than this. */
const STALE_MS = 10_000;
/** A caller waits this long for another process's bookkeeping before giving up. */
const WAIT_MS = 30_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export function withBackupFolderLock<T>(dir: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  let release: () => void;
  for (;;) {
    try {
      // The callbacks run only if the lock is held past STALE_MS / 2, which the short work here never is.
      release = lockSync(dir, { lockfilePath: join(dir, LOCK_NAME), realpath: false, stale: STALE_MS, onCompromised: () => undefined });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw new Error(`another backup kept the backups folder busy for ${WAIT_MS / 1000} seconds`, { cause: error });
      // Synchronous like the rest of the backup (the CLI and the worker thread run it without an event loop turn).
      Atomics.wait(pause, 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    release();
  }
}
