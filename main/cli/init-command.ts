/**
 * `thrive --db FILE init`: the one command that makes a new database (with its key file, as every
 * command once did on any path it was given). Every other command refuses a missing or emptied
 * database (main/db/missing.ts), so a deleted file can no longer be silently replaced by an empty one.
 * init itself refuses wherever a database is expected — backups beside the path, the app's keystore,
 * an emptied file — because starting anew there would hide the records and, through rotation, lose
 * the backups that hold them.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createAppServices, type AppServicesOptions } from '../app-services';
import { backupFolderFor, keyFilePathFor, keystorePathFor } from '../db/beside';
import { databaseFileState, missingDatabaseError, newestBackupBeside } from '../db/missing';
import { CliRefusal, onlyOptions, UsageError, type ParsedArgs } from './args';
import type { CliIo } from './io';
import { profileSetupCommand } from './profile-hint';

/** Checked before anything is written; throws CliRefusal saying what to do instead. */
function refuseWhereADatabaseIsExpected(dbPath: string): void {
  const folder = dirname(dbPath);
  if (!existsSync(folder)) {
    // Not made here: a mistyped path would otherwise put clinical records in a folder nobody backs up,
    // and the folder's owner and permissions are IT's to choose (as with sqlite3 and most database tools).
    throw new CliRefusal(`The folder ${folder} does not exist. Create it first (for example mkdir -p ${folder}), then run init again.`);
  }
  const state = databaseFileState(dbPath);
  if (state === 'present') throw new CliRefusal(`${dbPath} already exists: init only makes a new database. Use it as it is.`);
  const backup = newestBackupBeside(dbPath);
  if (state === 'empty' || backup) {
    const refusal = missingDatabaseError(dbPath)?.message ?? `${dbPath} is not usable.`;
    throw new CliRefusal(
      backup
        ? `${refusal.replace(/ Nothing was created\.$/, '')} To start a new, empty database here on purpose, move ${backupFolderFor(dbPath)} aside first.`
        : `${dbPath} exists but is empty (0 bytes). If you mean to start anew, remove it first; nothing was changed.`,
    );
  }
  if (existsSync(keystorePathFor(dbPath))) {
    throw new CliRefusal(
      `The app's keystore ${keystorePathFor(dbPath)} is in this folder, so the app's database belongs here. ` +
        'Choose another folder for a command-line database; the app makes its own at its first run.',
    );
  }
}

export function runInit(args: ParsedArgs, rest: readonly string[], io: CliIo, options: () => AppServicesOptions): number {
  onlyOptions(args, 'init', []);
  if (rest.length > 0) throw new UsageError(`Unexpected ${rest.join(' ')} after init`);
  if (args.options.has('--recovery-code-file') || io.env.THRIVE_RECOVERY_CODE) {
    throw new UsageError('init makes a new key: a recovery code belongs to a database the app has made');
  }
  const dbPath = args.options.get('--db');
  if (!dbPath) throw new UsageError('Say where the new database goes with --db FILE');
  refuseWhereADatabaseIsExpected(dbPath);
  const opts = options();
  const keyFile = opts.keyFile ?? keyFilePathFor(dbPath);
  const reused = opts.key === undefined && existsSync(keyFile);
  createAppServices({ ...opts, create: true }).close();
  const keyNote =
    opts.key !== undefined
      ? 'encrypted with the key in THRIVE_DB_KEY'
      : reused
        ? `encrypted with the existing key in ${keyFile}`
        : `with a new key in ${keyFile} (readable by this account only; keep it as safe as the records)`;
  io.out(
    `Created a new, empty THRIVE Plans database at ${dbPath}, ${keyNote}.\n` +
      `Next: set up the profile, e.g. ${profileSetupCommand(dbPath)}\n`,
  );
  return 0;
}
