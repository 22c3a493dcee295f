/**
 * Opening the encrypted database. The order is part of the contract (docs/quality.md#reliability):
 * key → verify with a read → WAL → synchronous=FULL → foreign keys → busy timeout → temp store in
 * memory (then a larger page cache) → quick_check → migrate. The app's unlock defers quick_check to a
 * worker thread (see quickCheck below and main/session/secure-session.ts) and holds writes until it passes.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseOpenError, WRONG_KEY_MESSAGE } from './errors';
import { anchorAuditTrail } from './audit-anchor';
import { storageOpenError } from './faults';
import { fileAt, rememberFile, sameFile } from './file-identity';
import { isDatabaseKey } from './key-file';
import { missingDatabaseError } from './missing';
import { LATEST_VERSION, migrate, pendingMigrations, type Migration } from './migrate';
import { sqlString, type Db } from './sql';

export type { Db } from './sql';

export interface OpenDatabaseOptions {
  path: string;
  /** The 256-bit data key as 64 hex characters. */
  key: string;
  readonly?: boolean;
  /** Tests pass an extended list to exercise a future migration; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** Told where the pre-migration copy was written. */
  onBackup?: (path: string) => void;
  /**
   * 'now' (the default): quick_check before the open returns. 'deferred': the caller runs it off the
   * main thread (main/db/background-check.ts) and holds writes until it passes — at 100k cases the
   * check reads 1.7 GB and takes seconds. A migration never runs on an unchecked file: when one is
   * pending, the check runs now whatever was asked.
   */
  quickCheck?: 'now' | 'deferred';
  /**
   * Only `thrive init` and the app's first run (and tests making a fresh file) pass true: then a new
   * database may be made at `path`. Otherwise a missing or 0-byte file is refused (main/db/missing.ts)
   * and nothing is created, not even a -wal or -shm.
   */
  create?: boolean;
}

/**
 * UNC and other network paths: SQLite's locking is unreliable over SMB/NFS, and WAL needs shared
 * memory on one machine, so a network file can be corrupted by two writers. Mapped drive letters cannot
 * be told apart here; the app keeps the file in the local user-data folder.
 */
export function isNetworkPath(path: string): boolean {
  const p = path.replace(/\//g, '\\');
  if (/^\\\\[?.]\\UNC\\/i.test(p)) return true; // \\?\UNC\server\share
  if (/^\\\\[?.]\\/.test(p)) return false; // \\?\C:\… and \\.\C:\… are long forms of local paths
  return p.startsWith('\\\\'); // \\server\share or //server/share
}

export function openDatabase(opts: OpenDatabaseOptions): Db {
  if (isNetworkPath(opts.path)) {
    throw new DatabaseOpenError(
      'network_path',
      `THRIVE Plans keeps its database on this computer only; ${opts.path} is a network location`,
    );
  }
  if (!isDatabaseKey(opts.key)) {
    throw new DatabaseOpenError('bad_key_format', 'The database key must be 64 hexadecimal characters (a 256-bit key)');
  }
  if (!opts.create) {
    const missing = missingDatabaseError(opts.path);
    if (missing) throw missing;
  }
  // A restore in another process can swap the file while this open waits for its lock: the open is
  // then of the file set aside, so it is made again on the file now at the path.
  for (let attempt = 1; ; attempt++) {
    const before = fileAt(opts.path);
    let db: Db;
    try {
      db = new Database(opts.path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly === true || !opts.create });
    } catch (error) {
      throw storageOpenError(error, opts.path) ?? missingDatabaseError(opts.path) ?? error;
    }
    try {
      configure(db, opts);
    } catch (error) {
      try {
        db.close();
      } catch {
        // Closing after a storage fault can fail the same way; the fault is what is reported.
      }
      throw storageOpenError(error, opts.path) ?? error;
    }
    // An in-memory database (the component tests' backend) has no file that could be swapped.
    if (db.memory) return db;
    const after = fileAt(opts.path);
    if (after !== null && (before === null || sameFile(before, after))) {
      rememberFile(db, opts.path, after);
      return db;
    }
    db.close();
    if (attempt === 3) throw new DatabaseOpenError('file_changed', `The database file at ${opts.path} kept being replaced while it was being opened; try again`);
  }
}

