/**
 * The app's session: the app lock in front of the services. While it is not unlocked the database is
 * closed and the data key forgotten, and every channel but lock:* answers 'locked' without touching the
 * disk. Unlocking unwraps the key from the keystore and opens the database (with corruption recovery);
 * locking, the idle backstop and quitting close it again.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { contract } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcResult } from '../../shared/ipc/result';
import type { LockSetupResult, LockStatus } from '../../shared/ipc/security-types';
import { issuesToFields } from '../../shared/ipc/validate';
import type { AppServices } from '../app-services';
import type { BackgroundBackup } from '../backup/background-backup';
import type { BackgroundCheck } from '../db/background-check';
import { DatabaseOpenError } from '../db/errors';
import { isStorageFault, storageFaultMessage, storageFaultOf } from '../db/faults';
import { generateDatabaseKey, readKeyFile } from '../db/key-file';
import { isNetworkPath } from '../db/open';
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
import { createIdleCheckpointer } from './idle-checkpoint';
import { createDailyBackups } from './daily-backup';
import { openUnlocked, type UnlockedServices } from './open-unlocked';
import { createStartupCheck, type StartupCheck } from './startup-check';

export { openUnlocked, type UnlockedServices } from './open-unlocked';
import { realTimers, type SessionTimers } from './timers';

export const LOCKED_MESSAGE = 'THRIVE Plans is locked. Unlock it to continue.';

export interface SecureSessionOptions {
  dbPath: string;
  /** Default `thrive.keys` beside the database. */
  keystorePath?: string;
  /** The plain key file of a database made before the app lock existed; default `${dbPath}.key`. Wrapped at setup, then deleted. */
  legacyKeyFile?: string;
  /** This computer's OS protection (safeStorage), or null when it offers none worth having. */
  os: OsCrypto | null;
  clock: Clock;
  log: (message: string) => void;
  systemActor?: string;
  timers?: SessionTimers;
  /**
   * Opens the database with an unwrapped key. `keyVerified` is true when a keystore's GCM tag proved
   * the key belongs to this install (so an unreadable file is damage, not a wrong key). Default:
   * openUnlocked below.
   */
  openServices?: (key: string, keyVerified: boolean, create?: boolean) => UnlockedServices;
  /** A database that cannot be opened even with the right key (newer version, network path…). */
  onOpenFailure?: (error: Error) => void;
  /**
   * Runs quick_check off the main thread (the app: a worker thread, main/db/background-check.ts). With
   * it, unlocking opens without waiting for the check; without it (the CLI, most tests) the check runs
   * inside the open as before.
   */
  backgroundCheck?: BackgroundCheck;
  /** Takes the daily backup off the main thread (the app: the same worker). Without it, on the main thread. */
  backgroundBackup?: BackgroundBackup;
}

export interface SecureSession {
  invoke(channel: string, rawArgs: unknown): IpcResult<unknown>;
  /**
   * As invoke, but a write refused while the database is still being checked at unlock waits for the
   * check and is then tried again, so nothing is written to a file not yet known to be sound and the
   * person sees only a slower save. What ipcMain and the e2e bridge use.
   */
  invokeWhenChecked(channel: string, rawArgs: unknown): Promise<IpcResult<unknown>>;
  /** Settles when no database check or background backup is running (for tests). */
  checked(): Promise<void>;
  status(): LockStatus;
  lock(): void;
  /** Quitting: a last backup, then the database closed; every later call answers 'locked'. */
  close(): void;
}

type LockChannel = 'lock:status' | 'lock:setup' | 'lock:unlock' | 'lock:lock' | 'lock:ping' | 'lock:changePassphrase' | 'lock:recover';

function isLockChannel(channel: string): channel is LockChannel {
  return channel.startsWith('lock:') && Object.prototype.hasOwnProperty.call(contract, channel);
}

