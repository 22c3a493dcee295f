/**
 * Headless key storage: a file holding the 256-bit data key as 64 hex characters. The app wraps the key
 * with Electron safeStorage instead; the CLI, tests and the e2e bridge use a key file or THRIVE_DB_KEY.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { DatabaseOpenError } from './errors';

const KEY_RE = /^[0-9a-fA-F]{64}$/;

export function isDatabaseKey(value: string): boolean {
  return KEY_RE.test(value);
}

export function generateDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Reads a secret file (a key or a recovery code) that only its owner may read or write: a file other
 * accounts can read is a copy of the secret for them, so it is refused with the fix rather than used.
 * The mode is checked on the opened file, so it is the file that is read. Windows has no mode bits
 * (fstat reports 0666 for every file), so there the check is the folder's ACLs' business.
 * Throws the `refuse(message)` error for an exposed file, and fs errors as they are.
 */
export function readPrivateFile(path: string, what: string, refuse: (message: string) => Error): string {
  const fd = openSync(path, 'r');
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw refuse(
        `The ${what} ${path} can be read by other accounts on this computer (mode ${mode.toString(8)}). Make it private with: chmod 600 ${path}`,
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads a key file; a missing, malformed or exposed file is a clear error, never a silently new key. */
export function readKeyFile(path: string): string {
  let text: string;
  try {
    text = readPrivateFile(path, 'key file', (message) => new DatabaseOpenError('key_file_exposed', message));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DatabaseOpenError('key_file_missing', `The key file ${path} does not exist; without it the database cannot be opened`);
    }
    throw error;
  }
  const key = text.trim();
  if (!isDatabaseKey(key)) {
    throw new DatabaseOpenError('bad_key_format', `The key file ${path} must hold 64 hexadecimal characters (a 256-bit key)`);
  }
  return key.toLowerCase();
}

/**
 * Reads the key file, or creates it with a new random key (owner read/write only) when it does not
 * exist. `wx` makes creation exclusive, so two processes starting together cannot write different keys.
 */
export function loadOrCreateKeyFile(path: string): string {
  try {
    return readKeyFile(path);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError && error.reason === 'key_file_missing')) throw error;
  }
  const key = generateDatabaseKey();
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path);
    throw error;
  }
  return key;
}
