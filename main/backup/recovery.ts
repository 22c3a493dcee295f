/**
 * Opening the database at start, recovering from damage. With the right key, a file that SQLite
 * reports damaged (SQLITE_CORRUPT, a failed quick_check, an unreadable first page, or emptied to 0
 * bytes) is quarantined beside itself as thrive.db.corrupt-<UTC time> (never deleted, so IT can still
 * try to salvage it), and the latest backup that passes its check is put in its place. A wrong key
 * must never look like damage: an unreadable first page (SQLITE_NOTADB) is what a wrong key gives too,
 * so it counts as damage only when a backup (encrypted with the same data key) opens with the key. The
 * keystore's tag is not enough: a keystore copied from another installation unwraps its own key fine.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { formatUkDateTime } from '../../shared/dates';
import type { BackupInfo } from '../../shared/ipc/security-types';
import { DatabaseOpenError } from '../db/errors';
import { openDatabase } from '../db/open';
import { diagnoseUnreadable } from '../db/unreadable';
import type { Db } from '../db/sql';
import { listBackups } from './backup';
import { fsyncFolder, moveDatabaseFiles } from './files';
import { freshSiblingStem, stampOf } from './names';
import { settleInterruptedRestore } from './interrupted-restore';
import { stageCopy } from './restore';
import { checkBackupFile } from './verify';

export interface RecoveryOptions {
  path: string;
  key: string;
  backupDir: string;
  clock: Clock;
  log?: (message: string) => void;
  /** True when the key was unwrapped from the keystore (a GCM tag proved it is this install's key). */
  keyVerified?: boolean;
  /**
   * 'deferred': the healthy path returns without quick_check (the caller runs it in the background and
   * then calls acceptCheckedDatabase or recoverAfterFailedCheck with `walAsFound`). Default 'now'.
   */
  quickCheck?: 'now' | 'deferred';
  /** The app's first run only: a new database may be made (OpenDatabaseOptions.create). */
  create?: boolean;
}

export interface RecoveredDatabase {
  db: Db;
  /** For LockStatus.recoveryNotice: set only when a damaged database was replaced by a backup. */
  recoveryNotice: string | null;
  /**
   * Deferred check only: the copy of the write-ahead log as found at open, kept until the check has
   * passed, so a quarantine can still hold the newest saves exactly as they were. Null when none.
   */
  walAsFound?: string | null;
}

export function recoveryNoticeFor(takenAt: string): string {
  return (
    `THRIVE Plans found its database damaged and set it aside. It restored the backup taken ${formatUkDateTime(takenAt)}: ` +
    'anything saved after that may be missing. Check the cases you worked on since then.'
  );
}

type Damage = 'damaged' | 'damaged_or_wrong_key' | null;

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** What an error from opening says about the file. */
export function classifyOpenError(error: unknown): Damage {
  if (error instanceof DatabaseOpenError) {
    if (error.reason === 'corrupt') return 'damaged';
    if (error.reason !== 'wrong_key') return null;
    // The first read failed. A wrong key gives NOTADB; a truncated or damaged file can give CORRUPT.
    return sqliteCode(error.cause).startsWith('SQLITE_CORRUPT') ? 'damaged' : 'damaged_or_wrong_key';
  }
  const code = sqliteCode(error);
  // Raised after the key was proved by the first read (switching to WAL, migrating): the file is at fault.
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'damaged';
  return null;
}

function isEmptyFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false;
  }
}

/**
 * A copy of the write-ahead log as found, taken before SQLite sees it: a failed open closes the
 * connection, and SQLite then checkpoints and deletes the WAL (or drops one it cannot read), which
 * would lose the newest saves from the quarantined copy. Null when there is no WAL (a clean shutdown).
 */
function keepWalAsFound(path: string): string | null {
  const wal = `${path}-wal`;
  try {
    if (!existsSync(wal) || statSync(wal).size === 0) return null;
    const copy = `${path}.wal-at-open`;
    copyFileSync(wal, copy);
    return copy;
  } catch {
    return null;
  }
}

