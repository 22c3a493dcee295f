/**
 * The app's session: the app lock in front of the services. While it is not unlocked the database is
 * closed and the data key forgotten, and every channel but lock:* answers 'locked' without touching the
 * disk. The lock channels go through the one dispatch like every other channel, with the app lock
 * (main/session/app-lock.ts) as their context; the rest go to the open services
 * (main/session/session-state.ts). Locking, the idle backstop and quitting close the database again.
 */
import { dirname, join } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { IpcResult } from '../../shared/ipc/result';
import type { LockStatus } from '../../shared/ipc/security-types';
import type { BackgroundBackup } from '../backup/background-backup';
import type { BackgroundCheck } from '../db/background-check';
import { dispatch, isLockChannel } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';
import type { LockContext } from '../ipc/types';
import type { OsCrypto } from '../keys/os-crypto';
import { KeystoreLock, readKeystoreAtStart } from './app-lock';
import { openUnlocked, type OpenUnlockedOptions, type UnlockedServices } from './open-unlocked';
import { LOCKED, SessionState } from './session-state';
import { realTimers, type SessionTimers } from './timers';

export { openUnlocked, type UnlockedServices } from './open-unlocked';
export { LOCKED_MESSAGE } from './session-state';
export { DAILY_BACKUP_CHECK_MS } from './unlocked-timers';

export interface SecureSessionOptions {
  dbPath: string;
  /** Default `thrive.keys` beside the database. */
  keystorePath?: string;
  /** The plain key file of an install from before the app lock; default `${dbPath}.key`. Wrapped at setup, then deleted. */
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
   * openUnlocked (main/session/open-unlocked.ts).
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
  /** Team sync, made with the services at each unlock (main/sync/engine-app.ts); absent: solo. */
  sync?: OpenUnlockedOptions['sync'];
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

export function createSecureSession(opts: SecureSessionOptions): SecureSession {
  const files = {
    dbPath: opts.dbPath,
    keystorePath: opts.keystorePath ?? join(dirname(opts.dbPath), 'thrive.keys'),
    legacyKeyFile: opts.legacyKeyFile ?? `${opts.dbPath}.key`,
  };
  const keystore = readKeystoreAtStart(files);
  const timers = opts.timers ?? realTimers;
  const state = new SessionState({
    dbPath: opts.dbPath,
    clock: opts.clock,
    log: opts.log,
    timers,
    openServices: opts.openServices ?? ((key, verified, create) => openUnlocked(opts, key, verified, create)),
    onOpenFailure: opts.onOpenFailure,
    backgroundCheck: opts.backgroundCheck,
    backgroundBackup: opts.backgroundBackup,
  });
  const appLock = new KeystoreLock(keystore, state, { files, os: opts.os, log: opts.log, now: () => timers.now() });
  // No database in it: the lock channels are answered while locked, and a storage fault in them (writing the keystore) is named by the database's path.
  const lockContext: LockContext = { appLock, dbPath: opts.dbPath, log: opts.log };
  let closed = false;

  function invoke(channel: string, rawArgs: unknown): IpcResult<unknown> {
    if (closed) return LOCKED;
    if (typeof channel === 'string' && isLockChannel(channel)) return dispatch(handlers, lockContext, channel, rawArgs);
    return state.call(channel, rawArgs);
  }

  return {
    invoke,
    async invokeWhenChecked(channel, rawArgs) {
      const answer = invoke(channel, rawArgs);
      // Read at once, as the call is answered: whether the check was still running when it was refused.
      const pending = state.startupCheck?.pending();
      // A sync channel answers with a promise (main/ipc/dispatch.ts): its outcome is what is checked.
      const result = await answer;
      // A write refused by the held connection fails as 'internal' with nothing written (the handlers'
      // transactions roll back): it is tried once more when the check has finished.
      if (result.ok || !pending || result.error.code !== 'internal') return result;
      await pending;
      return invoke(channel, rawArgs);
    },
    checked: () => state.checked(),
    status: () => appLock.status(),
    lock: () => state.lock(),
    close() {
      closed = true;
      state.quit();
    },
  };
}
