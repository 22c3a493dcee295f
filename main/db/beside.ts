/**
 * The files that belong beside a database: its key file (headless use), the app's keystore and the
 * backups folder. Named once here, so the open, the app session, the backups and the CLI agree.
 */
import { dirname, join } from 'node:path';

/** The plain key file of the CLI and tests: `FILE.key` beside `FILE`. */
export function keyFilePathFor(dbPath: string): string {
  return `${dbPath}.key`;
}

/** The keystore the app writes beside its database. */
export function keystorePathFor(dbPath: string): string {
  return join(dirname(dbPath), 'thrive.keys');
}

/** The backups folder: `backups` beside the database. */
export function backupFolderFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}
