/**
 * The app lock's state machine over the keystore: 'setup' (no passphrase yet), 'locked' and 'unlocked'.
 * It answers the lock channels (main/features/lock/handlers.ts, through dispatch); unlocking unwraps
 * the data key from the keystore and hands it to the session's open half (main/session/session-state.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../../shared/ipc/result';
import type { LockSetupResult, LockStatus } from '../../shared/ipc/security-types';
import { DatabaseOpenError } from '../db/errors';
import { generateDatabaseKey, readKeyFile } from '../db/key-file';
import { isNetworkPath } from '../db/open';
import type { AppLock } from '../ipc/types';
import {
  WRONG_PASSPHRASE_MESSAGE,
  WRONG_RECOVERY_CODE_MESSAGE,
  createKeystore,
  readKeystore,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryCode,
  writeKeystore,
  type KeystoreFile,
} from '../keys/keystore';
import type { OsCrypto } from '../keys/os-crypto';
import { Lockout } from './lockout';
import { LOCKED_MESSAGE, type SessionState } from './session-state';

export interface LockFiles {
  dbPath: string;
  keystorePath: string;
  /** The plain key file of an install from before the app lock: wrapped at setup, then deleted. */
  legacyKeyFile: string;
}

/**
 * The keystore as found at start, so a damaged keystore is reported at once (the error box) instead of
 * at unlock; a database whose key has gone, or one on a network path, is refused.
 */
export function readKeystoreAtStart(files: LockFiles): KeystoreFile | null {
  const { dbPath, keystorePath, legacyKeyFile } = files;
  if (isNetworkPath(dbPath)) {
    throw new DatabaseOpenError('network_path', `THRIVE Plans keeps its database on this computer only; ${dbPath} is a network location`);
  }
  const keystore = readKeystore(keystorePath);
  if (!keystore && existsSync(dbPath) && !existsSync(legacyKeyFile)) {
    throw new DatabaseOpenError(
      'key_file_missing',
      `The database ${dbPath} exists but neither its keystore (${keystorePath}) nor its key file was found, ` +
        'so it cannot be opened. Restore the keystore from a copy, or contact IT support.',
    );
  }
  return keystore;
}

export interface KeystoreLockOptions {
  files: LockFiles;
  /** This computer's OS protection (safeStorage), or null when it offers none worth having. */
  os: OsCrypto | null;
  log: (message: string) => void;
  /** Milliseconds since the epoch (the lockout's clock). */
  now: () => number;
}

type Created = { file: KeystoreFile; recoveryCode: string };

export class KeystoreLock implements AppLock {
  private readonly lockout: Lockout;

  constructor(
    private keystore: KeystoreFile | null,
    private readonly state: SessionState,
    private readonly opts: KeystoreLockOptions,
  ) {
    this.lockout = new Lockout(opts.now);
  }

  status(): LockStatus {
    const unlocked = this.state.services !== null;
    const osProtected = this.keystore ? this.keystore.passphrase.osProtected : this.opts.os !== null;
    return {
      state: unlocked ? 'unlocked' : this.keystore ? 'locked' : 'setup',
      osKeyProtection: osProtected ? 'os_keychain' : 'unavailable',
      autoLockMinutes: this.state.autoLockMinutes,
      recoveryNotice: this.state.recoveryNotice,
    };
  }

  setup(passphrase: string): LockSetupResult {
    if (this.keystore) throw new AppError('conflict', 'The app lock is already set up.');
    const created = existsSync(this.opts.files.legacyKeyFile) ? this.wrapLegacyKey(passphrase) : this.createFirstKey(passphrase);
    this.keystore = created.file;
    return { status: this.status(), recoveryCode: created.recoveryCode };
  }

  unlock(passphrase: string): LockStatus {
    if (this.state.services) return this.status();
    const file = this.setUp();
    const key = this.counted(() => unlockWithPassphrase(file, passphrase, this.opts.os));
    this.state.unlock(key, true);
    return this.status();
  }

  lock(): LockStatus {
    this.state.lock();
    return this.status();
  }

  ping(): LockStatus {
    this.state.activity();
    return this.status();
  }

  changePassphrase(currentPassphrase: string, newPassphrase: string): LockStatus {
    const key = this.state.dataKey;
    if (!this.state.services || !this.keystore || !key) throw new AppError('locked', LOCKED_MESSAGE);
    const file = this.keystore;
    this.counted(() => unlockWithPassphrase(file, currentPassphrase, this.opts.os));
    this.rewrap(file, key, newPassphrase);
    this.state.activity();
    return this.status();
  }

  recover(recoveryCode: string, newPassphrase: string): LockStatus {
    const file = this.setUp();
    const key = this.counted(() => unlockWithRecoveryCode(file, recoveryCode));
    if (!this.state.services) this.state.unlock(key, true);
    // This computer's OS protection replaces the old one (which may belong to another computer).
    this.rewrap(file, key, newPassphrase);
    this.opts.log('unlocked with the recovery code and set a new passphrase');
    return this.status();
  }

  private setUp(): KeystoreFile {
    if (!this.keystore) throw new AppError('conflict', 'Set a passphrase first.');
    return this.keystore;
  }

  private rewrap(file: KeystoreFile, key: string, newPassphrase: string): void {
    this.keystore = rewrapPassphrase(file, key, newPassphrase, this.opts.os);
    writeKeystore(this.opts.files.keystorePath, this.keystore);
  }

  /** A wrong passphrase or code counts towards the lockout; "another computer" does not (no guess was made). */
  private counted<T>(attempt: () => T): T {
    this.lockout.check();
    try {
      const value = attempt();
      this.lockout.succeeded();
      return value;
    } catch (error) {
      if (error instanceof AppError && (error.message === WRONG_PASSPHRASE_MESSAGE || error.message === WRONG_RECOVERY_CODE_MESSAGE)) this.lockout.failed();
      throw error;
    }
  }

  /** Upgrading: the plain key must open the database before it is wrapped and the plain copy deleted. */
  private wrapLegacyKey(passphrase: string): Created {
    const { keystorePath, legacyKeyFile } = this.opts.files;
    const key = readKeyFile(legacyKeyFile);
    this.state.unlock(key, false);
    let created: Created;
    try {
      created = createKeystore(key, passphrase, this.opts.os);
      writeKeystore(keystorePath, created.file);
    } catch (error) {
      // Still 'setup', with the plain key file in place: nothing is lost, setup can be tried again.
      this.state.lock();
      throw error;
    }
    rmSync(legacyKeyFile, { force: true });
    this.opts.log('wrapped the plain key file into the keystore and deleted it');
    return created;
  }

  /** The first run: the one place the app makes a new database (everywhere else a missing one is refused). */
  private createFirstKey(passphrase: string): Created {
    const { dbPath, keystorePath } = this.opts.files;
    if (existsSync(dbPath)) throw new AppError('conflict', 'A database is already here without its key; it cannot be opened.');
    // The keystore is written before the database exists, so a database never exists without its key.
    const key = generateDatabaseKey();
    const created = createKeystore(key, passphrase, this.opts.os);
    writeKeystore(keystorePath, created.file);
    try {
      this.state.unlock(key, true, true);
    } catch (error) {
      // No database was made (a read-only or full disk…): a keystore left alone would make every later
      // start refuse a "missing" database, so the first run can simply be tried again.
      if (!existsSync(dbPath)) rmSync(keystorePath, { force: true });
      throw error;
    }
    return created;
  }
}
