/**
 * Headless key storage: a file holding the 256-bit data key as 64 hex characters. The app wraps the key
 * with Electron safeStorage instead; the CLI, tests and the e2e bridge use a key file or THRIVE_DB_KEY.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { DatabaseOpenError } from './errors';

const KEY_RE = /^[0-9a-fA-F]{64}$/;

export function isDatabaseKey(value: string): boolean {
  return KEY_RE.test(value);
}

export function generateDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}

/** Reads a key file; a missing or malformed file is a clear error, never a silently new key. */
export function readKeyFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
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
