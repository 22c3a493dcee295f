/**
 * Opening an app-made database from the command line. The app keeps its data key only wrapped (by the
 * passphrase inside the OS keychain, and by the organisation recovery code); a headless job has no
 * keychain and no one to type a passphrase, so trust IT unwraps the key once with the recovery code
 * (`--recovery-code-file`, or THRIVE_RECOVERY_CODE) and, for scheduled jobs, keeps it in a key file
 * only the job's account can read (`thrive key-file --out FILE`).
 */
import { writeFileSync } from 'node:fs';
import { keystorePathFor } from '../db/beside';
import { readPrivateFile } from '../db/key-file';
import { readKeystore, unlockWithRecoveryCode } from '../keys/keystore';
import { CliRefusal } from './args';

export { keystorePathFor } from '../db/beside';

/** The data key from the keystore's recovery wrap; a wrong code is refused plainly (nothing opened). */
export function keyFromRecoveryCode(dbPath: string, code: string): string {
  const keystore = readKeystore(keystorePathFor(dbPath));
  if (!keystore) throw new CliRefusal(`There is no keystore (${keystorePathFor(dbPath)}) beside ${dbPath} to unlock with a recovery code.`);
  return unlockWithRecoveryCode(keystore, code);
}

export function readRecoveryCodeFile(path: string): string {
  try {
    return readPrivateFile(path, 'recovery code file', (message) => new CliRefusal(message)).trim();
  } catch (error) {
    if (error instanceof CliRefusal) throw error;
    throw new CliRefusal(`Could not read the recovery code file ${path}: ${(error as Error).message}`);
  }
}

/** Writes the key for a scheduled job: owner read/write only, never over an existing file. */
export function writeKeyFile(path: string, key: string): void {
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliRefusal(code === 'EEXIST' ? `${path} already exists; choose a new file name.` : `Could not write ${path}: ${(error as Error).message}`);
  }
}
