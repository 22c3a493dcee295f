/**
 * Backups for one open database, as the handlers, the CLI and the app session use them. The service
 * does not own the database handle: it reads the current one with getDb() and, after a restore, hands
 * the new one to setDb() so everything that serves requests switches to it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/ipc/security-types';
import { backupFolderFor } from '../db/beside';
import type { Db } from '../db/sql';
import { createBackup, listBackups, type BackupReason } from './backup';
import { restoreBackup } from './restore';

/** A daily backup is due once the last good one is this old. */
export const DAILY_BACKUP_AGE_MS = 24 * 60 * 60 * 1000;

export interface BackupService {
  /** The backups folder: `backups` beside the database. */
  readonly folder: string;
  list(): BackupList;
  /** Takes, checks and rotates a backup now; throws AppError saying why when it fails (recorded too). */
  backupNow(reason: BackupReason): BackupInfo;
  /**
   * A 'daily' backup when the last good one is 24 hours old or more (or there is none); null when
   * none was due or it failed. Never throws: the failure is recorded in status.json and logged, and
   * shown in Settings; unlocking or running must not stop because a backup could not be made.
   */
  maybeDaily(): BackupInfo | null;
  /** Whether a daily backup is due: the last good one is 24 hours old or more, or there is none. */
  dailyDue(): boolean;
  /** Restores a backup by file name; afterwards getDb() returns the restored database. */
  restore(fileName: string): RestoreResult;
}

export interface BackupServiceOptions {
  dbPath: string;
  key: string;
  clock: Clock;
  log: (message: string) => void;
  getDb: () => Db;
  setDb: (db: Db) => void;
  /** Default: `backups` beside the database. */
  dir?: string;
}

export { backupFolderFor } from '../db/beside';

/**
 * The backups are useless without the wrapped key: a copy of the keystore (`thrive.keys`, which holds
 * the key only wrapped by the passphrase and by the recovery code) goes into the backups folder with
 * each backup, so that folder alone, copied to a new computer, opens with the recovery code.
 */
export function copyKeystoreBeside(dbPath: string, folder: string): void {
  const keystore = join(dirname(dbPath), 'thrive.keys');
  if (!existsSync(keystore)) return; // a CLI or test database keyed by a key file
  // A name of its own: a backup in another process may be copying the keystore at the same moment.
  const partial = join(folder, `thrive.keys.${randomBytes(8).toString('hex')}.partial`);
  copyFileSync(keystore, partial);
  chmodSync(partial, 0o600);
  renameSync(partial, join(folder, 'thrive.keys'));
}

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const folder = opts.dir ?? backupFolderFor(opts.dbPath);
  const backupNow = (reason: BackupReason) => {
    const info = createBackup(opts.getDb(), { dir: folder, key: opts.key, clock: opts.clock, reason, log: opts.log });
    copyKeystoreBeside(opts.dbPath, folder);
    return info;
  };
  function dailyDue(): boolean {
    const last = listBackups(folder).lastVerifiedAt;
    return last === null || Date.parse(opts.clock.now()) - Date.parse(last) >= DAILY_BACKUP_AGE_MS;
  }
  return {
    folder,
    list: () => listBackups(folder),
    backupNow,
    dailyDue,
    maybeDaily() {
      if (!dailyDue()) return null;
      try {
        return backupNow('daily');
      } catch {
        // createBackup has recorded and logged the failure.
        return null;
      }
    },
    restore: (fileName) =>
      restoreBackup({
        db: opts.getDb(),
        dbPath: opts.dbPath,
        key: opts.key,
        dir: folder,
        clock: opts.clock,
        fileName,
        replaceDb: opts.setDb,
        log: opts.log,
      }),
  };
}
