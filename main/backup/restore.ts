/**
 * Restoring a backup chosen by a person (Settings or `thrive restore`). Nothing is ever deleted: the
 * database in use is first backed up ('before_restore') and then set aside beside itself as
 * thrive.db.set-aside-<UTC time> (with its -wal/-shm), and the chosen backup is copied, not moved, so
 * it stays in the list. If the restored copy will not open, the set-aside database is put back.
 * While any other connection has the database open (another process: the app, a thrive command) the
 * restore is refused (main/db/sole-hold.ts).
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/ipc/result';
import type { BackupInfo, RestoreResult } from '../../shared/ipc/security-types';
import { openDatabase } from '../db/open';
import { holdDatabaseAlone, IN_USE_MESSAGE } from '../db/sole-hold';
import type { Db } from '../db/sql';
import { createBackup, listBackups } from './backup';
import { DATABASE_FILE_SUFFIXES, fsyncFile, fsyncFolder, moveDatabaseFiles } from './files';
import { stagedRestorePath } from './interrupted-restore';
import { freshSiblingStem, isBackupFileName } from './names';
import { BackupCheckError, checkBackupFile } from './verify';

export interface RestoreOptions {
  /** The open database; it is closed, and `replaceDb` is given the handle to use from now on. */
  db: Db;
  dbPath: string;
  key: string;
  /** The backups folder. */
  dir: string;
  clock: Clock;
  /** A file name from the list (never a path). */
  fileName: string;
  /** Called with the new handle once the old one is closed (also when the old one is reopened after a failure). */
  replaceDb: (db: Db) => void;
  log?: (message: string) => void;
}

/** Copies `from` to `${dbPath}.restoring`, synced to disk, ready to be renamed into place. */
export function stageCopy(from: string, dbPath: string): string {
  const staged = stagedRestorePath(dbPath);
  rmSync(staged, { force: true });
  copyFileSync(from, staged);
  fsyncFile(staged);
  return staged;
}

/** The chosen backup, copied beside the database and checked there (the copy is what goes into place). */
function stageChosen(opts: Pick<RestoreOptions, 'dir' | 'fileName' | 'dbPath' | 'key'>): { chosen: BackupInfo; staged: string } {
  if (!isBackupFileName(opts.fileName)) throw new AppError('validation', 'Choose a backup from the list');
  const chosen = listBackups(opts.dir).backups.find((b) => b.fileName === opts.fileName);
  if (!chosen) throw new AppError('not_found', 'That backup is no longer in the backups folder. Choose one from the list.');
  const staged = stageCopy(join(opts.dir, opts.fileName), opts.dbPath);
  try {
    checkBackupFile(staged, opts.key, { full: true });
  } catch (error) {
    rmSync(staged, { force: true });
    if (error instanceof BackupCheckError) throw new AppError('conflict', `That backup cannot be restored: ${error.message}. Nothing was changed.`);
    throw error;
  }
  return { chosen, staged };
}

