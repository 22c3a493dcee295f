/**
 * Why a database could not be opened. The app and the CLI show `message` to a person as it is, and
 * branch on `reason` (e.g. the app offers "restore from backup" for 'corrupt', nothing for 'newer_version').
 * The storage faults (read_only, disk_full, io_error, busy) are named by main/db/faults.ts; a missing or
 * emptied database by main/db/missing.ts.
 */
export type DatabaseOpenProblem =
  | 'network_path'
  | 'bad_key_format'
  | 'wrong_key'
  | 'foreign_keystore'
  | 'not_thrive'
  | 'newer_version'
  | 'needs_migration'
  | 'corrupt'
  | 'backup_failed'
  | 'migration_failed'
  | 'key_file_missing'
  /** The file at the path was swapped (a restore in another process) every time it was opened. */
  | 'file_changed'
  | 'key_file_exposed'
  | 'database_missing'
  | 'folder_missing'
  | 'read_only'
  | 'disk_full'
  | 'io_error'
  | 'busy';

export class DatabaseOpenError extends Error {
  readonly reason: DatabaseOpenProblem;
  constructor(reason: DatabaseOpenProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.reason = reason;
  }
}

export const WRONG_KEY_MESSAGE = 'The database key is wrong or the file is not a THRIVE Plans database';
