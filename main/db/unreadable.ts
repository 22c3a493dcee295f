/**
 * A database whose first page does not decrypt (SQLITE_NOTADB) with the key in hand: the key is wrong,
 * or the start of the file is damaged — SQLite cannot tell them apart. Its backups can: they are
 * encrypted with the same data key, so a key that opens one of them is this database's key (then the
 * file is damaged), and a key that opens none of several is not. Without this a keystore copied from
 * another installation was reported as a damaged database, and damage was what started quarantine.
 */
import { join } from 'node:path';
import { listBackups } from '../backup/backup';
import { checkBackupFile } from '../backup/verify';
import { backupFolderFor, keystorePathFor } from './beside';
import { DatabaseOpenError, WRONG_KEY_MESSAGE } from './errors';

export interface Unreadable {
  /** The key opens a backup: the database file itself is damaged. */
  damaged: boolean;
  /** Damaged: the backup that opens (newest first); otherwise null. */
  openingBackup: string | null;
  /** What to tell the person when the file is not (known to be) damaged. */
  error: DatabaseOpenError;
}

/** `keyFrom`: 'keystore' when the app unwrapped the key from thrive.keys, 'given' for a key file or THRIVE_DB_KEY. */
export function diagnoseUnreadable(path: string, key: string, keyFrom: 'keystore' | 'given', problem: unknown): Unreadable {
  const dir = backupFolderFor(path);
  const backups = listBackups(dir).backups;
  const opening = backups.find((b) => {
    try {
      checkBackupFile(join(dir, b.fileName), key, { full: false });
      return true;
    } catch {
      return false;
    }
  });
  const cause = { cause: problem };
  if (opening) {
    return {
      damaged: true,
      openingBackup: opening.fileName,
      error: new DatabaseOpenError(
        'corrupt',
        `The database ${path} is damaged: it no longer opens with its key, but its backup ${opening.fileName} does. ` +
          `Restore it with \`thrive --db ${path} restore ${opening.fileName}\` (the damaged file is set aside, not deleted).`,
        cause,
      ),
    };
  }
  return { damaged: false, openingBackup: null, error: notDamagedError(path, keyFrom, backups.length, problem) };
}

/** Why the key opens neither the database nor any backup: another installation's keystore, a wrong key, or (with no backup to tell) either. */
function notDamagedError(path: string, keyFrom: 'keystore' | 'given', backupCount: number, problem: unknown): DatabaseOpenError {
  const cause = { cause: problem };
  const ks = keystorePathFor(path);
  if (backupCount > 0 && keyFrom === 'keystore') {
    return new DatabaseOpenError(
      'foreign_keystore',
      `The keystore ${ks} does not belong to this database: its key opens neither ${path} nor any of its ${backupCount} backups, ` +
        'so it was most likely copied from another installation. Nothing was moved or changed. Put back this ' +
        `installation's keystore (a copy is kept with the backups, in ${join(backupFolderFor(path), 'thrive.keys')}), or contact IT support.`,
      cause,
    );
  }
  if (backupCount > 0) {
    return new DatabaseOpenError(
      'wrong_key',
      `The database key is wrong: it opens neither ${path} nor any of its ${backupCount} backups. Check --key-file or THRIVE_DB_KEY. Nothing was changed.`,
      cause,
    );
  }
  if (keyFrom === 'keystore') {
    return new DatabaseOpenError(
      'wrong_key',
      `The database ${path} does not open with the key in ${ks}: either that keystore comes from another installation, ` +
        'or the start of the database file is damaged, and there is no backup to tell which. Nothing was moved or changed: contact IT support.',
      cause,
    );
  }
  return problem instanceof DatabaseOpenError ? problem : new DatabaseOpenError('wrong_key', WRONG_KEY_MESSAGE, cause);
}
