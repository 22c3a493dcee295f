/**
 * Taking a backup and listing them. A backup is made in steps that can each fail without harm:
 * VACUUM INTO a .partial file of its own (encrypted with the same key) → open it with the key and
 * check it (quick_check, integrity_check, foreign_key_check) → rename it to its final name → record it
 * in status.json → rotate; the last three under the backups folder's lock (folder-lock.ts), as another
 * process may be backing up at the same moment. Only files that passed the check ever carry a backup name, and rotation runs
 * only after a new copy passed, so a failure never removes an older backup.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { formatUkDateTime } from '../../shared/dates';
import { AppError } from '../../shared/ipc/result';
import type { BackupInfo, BackupList } from '../../shared/ipc/security-types';
import { sqlString, type Db } from '../db/sql';
import { fsyncFile, fsyncFolder, plainReason } from './files';
import { withBackupFolderLock } from './folder-lock';
import { freshBackupName, isBackupFileName, isPartialBackupName, parseBackupName, partialBackupName } from './names';
import { newestFirst, planRotation, type RotationEntry } from './rotation';
import { readStatus, recordFailure, writeStatus, type BackupFailure } from './status';
import { checkBackupFile } from './verify';

/** 'daily' (on unlock or while running), 'quit', 'manual' (Back up now, the CLI), 'before_restore'. */
export type BackupReason = 'daily' | 'quit' | 'manual' | 'before_restore';

export interface CreateBackupOptions {
  /** The backups folder (created if missing). */
  dir: string;
  /** The data key of `db`: the copy is encrypted with it, and checked by opening with it. */
  key: string;
  clock: Clock;
  reason: BackupReason;
  log?: (message: string) => void;
}

const REASON_WORDS: Record<string, string> = {
  daily: 'daily backup',
  quit: 'backup on closing',
  manual: 'backup',
  before_restore: 'backup before restoring',
};

/** The failure note Settings shows: "The daily backup on 22/11/2026 14:05 failed: there is not enough free disk space." */
export function describeFailure(failure: BackupFailure): string {
  const what = REASON_WORDS[failure.reason] ?? 'backup';
  return `The ${what} on ${formatUkDateTime(failure.at)} failed: ${failure.message}. Earlier backups are untouched.`;
}

function backupError(message: string): AppError {
  return new AppError('internal', `The backup could not be made: ${message}. Earlier backups are untouched.`);
}