/** Renames the damaged files to `stem`…, with the WAL as it was found (if copied) as `stem`-wal. */
function quarantine(path: string, stem: string, walAsFound: string | null): void {
  if (walAsFound && existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${stem}.after-open-wal`);
  moveDatabaseFiles(path, stem);
  if (walAsFound) renameSync(walAsFound, `${stem}-wal`);
  fsyncFolder(path);
}

/**
 * The database file gone (deleted by a person or a clean-up tool) while backups remain: the newest
 * usable backup is put in place, with the notice, rather than an empty database. When no backup
 * opens with this key (a new install beside an old backups folder), a new database starts as usual.
 */
function replaceMissingDatabase(opts: RecoveryOptions, log: (message: string) => void): RecoveredDatabase | null {
  if (existsSync(opts.path)) return null;
  const backups = listBackups(opts.backupDir).backups;
  if (backups.length === 0) return null;
  const restored = stageNewestGoodBackup(backups, opts, log);
  if (!restored) return null;
  renameSync(restored.staged, opts.path);
  fsyncFolder(opts.path);
  log(`the database at ${opts.path} was missing; restored ${restored.backup.fileName}`);
  return { db: openDatabase({ path: opts.path, key: opts.key }), recoveryNotice: recoveryNoticeFor(restored.backup.takenAt) };
}

export function openDatabaseWithRecovery(opts: RecoveryOptions): RecoveredDatabase {
  const log = opts.log ?? (() => undefined);
  settleInterruptedRestore(opts.path, opts.key, log);
  const replaced = replaceMissingDatabase(opts, log);
  if (replaced) return replaced;
  const walAsFound = keepWalAsFound(opts.path);
  const dropWalCopy = () => {
    if (walAsFound) rmSync(walAsFound, { force: true });
  };
  let problem: unknown;
  // A file emptied by a failing disk opens as a brand-new database: with backups present, it is damage.
  if (isEmptyFile(opts.path) && listBackups(opts.backupDir).backups.length > 0) {
    problem = new DatabaseOpenError('corrupt', 'The database file is empty');
  } else {
    try {
      const deferred = opts.quickCheck === 'deferred';
      const db = openDatabase({
        path: opts.path,
        key: opts.key,
        quickCheck: opts.quickCheck ?? 'now',
        ...(opts.create ? { create: true } : {}),
        onBackup: (p) => log(`copied the database to ${p} before upgrading it`),
      });
      // Checked and healthy: the copy of the log is not needed. Deferred: kept until the check passes.
      if (deferred) return { db, recoveryNotice: null, walAsFound };
      dropWalCopy();
      return { db, recoveryNotice: null };
    } catch (error) {
      problem = error;
    }
  }

  const damage = classifyOpenError(problem);
  const backups = damage === null ? [] : listBackups(opts.backupDir).backups;
  // An unreadable first page is damage only when the key opens a backup: a keystore's own tag proves
  // the key is that keystore's, not that the keystore is this database's (one copied from another
  // installation unwraps fine), so it must never start a quarantine (main/db/unreadable.ts).
  const unreadable = damage === 'damaged_or_wrong_key' ? diagnoseUnreadable(opts.path, opts.key, opts.keyVerified ? 'keystore' : 'given', problem) : null;
  if (damage === null || (unreadable && !unreadable.damaged)) {
    // Not damage (a wrong key, a newer version…): the files are as they were, apart from the copy.
    restoreWalCopy(opts.path, walAsFound, opts.clock);
    throw unreadable && opts.keyVerified ? unreadable.error : problem;
  }
  return replaceDamaged(opts, problem, backups, walAsFound, log);
}

/** The deferred check passed: the copy of the log as found is no longer needed. */
export function acceptCheckedDatabase(walAsFound: string | null | undefined): void {
  if (walAsFound) rmSync(walAsFound, { force: true });
}

/**
 * The deferred check failed with `problem`. The caller has closed its own connection (so SQLite has let
 * go of the file). Damage takes the same path as damage found at open — quarantine, then the newest good
 * backup — and the restored database is returned; anything else is thrown back with the files as they
 * are. The key is known good here (it opened the file for the app), so an unreadable page is damage.
 */
export function recoverAfterFailedCheck(opts: RecoveryOptions, problem: unknown, walAsFound: string | null | undefined): RecoveredDatabase {
  const log = opts.log ?? (() => undefined);
  if (classifyOpenError(problem) === null) {
    acceptCheckedDatabase(walAsFound);
    throw problem;
  }
  return replaceDamaged(opts, problem, listBackups(opts.backupDir).backups, walAsFound ?? null, log);
}

function replaceDamaged(
  opts: RecoveryOptions,
  problem: unknown,
  backups: readonly BackupInfo[],
  walAsFound: string | null,
  log: (message: string) => void,
): RecoveredDatabase {
  // quick_check can list a hundred lines; the first says enough in a message a person reads.
  const detail = ((problem as Error).message.split('\n')[0] ?? '').replace(/:\s*\*\*\* in database main \*\*\*$/, '');
  log(`the database at ${opts.path} is damaged: ${detail}`);
  const restored = stageNewestGoodBackup(backups, opts, log);
  if (!restored) {
    restoreWalCopy(opts.path, walAsFound, opts.clock);
    throw new DatabaseOpenError(
      'corrupt',
      `THRIVE Plans found its database damaged (${detail}) and there is no backup it could restore. ` +
        `Nothing has been deleted or moved: the file is still at ${opts.path}. Contact IT support before using THRIVE Plans again.`,
      { cause: problem },
    );
  }

  const stem = freshSiblingStem(opts.path, 'corrupt', opts.clock.now());
  quarantine(opts.path, stem, walAsFound);
  renameSync(restored.staged, opts.path);
  fsyncFolder(opts.path);
  log(`set the damaged database aside as ${stem} and restored ${restored.backup.fileName}`);
  const db = openDatabase({ path: opts.path, key: opts.key, onBackup: (p) => log(`copied the restored database to ${p} before upgrading it`) });
  return { db, recoveryNotice: recoveryNoticeFor(restored.backup.takenAt) };
}

/** Puts the WAL back as it was found when nothing is quarantined (SQLite may have removed or reset it). */
function restoreWalCopy(path: string, walAsFound: string | null, clock: Clock): void {
  if (!walAsFound) return;
  const wal = `${path}-wal`;
  if (existsSync(wal) && readFileSync(wal).equals(readFileSync(walAsFound))) {
    rmSync(walAsFound);
    return;
  }
  if (existsSync(wal)) renameSync(wal, `${path}.after-open-wal-${stampOf(clock.now())}`);
  renameSync(walAsFound, wal);
}

/** The newest backup whose copy passes the full check, copied beside the database ready to rename. */
function stageNewestGoodBackup(
  backups: readonly BackupInfo[],
  opts: RecoveryOptions,
  log: (message: string) => void,
): { backup: BackupInfo; staged: string } | null {
  for (const backup of backups) {
    let staged: string | null = null;
    try {
      staged = stageCopy(join(opts.backupDir, backup.fileName), opts.path);
      checkBackupFile(staged, opts.key, { full: true });
      return { backup, staged };
    } catch (error) {
      log(`the backup ${backup.fileName} cannot be used: ${(error as Error).message}`);
      if (staged) rmSync(staged, { force: true });
    }
  }
  return null;
}