function configure(db: Db, opts: OpenDatabaseOptions): void {
  // Must be the first statement: every page, the WAL and any VACUUM INTO copy are encrypted with it.
  // An in-memory database never reaches a disk, and SQLite3MultipleCiphers refuses a key for one.
  if (!db.memory) db.pragma(`hexkey=${sqlString(opts.key.toLowerCase())}`);
  // A wrong key is accepted silently; the first read is what fails (SQLITE_NOTADB).
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    // A read-only location or a full disk fails this first read too (no -shm can be made): say which.
    throw storageOpenError(error, opts.path) ?? new DatabaseOpenError('wrong_key', WRONG_KEY_MESSAGE, { cause: error });
  }
  prepareConnection(db, opts);
}

/**
 * SQLite opens a file it may not write (an immutable file, a read-only mount) read-only without a
 * word, and the first save would fail. A write inside a transaction that is rolled back finds out now
 * and leaves nothing behind. Busy (another writer) proves nothing either way, so it is not a refusal.
 */
function refuseReadOnly(db: Db, path: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    } finally {
      db.exec('ROLLBACK');
    }
  } catch (error) {
    const fault = storageOpenError(error, path);
    if (fault && fault.reason !== 'busy') throw fault;
  }
}

/** PRAGMA quick_check, its failure as DatabaseOpenError('corrupt') (what recovery looks for). */
export function quickCheck(db: Db): void {
  let check: unknown;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch (error) {
    // An I/O error or a full disk while reading is not damage in the file: it must not be quarantined.
    throw storageOpenError(error, db.name) ?? new DatabaseOpenError('corrupt', `The database file is damaged (${(error as Error).message})`, { cause: error });
  }
  if (check !== 'ok') throw new DatabaseOpenError('corrupt', `The database file is damaged: ${String(check)}`);
}

/**
 * Everything an open does after the key: pragmas, quick_check, migration. Exported only so the bench
 * can open its unencrypted copy (bench/support/plain-copy.ts) exactly as the app opens the real file and
 * measure what the cipher costs; the app never opens a database without a key.
 */
export function prepareConnection(db: Db, opts: OpenDatabaseOptions): void {
  if (!opts.readonly && !db.memory) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new DatabaseOpenError('corrupt', `The database could not switch to write-ahead logging (mode ${String(mode)})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) refuseReadOnly(db, opts.path);
  db.pragma('temp_store = MEMORY');
  // Every page read from the file is decrypted, so pages kept in SQLite's own cache are the cheap ones.
  // The default (2 MB) holds a few hundred cases' rows, and a team's rows are spread through the file
  // among other teams'. Measured on 20,000 cases (10 teams of 1,000 open): the team overview took
  // 250 ms with 2 MB, 150 ms with 32 MB and 50 ms with 64 MB. On 100,000 cases (bench/trust-scale.ts),
  // the team view's reads no longer fit in 64 MB and evict one another: 670 ms with 64 MB, 170 ms with
  // 128 MB, 137 ms with 256 MB. Pages are allocated only as they are used, so a clinician's own small
  // database never takes the whole allowance.
  db.pragma('cache_size = -131072');

  if (opts.quickCheck !== 'deferred' || pendingMigrations(db, opts.migrations).length > 0) quickCheck(db);

  if (opts.readonly) {
    // A read-only open cannot upgrade; it can only refuse what it does not understand.
    if (pendingMigrations(db, opts.migrations).length > 0) {
      throw new DatabaseOpenError('needs_migration', `This database needs upgrading to schema ${LATEST_VERSION}: open it once in THRIVE Plans first`);
    }
    return;
  }
  const result = migrate(db, { path: opts.path, key: opts.key, ...(opts.migrations ? { migrations: opts.migrations } : {}) });
  if (result.backupPath) opts.onBackup?.(result.backupPath);
  // Audit instants are real time (as every audit entry's `at`), not the app's clock of days.
  anchorAuditTrail(db, db.memory ? null : opts.path, opts.key, () => new Date().toISOString());
}
