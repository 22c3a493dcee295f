/**
 * Holding the database alone, proved with SQLite's own locks. Every connection to a database in WAL
 * mode keeps a shared lock on it for as long as it is open, idle or not (the app after unlock, each
 * thrive command, the worker thread's backup). A connection in EXCLUSIVE locking mode that begins an
 * EXCLUSIVE transaction therefore gets SQLITE_BUSY while any other connection, in any process, has the
 * file open; and once it has the lock it keeps it after COMMIT until it is closed, so nobody can open
 * and read or write the file meanwhile (tests/robustness/restore-during-use.test.ts shows both).
 * The operating system drops the locks of a process that dies, so a crash never leaves the file
 * looking held.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { sqlString, type Db } from './sql';

export const IN_USE_MESSAGE =
  'The database is open in another THRIVE Plans program (the app, a thrive command, or a backup running now). ' +
  'Close it or wait for it to finish, then restore again. Nothing was changed.';

/** How long to wait for a connection that is only passing (a short thrive command, a checkpoint). */
const PASSING_MS = 1000;

/**
 * A connection to `path` that holds it alone (no other connection can read or write until it is
 * closed), or null when another connection has it open. The key must be right: taking the lock
 * reads the first page.
 */
export function holdDatabaseAlone(path: string, key: string): Db | null {
  const guard = new Database(path, { fileMustExist: true });
  try {
    guard.pragma(`hexkey=${sqlString(key.toLowerCase())}`);
    guard.pragma(`busy_timeout = ${PASSING_MS}`);
    guard.pragma('locking_mode = EXCLUSIVE');
    guard.exec('BEGIN EXCLUSIVE');
    guard.exec('COMMIT');
    return guard;
  } catch (error) {
    guard.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return null;
    throw error;
  }
}