export function restoreBackup(opts: RestoreOptions): RestoreResult {
  const log = opts.log ?? (() => undefined);
  // Staged first: rotation after the before-restore backup may remove the original.
  const { chosen, staged } = stageChosen(opts);
  const reopen = () => opts.replaceDb(openDatabase({ path: opts.dbPath, key: opts.key }));

  // Another process with the file open would go on saving into the file set aside below, every save
  // acknowledged and none in the restored database: the restore waits for it to close instead.
  opts.db.close();
  let guard: Db | null;
  try {
    guard = holdDatabaseAlone(opts.dbPath, opts.key);
  } catch (error) {
    rmSync(staged, { force: true });
    reopen();
    throw error;
  }
  if (!guard) {
    rmSync(staged, { force: true });
    reopen();
    throw new AppError('conflict', IN_USE_MESSAGE);
  }

  let stem: string;
  try {
    try {
      createBackup(guard, { dir: opts.dir, key: opts.key, clock: opts.clock, reason: 'before_restore', log });
    } catch (error) {
      // The database in use is still set aside below (never deleted), so the restore can go ahead.
      log(`restoring without a before-restore backup: ${(error as Error).message}`);
    }
    stem = freshSiblingStem(opts.dbPath, 'set-aside', opts.clock.now());
    swapIn(guard, opts.dbPath, staged, stem);
  } catch (error) {
    if (guard.open) guard.close();
    rmSync(staged, { force: true });
    reopen();
    throw error;
  }
  try {
    opts.replaceDb(openDatabase({ path: opts.dbPath, key: opts.key, onBackup: (p) => log(`copied the restored database to ${p} before upgrading it`) }));
  } catch (error) {
    log(`the restored backup would not open, putting the database back: ${(error as Error).message}`);
    putBack(opts.dbPath, stem, opts.clock);
    reopen();
    throw new AppError('conflict', `That backup could not be opened after it was put in place, so the database in use was put back. Nothing was changed. (${(error as Error).message})`);
  }
  log(`restored ${opts.fileName}; the database in use before was set aside as ${stem}`);
  return { restoredFrom: chosen, setAsideAs: stem };
}

/**
 * Sets the database aside as `stem` and renames `staged` into its place while `guard` holds the old
 * file's locks, so a connection that opened it meanwhile waits and then finds the file replaced
 * (main/db/file-identity.ts) instead of saving into the set-aside copy. Windows cannot rename a file
 * that is open, so there the guard lets go first; Windows also refuses the rename while any other
 * process has the file open, which keeps the same promise. A failed rename puts back what moved.
 */
function swapIn(guard: Db, dbPath: string, staged: string, stem: string): void {
  if (process.platform === 'win32') guard.close();
  try {
    moveDatabaseFiles(dbPath, stem);
    renameSync(staged, dbPath);
    fsyncFolder(dbPath);
  } catch (error) {
    if (!existsSync(dbPath)) {
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${stem}${suffix}`)) renameSync(`${stem}${suffix}`, `${dbPath}${suffix}`);
      fsyncFolder(dbPath);
    }
    throw error;
  } finally {
    // Closed only after the rename: SQLite sees the file has moved and leaves its -wal as it is.
    if (guard.open) guard.close();
  }
}

/**
 * `thrive restore` when the database will not open (damaged, so no before-restore backup can be
 * taken): the chosen backup is checked, the damaged files are quarantined as thrive.db.corrupt-<UTC
 * time> (never deleted) and the backup put in place. The check proves the key right first, so a wrong
 * key moves nothing.
 */
export function restoreOverDamaged(opts: Omit<RestoreOptions, 'db' | 'replaceDb'>): RestoreResult & { db: Db } {
  const { chosen, staged } = stageChosen(opts);
  const stem = freshSiblingStem(opts.dbPath, 'corrupt', opts.clock.now());
  moveDatabaseFiles(opts.dbPath, stem);
  renameSync(staged, opts.dbPath);
  fsyncFolder(opts.dbPath);
  opts.log?.(`set the damaged database aside as ${stem} and restored ${opts.fileName}`);
  return { db: openDatabase({ path: opts.dbPath, key: opts.key }), restoredFrom: chosen, setAsideAs: stem };
}

/** Undoes the swap: the restored copy goes aside as "restore-failed", the set-aside files come back. */
function putBack(dbPath: string, stem: string, clock: Clock): void {
  const failed = `${dbPath}.restore-failed-${freshSiblingStem(dbPath, 'set-aside', clock.now()).split('.set-aside-')[1]}`;
  moveDatabaseFiles(dbPath, failed);
  for (const suffix of DATABASE_FILE_SUFFIXES) if (existsSync(`${stem}${suffix}`)) renameSync(`${stem}${suffix}`, `${dbPath}${suffix}`);
  fsyncFolder(dbPath);
}
