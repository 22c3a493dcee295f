/**
 * Which file a connection opened. A restore, a clean-up tool or a person can rename the database file
 * while another process still has it open; SQLite goes on writing through its open handle to the
 * renamed file, so every save would be acknowledged yet be only in the file that was set aside. The
 * identity of the file (device and inode) is taken at open and compared with what is at the path
 * inside every write transaction (main/db/sql.ts writeTx), after the write lock is taken: a restore
 * holds the old file's locks across its rename (main/backup/restore.ts), so a save either commits
 * before the swap (and is in the file the restore set aside on purpose) or sees the new file and is
 * refused.
 */
import { statSync, type BigIntStats } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/ipc/result';

/** A connection (main/db/sql.ts's Db, named here from the driver so that sql.ts can import this file without a loop). */
type Db = BetterSqlite3.Database;

interface FileIdentity {
  path: string;
  dev: bigint;
  ino: bigint;
}

const opened = new WeakMap<Db, FileIdentity>();

export const DATABASE_REPLACED_MESSAGE =
  'The database was replaced by another program (a restore?). Nothing was saved. ' +
  'Lock and unlock THRIVE Plans (or restart it, or run the command again) to open the current file.';

/** The file at `path` now, or null when there is none (or it cannot be read). Bigint: Windows file ids are 64-bit. */
export function fileAt(path: string): BigIntStats | null {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return null;
  }
}

export function sameFile(a: BigIntStats | null, b: BigIntStats | null): boolean {
  return a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
}

/** Records the file `db` has open: `stat` is the file at `path` seen before and after the open. */
export function rememberFile(db: Db, path: string, stat: BigIntStats): void {
  opened.set(db, { path, dev: stat.dev, ino: stat.ino });
}

/** Throws 'database_replaced' when the file at the path is no longer the one `db` opened (or is gone). */
export function assertSameFile(db: Db): void {
  const identity = opened.get(db);
  if (!identity) return;
  const now = fileAt(identity.path);
  if (now === null || now.dev !== identity.dev || now.ino !== identity.ino) throw new AppError('database_replaced', DATABASE_REPLACED_MESSAGE);
}
