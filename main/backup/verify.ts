/**
 * Checking a backup file before trusting it: it opens with the database's key, SQLite's checks pass
 * and it is a THRIVE Plans database this version can open. Opened read-only, so checking never
 * changes the copy (a VACUUM INTO copy is in rollback-journal mode, so no -wal/-shm appear beside it).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_VERSION } from '../db/migrate';
import { sqlString } from '../db/sql';

export class BackupCheckError extends Error {}

/** quick_check lists up to 100 problems, one per line: the count and the first are enough to act on. */
export function summariseCheck(pragma: string, result: unknown): string {
  const problems = String(result)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('***'));
  const first = problems[0] ?? String(result);
  return problems.length > 1 ? `SQLite's ${pragma} found ${problems.length} problems, the first: ${first}` : `SQLite's ${pragma}: ${first}`;
}

export interface BackupCheck {
  userVersion: number;
}

/**
 * quick_check always; with `full`, integrity_check and foreign_key_check too (before rotation may
 * delete older copies, and before a restore). Throws BackupCheckError saying what is wrong.
 */
export function checkBackupFile(path: string, key: string, opts: { full: boolean }): BackupCheck {
  let copy: InstanceType<typeof Database>;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupCheckError(`the copy could not be opened (${(error as Error).message})`, { cause: error });
  }
  try {
    copy.pragma(`hexkey=${sqlString(key.toLowerCase())}`);
    try {
      copy.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw new BackupCheckError(`the copy does not open with this database's key or is damaged (${(error as Error).message})`, { cause: error });
    }
    const check = (pragma: string): void => {
      let result: unknown;
      try {
        result = copy.pragma(pragma, { simple: true });
      } catch (error) {
        throw new BackupCheckError(`the copy is damaged (${(error as Error).message})`, { cause: error });
      }
      if (result !== 'ok') throw new BackupCheckError(`the copy is damaged (${summariseCheck(pragma, result)})`);
    };
    check('quick_check');
    if (opts.full) {
      check('integrity_check');
      const broken = copy.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new BackupCheckError(`the copy has ${broken.length} broken links between records`);
    }
    const userVersion = copy.pragma('user_version', { simple: true }) as number;
    if (userVersion === 0) throw new BackupCheckError('the copy is not a THRIVE Plans database');
    if (userVersion > LATEST_VERSION) {
      throw new BackupCheckError(`the copy was made by a newer version of THRIVE Plans (schema ${userVersion}; this version knows up to ${LATEST_VERSION})`);
    }
    return { userVersion };
  } finally {
    copy.close();
  }
}