export function createBackup(db: Db, opts: CreateBackupOptions): BackupInfo {
  const log = opts.log ?? (() => undefined);
  const takenAt = opts.clock.now();
  const fail = (error: unknown): never => {
    const message = plainReason(error, opts.dir);
    recordFailure(opts.dir, { at: takenAt, reason: opts.reason, message }, log);
    log(`${opts.reason} backup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    throw backupError(message);
  };

  try {
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return fail(error);
  }
  removeStalePartials(opts.dir, log);
  const partial = join(opts.dir, partialBackupName(takenAt));
  const dropPartial = () => {
    // Only the file this attempt created; a folder of that name (or anything else) is left alone.
    try {
      if (existsSync(partial) && statSync(partial).isFile()) rmSync(partial);
    } catch (cleanup) {
      log(`could not remove ${partial}: ${(cleanup as Error).message}`);
    }
  };
  try {
    // Created exclusively ('wx'): VACUUM INTO fills an empty file, and no other backup can share it.
    closeSync(openSync(partial, 'wx', 0o600));
  } catch (error) {
    return fail(error);
  }
  try {
    db.exec(`VACUUM INTO ${sqlString(partial)}`);
    fsyncFile(partial);
    checkBackupFile(partial, opts.key, { full: true });
  } catch (error) {
    dropPartial();
    return fail(error);
  }

  // Naming, status.json and rotation, one process at a time (main/backup/folder-lock.ts).
  let named: { fileName: string; sizeBytes: number };
  try {
    named = withBackupFolderLock(opts.dir, () => {
      const fileName = freshBackupName(opts.dir, takenAt);
      const finalPath = join(opts.dir, fileName);
      renameFinal(partial, finalPath);
      const sizeBytes = statSync(finalPath).size;
      const status = readStatus(opts.dir);
      status.backups[fileName] = { takenAt, reason: opts.reason, cases: casesIn(db) };
      status.lastVerifiedAt = takenAt;
      status.lastVerifiedFile = fileName;
      status.lastFailure = null;
      try {
        writeStatus(opts.dir, status);
      } catch (error) {
        // The backup itself is good and named; the reason is lost, which only affects the Kind shown.
        log(`could not update the backup status file: ${(error as Error).message}`);
      }
      rotateWithinLock(opts.dir, log);
      return { fileName, sizeBytes };
    });
  } catch (error) {
    dropPartial();
    return fail(error);
  }
  // Another process's rotation may since have removed it (an older 'daily' of the same day).
  const made = listBackups(opts.dir).backups.find((b) => b.fileName === named.fileName);
  return made ?? { fileName: named.fileName, takenAt, sizeBytes: named.sizeBytes, reason: opts.reason, kept: 'latest' };
}

/** How many cases the copy holds: rotation never removes the newest backup that holds any (rotation.ts). */
function casesIn(db: Db): number | undefined {
  try {
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } catch {
    return undefined;
  }
}

/**
 * A .partial copy untouched for this long was left by an interrupted backup. A younger one may be the
 * daily backup a worker thread is writing or checking right now (main/backup/background-backup.ts):
 * removing it would make that backup fail for no reason.
 */
export const STALE_PARTIAL_MS = 60 * 60_000;

/** .partial copies left by a backup that was interrupted (a crash, a power cut): never complete. */
function removeStalePartials(dir: string, log: (message: string) => void): void {
  for (const name of readdirSync(dir)) {
    if (!isPartialBackupName(name)) continue;
    try {
      const stat = statSync(join(dir, name));
      // File times are the file system's wall clock, so this compares with the wall clock too.
      if (stat.isFile() && Date.now() - stat.mtimeMs > STALE_PARTIAL_MS) rmSync(join(dir, name));
    } catch (error) {
      log(`could not remove the unfinished backup ${name}: ${(error as Error).message}`);
    }
  }
}

function renameFinal(partial: string, finalPath: string): void {
  // renameSync would silently replace an existing file on POSIX; the name was free a moment ago.
  if (existsSync(finalPath)) throw new Error(`${finalPath} already exists`);
  renameSync(partial, finalPath);
  fsyncFolder(finalPath);
}

interface FoundBackup extends RotationEntry {
  sizeBytes: number;
}

function findBackups(dir: string): FoundBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // No folder yet (no backup yet), or something else in its place (listBackups says so).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  const status = readStatus(dir);
  const found: FoundBackup[] = [];
  for (const name of names) {
    if (!isBackupFileName(name)) continue;
    const parsed = parseBackupName(name)!;
    const recorded = status.backups[name];
    let sizeBytes: number;
    try {
      const stat = statSync(join(dir, name));
      if (!stat.isFile()) continue;
      sizeBytes = stat.size;
    } catch {
      continue;
    }
    found.push({
      fileName: name,
      takenAt: recorded?.takenAt ?? parsed.takenAt,
      reason: recorded?.reason ?? 'unknown',
      serial: parsed.serial,
      sizeBytes,
      ...(recorded?.cases !== undefined ? { cases: recorded.cases } : {}),
    });
  }
  return newestFirst(found);
}

/** Deletes what the rotation no longer keeps (and forgets it in status.json). Never throws. */
export function rotate(dir: string, log: (message: string) => void): string[] {
  try {
    return withBackupFolderLock(dir, () => rotateWithinLock(dir, log));
  } catch (error) {
    log(`backup rotation failed: ${(error as Error).message}`);
    return [];
  }
}

function rotateWithinLock(dir: string, log: (message: string) => void): string[] {
  const removed: string[] = [];
  try {
    const plan = planRotation(findBackups(dir));
    for (const name of plan.remove) {
      try {
        rmSync(join(dir, name));
        removed.push(name);
      } catch (error) {
        log(`could not remove the old backup ${name}: ${(error as Error).message}`);
      }
    }
    if (removed.length > 0) {
      const status = readStatus(dir);
      for (const name of removed) delete status.backups[name];
      writeStatus(dir, status);
    }
  } catch (error) {
    log(`backup rotation failed: ${(error as Error).message}`);
  }
  return removed;
}

/** The backups in `dir`, newest first, with what each was taken for and why it is kept. */
export function listBackups(dir: string): BackupList {
  const found = findBackups(dir);
  const plan = planRotation(found);
  const status = readStatus(dir);
  const backups: BackupInfo[] = found.map((b) => ({
    fileName: b.fileName,
    takenAt: b.takenAt,
    sizeBytes: b.sizeBytes,
    reason: b.reason,
    kept: plan.keep.get(b.fileName) ?? 'latest',
  }));
  // A file under a backup name passed its check when it was made, even if status.json was lost.
  const newestFile = backups[0]?.takenAt ?? null;
  const recorded = status.lastVerifiedAt;
  const lastVerifiedAt = recorded && (!newestFile || Date.parse(recorded) >= Date.parse(newestFile)) ? recorded : newestFile;
  // status.json cannot be written where the folder should be, so that failure is found here instead.
  const blocked = existsSync(dir) && !statSync(dir).isDirectory();
  return {
    folder: dir,
    backups,
    lastVerifiedAt,
    lastFailure: blocked
      ? `Backups cannot be made: ${dir} is not a folder.`
      : status.lastFailure
        ? describeFailure(status.lastFailure)
        : null,
  };
}