/** How often a running, unlocked app checks whether its daily backup is due. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60_000;

export function createSecureSession(opts: SecureSessionOptions): SecureSession {
  const keystorePath = opts.keystorePath ?? join(dirname(opts.dbPath), 'thrive.keys');
  const legacyKeyFile = opts.legacyKeyFile ?? `${opts.dbPath}.key`;
  const timers = opts.timers ?? realTimers;
  const openServices = opts.openServices ?? ((key: string, verified: boolean, create?: boolean) => openUnlocked(opts, key, verified, create));
  const lockout = new Lockout(() => timers.now());

  if (isNetworkPath(opts.dbPath)) {
    throw new DatabaseOpenError('network_path', `THRIVE Plans keeps its database on this computer only; ${opts.dbPath} is a network location`);
  }
  // Read at start, so a damaged keystore is reported at once (the error box) instead of at unlock.
  let keystore: KeystoreFile | null = readKeystore(keystorePath);
  if (!keystore && existsSync(opts.dbPath) && !existsSync(legacyKeyFile)) {
    throw new DatabaseOpenError(
      'key_file_missing',
      `The database ${opts.dbPath} exists but neither its keystore (${keystorePath}) nor its key file was found, ` +
        'so it cannot be opened. Restore the keystore from a copy, or contact IT support.',
    );
  }

  let services: AppServices | null = null;
  let dataKey: string | null = null;
  let recoveryNotice: string | null = null;
  let autoLockMinutes = DEFAULT_SETTINGS.autoLockMinutes;
  let idleTimer: unknown = null;
  let dailyTimer: unknown = null;
  let closed = false;
  /** A backup restored after the check at unlock found damage: told at the next unlock. */
  let noticeForNextUnlock: string | null = null;
  const checkpointer = createIdleCheckpointer(timers, () => services?.db ?? null, opts.log);
  const dailyBackups = createDailyBackups({ dbPath: opts.dbPath, clock: opts.clock, log: opts.log, background: opts.backgroundBackup });
  const startupCheck: StartupCheck | null = opts.backgroundCheck
    ? createStartupCheck({
        dbPath: opts.dbPath,
        clock: opts.clock,
        log: opts.log,
        check: opts.backgroundCheck,
        isCurrent: (checked, db) => services === checked && checked.db === db,
        passed: (checked) => {
          if (dataKey) dailyBackups.takeIfDue(checked, dataKey);
        },
        closeForRecovery: () => {
          opts.log('locked: the database check found damage');
          lock();
        },
        recovered: (notice) => {
          noticeForNextUnlock = notice;
        },
        unrecoverable: (error) => {
          opts.log(error.message);
          if (error instanceof DatabaseOpenError) opts.onOpenFailure?.(error);
        },
      })
    : null;

  const state = (): LockStatus['state'] => (services ? 'unlocked' : keystore ? 'locked' : 'setup');

  const status = (): LockStatus => ({
    state: state(),
    osKeyProtection: (keystore ? keystore.passphrase.osProtected : opts.os !== null) ? 'os_keychain' : 'unavailable',
    autoLockMinutes,
    recoveryNotice: services ? recoveryNotice : null,
  });

  function stopIdleTimer(): void {
    if (idleTimer !== null) timers.clearTimeout(idleTimer);
    idleTimer = null;
  }

  /** The backstop: the renderer locks on idle input; this catches a renderer that has stopped asking. */
  function restartIdleTimer(): void {
    stopIdleTimer();
    if (!services) return;
    idleTimer = timers.setTimeout(() => {
      idleTimer = null;
      opts.log(`locked after ${autoLockMinutes} idle minutes`);
      lock();
    }, autoLockMinutes * 60_000);
  }

  /**
   * "Daily while running": a laptop left unlocked for days still gets its daily backup. Checked hourly;
   * maybeDaily backs up only when the last verified backup is 24 hours old, and never throws.
   */
  function scheduleDailyBackup(): void {
    if (dailyTimer !== null) timers.clearTimeout(dailyTimer);
    dailyTimer = null;
    if (!services) return;
    dailyTimer = timers.setTimeout(() => {
      dailyTimer = null;
      // Not while the check at unlock is still running: it takes the backup itself when it passes.
      if (services && dataKey && !startupCheck?.pending()) dailyBackups.takeIfDue(services, dataKey);
      scheduleDailyBackup();
    }, DAILY_BACKUP_CHECK_MS);
  }

  /** Through the services' own settings:get, so it reads what the Settings screen shows. */
  function readAutoLockMinutes(): void {
    if (!services) return;
    const result = services.invoke('settings:get', {});
    const minutes = result.ok ? (result.value as { autoLockMinutes?: unknown }).autoLockMinutes : undefined;
    if (typeof minutes === 'number') autoLockMinutes = minutes;
  }

  function lock(): void {
    stopIdleTimer();
    checkpointer.cancel();
    if (dailyTimer !== null) timers.clearTimeout(dailyTimer);
    dailyTimer = null;
    const open = services;
    services = null;
    dataKey = null;
    recoveryNotice = null;
    open?.close();
  }

  function becomeUnlocked(key: string, verified: boolean, create = false): void {
    let opened: UnlockedServices;
    try {
      opened = openServices(key, verified, create);
    } catch (error) {
      if (error instanceof DatabaseOpenError) {
        opts.onOpenFailure?.(error);
        // The lock screen shows the cause as main/db/faults.ts and main/db/missing.ts named it.
        throw new AppError(isStorageFault(error.reason) ? 'storage' : 'internal', error.message);
      }
      throw error;
    }
    services = opened.services;
    recoveryNotice = opened.recoveryNotice ?? noticeForNextUnlock;
    noticeForNextUnlock = null;
    dataKey = key;
    if (opened.deferredCheck && startupCheck) startupCheck.start(opened.services, key, opened.deferredCheck.walAsFound);
    readAutoLockMinutes();
    restartIdleTimer();
    scheduleDailyBackup();
  }

  /** A wrong passphrase or code counts towards the lockout; "another computer" does not (no guess was made). */
  function counted<T>(attempt: () => T): T {
    lockout.check();
    try {
      const value = attempt();
      lockout.succeeded();
      return value;
    } catch (error) {
      if (error instanceof AppError && (error.message === WRONG_PASSPHRASE_MESSAGE || error.message === WRONG_RECOVERY_CODE_MESSAGE)) lockout.failed();
      throw error;
    }
  }

  function setup(passphrase: string): LockSetupResult {
    if (keystore) throw new AppError('conflict', 'The app lock is already set up.');
    let key: string;
    let created: { file: KeystoreFile; recoveryCode: string };
    if (existsSync(legacyKeyFile)) {
      // Upgrading: the plain key must open the database before it is wrapped and the plain copy deleted.
      key = readKeyFile(legacyKeyFile);
      becomeUnlocked(key, false);
      try {
        created = createKeystore(key, passphrase, opts.os);
        writeKeystore(keystorePath, created.file);
      } catch (error) {
        // Still 'setup', with the plain key file in place: nothing is lost, setup can be tried again.
        lock();
        throw error;
      }
      rmSync(legacyKeyFile, { force: true });
      opts.log('wrapped the plain key file into the keystore and deleted it');
    } else {
      if (existsSync(opts.dbPath)) throw new AppError('conflict', 'A database is already here without its key; it cannot be opened.');
      // The keystore is written before the database exists, so a database never exists without its key.
      key = generateDatabaseKey();
      created = createKeystore(key, passphrase, opts.os);
      writeKeystore(keystorePath, created.file);
      // The first run: the one place the app makes a new database (everywhere else a missing one is refused).
      try {
        becomeUnlocked(key, true, true);
      } catch (error) {
        // No database was made (a read-only or full disk…): a keystore left alone would make every later
        // start refuse a "missing" database, so the first run can simply be tried again.
        if (!existsSync(opts.dbPath)) rmSync(keystorePath, { force: true });
        throw error;
      }
    }
    keystore = created.file;
    return { status: status(), recoveryCode: created.recoveryCode };
  }

  function lockCall(channel: LockChannel, args: Record<string, string>): unknown {
    switch (channel) {
      case 'lock:status':
        return status();
      case 'lock:setup':
        return setup(args['passphrase'] ?? '');
      case 'lock:unlock': {
        if (services) return status();
        if (!keystore) throw new AppError('conflict', 'Set a passphrase first.');
        const file = keystore;
        const key = counted(() => unlockWithPassphrase(file, args['passphrase'] ?? '', opts.os));
        becomeUnlocked(key, true);
        return status();
      }
      case 'lock:lock':
        lock();
        return status();
      case 'lock:ping':
        restartIdleTimer();
        return status();
      case 'lock:changePassphrase': {
        if (!services || !keystore || !dataKey) throw new AppError('locked', LOCKED_MESSAGE);
        const file = keystore;
        counted(() => unlockWithPassphrase(file, args['currentPassphrase'] ?? '', opts.os));
        keystore = rewrapPassphrase(file, dataKey, args['newPassphrase'] ?? '', opts.os);
        writeKeystore(keystorePath, keystore);
        restartIdleTimer();
        return status();
      }
      case 'lock:recover': {
        if (!keystore) throw new AppError('conflict', 'Set a passphrase first.');
        const file = keystore;
        const key = counted(() => unlockWithRecoveryCode(file, args['recoveryCode'] ?? ''));
        if (!services) becomeUnlocked(key, true);
        // This computer's OS protection replaces the old one (which may belong to another computer).
        keystore = rewrapPassphrase(file, key, args['newPassphrase'] ?? '', opts.os);
        writeKeystore(keystorePath, keystore);
        opts.log('unlocked with the recovery code and set a new passphrase');
        return status();
      }
    }
  }

  function invokeLock(channel: LockChannel, rawArgs: unknown): IpcResult<unknown> {
    try {
      const parsed = contract[channel].args.safeParse(rawArgs);
      if (!parsed.success) return { ok: false, error: validationError(issuesToFields(parsed.error.issues)).toIpcError() };
      return { ok: true, value: lockCall(channel, parsed.data as Record<string, string>) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
      opts.log(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Writing the keystore at setup or after a new passphrase: a read-only or full disk, named.
      const fault = storageFaultOf(error, opts.dbPath);
      if (fault) return { ok: false, error: { code: 'storage', message: storageFaultMessage(fault, opts.dbPath) } };
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside THRIVE Plans. Please try again.' } };
    }
  }

  function invoke(channel: string, rawArgs: unknown): IpcResult<unknown> {
    if (closed) return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
    if (typeof channel === 'string' && isLockChannel(channel)) return invokeLock(channel, rawArgs);
    if (!services) return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
    const before = services.changes();
    const result = services.invoke(channel, rawArgs);
    // A restore swaps the connection, whose count starts again: that too reads as a write.
    checkpointer.afterCall(services.changes() !== before);
    if (channel === 'settings:update' && result.ok) readAutoLockMinutes();
    restartIdleTimer();
    return result;
  }

  return {
    invoke,
    async invokeWhenChecked(channel, rawArgs) {
      const result = invoke(channel, rawArgs);
      const pending = startupCheck?.pending();
      // A write refused by the held connection fails as 'internal' with nothing written (the handlers'
      // transactions roll back): it is tried once more when the check has finished.
      if (result.ok || !pending || result.error.code !== 'internal') return result;
      await pending;
      return invoke(channel, rawArgs);
    },
    async checked() {
      await startupCheck?.pending();
      await dailyBackups.pending();
    },
    status,
    lock,
    close() {
      closed = true;
      if (services && startupCheck?.pending()) {
        // Writes were held all session (the check had not finished), so there is nothing new to keep,
        // and a backup of a file not yet known to be sound is not one to rotate others out for.
        opts.log('no backup on quit: the database check had not finished');
      } else if (services) {
        try {
          services.backups.backupNow('quit');
        } catch (error) {
          // Recorded in backups/status.json by the backup service; quitting goes on.
          opts.log(`backup on quit failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      lock();
    },
  };
}
