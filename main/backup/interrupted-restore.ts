/**
 * A restore killed midway (power cut, crash, a killed `thrive restore`) is settled before anything
 * opens the database: both the app's unlock (main/backup/recovery.ts openDatabaseWithRecovery) and every
 * CLI command (main/app-services.ts createAppServices) call settleInterruptedRestore first. The steps a
 * restore takes (main/backup/restore.ts) are: copy the backup to <db>.restoring and check it → set the
 * database (and its -wal, -shm) aside → rename <db>.restoring into place. So:
 *  - <db> present and <db>.restoring beside it: killed before the swap. The database in use was never
 *    touched; the staged file is only a copy of a backup that is still in the folder, and is removed
 *    (rolled back), unless another process has the database open (its restore may be running now).
 *  - <db> missing and <db>.restoring present: killed after setting the database aside. The restore is
 *    finished. A -wal or -shm still at the database's name belongs to the set-aside database (the kill
 *    fell between moving its files): it joins that database rather than be read into the restored one.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { holdDatabaseAlone } from '../db/sole-hold';
import { fsyncFolder } from './files';
import { stampOf } from './names';
import { checkBackupFile } from './verify';

export function stagedRestorePath(dbPath: string): string {
  return `${dbPath}.restoring`;
}

export function settleInterruptedRestore(dbPath: string, key: string, log: (message: string) => void): void {
  const staged = stagedRestorePath(dbPath);
  if (!existsSync(staged)) return;
  if (existsSync(dbPath)) {
    rollBack(dbPath, key, staged, log);
    return;
  }
  try {
    checkBackupFile(staged, key, { full: true });
  } catch (error) {
    log(`found ${staged} from an interrupted restore but it cannot be used: ${(error as Error).message}`);
    return;
  }
  for (const suffix of ['-wal', '-shm'] as const) {
    if (existsSync(`${dbPath}${suffix}`)) {
      const owner = setAsideOwner(dbPath, suffix);
      renameSync(`${dbPath}${suffix}`, `${owner}${suffix}`);
      log(`moved ${dbPath}${suffix}, left by an interrupted restore, to ${owner}${suffix}`);
    }
  }
  renameSync(staged, dbPath);
  fsyncFolder(dbPath);
  log(`finished an interrupted restore: ${staged} is the database now`);
}

function rollBack(dbPath: string, key: string, staged: string, log: (message: string) => void): void {
  let guard;
  try {
    guard = holdDatabaseAlone(dbPath, key);
  } catch {
    // The database will not open with this key (damaged, or the wrong key): the open that follows says
    // so, and damage recovery stages its own copy over this one.
    return;
  }
  if (!guard) return;
  try {
    rmSync(staged, { force: true });
    log(`rolled back an interrupted restore: removed ${staged}; the database in use was not changed`);
  } finally {
    guard.close();
  }
}

/** The newest set-aside (or quarantined) database that lacks `suffix`: the one the stray file belongs to. */
function setAsideOwner(dbPath: string, suffix: '-wal' | '-shm'): string {
  const base = basename(dbPath);
  const stem = /^\.(?:set-aside|corrupt)-\d{8}-\d{6}(?:-\d+)?$/;
  const owners = readdirSync(dirname(dbPath))
    .filter((name) => name.startsWith(base) && stem.test(name.slice(base.length)))
    .filter((name) => !existsSync(join(dirname(dbPath), `${name}${suffix}`)))
    .sort();
  const newest = owners.at(-1);
  return newest ? join(dirname(dbPath), newest) : `${dbPath}.left-by-restore-${stampOf(new Date().toISOString())}`;
}
