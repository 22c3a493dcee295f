/**
 * A database that is not there, or emptied to 0 bytes, where one is expected. SQLite would make a new,
 * empty database in its place, the app would show 0 cases without a word, and the next backups would
 * rotate out the ones that hold the caseload. So a new database is made only when asked for in so many
 * words (`thrive init`, the app's first run: OpenDatabaseOptions.create); every other open is refused
 * here, saying what was found beside the path and what to do.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBackupName } from '../backup/names';
import { backupFolderFor, keyFilePathFor, keystorePathFor } from './beside';
import { DatabaseOpenError } from './errors';

export type DatabaseFileState = 'present' | 'missing' | 'empty' | 'no_folder';

export function databaseFileState(path: string): DatabaseFileState {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'present'; // a folder or device: SQLite says what is wrong with it
    size = stat.size;
  } catch {
    return existsSync(dirname(path)) ? 'missing' : 'no_folder';
  }
  return size === 0 ? 'empty' : 'present';
}

/** The newest file under a backup name in the backups folder beside `dbPath`, or null when none. */
export function newestBackupBeside(dbPath: string): string | null {
  let names: string[];
  try {
    names = readdirSync(backupFolderFor(dbPath));
  } catch {
    return null;
  }
  let best: { name: string; at: string; serial: number } | null = null;
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    if (!best || parsed.takenAt > best.at || (parsed.takenAt === best.at && parsed.serial > best.serial)) {
      best = { name, at: parsed.takenAt, serial: parsed.serial };
    }
  }
  return best?.name ?? null;
}

/** `thrive --db F …`, quoted when the path has spaces, for a command a person can copy. */
function cliFor(dbPath: string): string {
  return `thrive --db ${/\s/.test(dbPath) ? `"${dbPath}"` : dbPath}`;
}

/** What a database at `dbPath` was expected from, or null when nothing suggests one (a new path). */
function expectedBecause(dbPath: string): string | null {
  if (existsSync(keystorePathFor(dbPath))) return `its keystore ${keystorePathFor(dbPath)} is there`;
  if (existsSync(keyFilePathFor(dbPath))) return `its key file ${keyFilePathFor(dbPath)} is there`;
  return null;
}

/** The refusal for a database that is missing or empty; null when the file is there. */
export function missingDatabaseError(dbPath: string): DatabaseOpenError | null {
  const state = databaseFileState(dbPath);
  if (state === 'present') return null;
  if (state === 'no_folder') {
    return new DatabaseOpenError(
      'folder_missing',
      `The folder ${dirname(dbPath)} does not exist, so there is no database ${dbPath}. Check the path; nothing was created.`,
    );
  }
  const what = state === 'empty' ? `${dbPath} is empty (0 bytes)` : `${dbPath} is missing`;
  const backup = newestBackupBeside(dbPath);
  if (backup) {
    return new DatabaseOpenError(
      'database_missing',
      `${what} but backups exist in ${backupFolderFor(dbPath)}: restore the newest with \`${cliFor(dbPath)} restore ${backup}\` ` +
        '(or choose another from `thrive backups`), or put the database file back from a copy. Nothing was created.',
    );
  }
  const because = expectedBecause(dbPath);
  if (because) {
    return new DatabaseOpenError(
      'database_missing',
      `${what} but ${because}, so a database was expected: put the file back from a copy, or ask IT. ` +
        `To start a new, empty database on purpose, move the key aside and run \`${cliFor(dbPath)} init\`. Nothing was created.`,
    );
  }
  return new DatabaseOpenError(
    'database_missing',
    state === 'empty'
      ? `${what}: it is not a THRIVE Plans database. Nothing was changed.`
      : `There is no database at ${dbPath}. To start a new one, run \`${cliFor(dbPath)} init\`. Nothing was created.`,
  );
}
