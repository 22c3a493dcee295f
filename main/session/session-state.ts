/**
 * The session's open half: the services and the data key while unlocked, and what unlocking and
 * locking do besides opening and closing the database — the database check at unlock
 * (main/session/startup-check.ts), the daily backup, the idle checkpoint and the two timers. The
 * keystore and the passphrases are main/session/app-lock.ts.
 */
import type { Clock } from '../../shared/clock';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { AppError, type IpcResult } from '../../shared/ipc/result';
import type { AppServices } from '../app-services';
import type { BackgroundBackup } from '../backup/background-backup';
import type { BackgroundCheck } from '../db/background-check';
import { DatabaseOpenError } from '../db/errors';
import { isStorageFault } from '../db/faults';
import { createDailyBackups, type DailyBackups } from './daily-backup';
import { createIdleCheckpointer, type IdleCheckpointer } from './idle-checkpoint';
import type { UnlockedServices } from './open-unlocked';
import { createStartupCheck, type StartupCheck } from './startup-check';
import type { SessionTimers } from './timers';
import { UnlockedTimers } from './unlocked-timers';

export const LOCKED_MESSAGE = 'THRIVE Plans is locked. Unlock it to continue.';

export const LOCKED: IpcResult<never> = { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };

export interface SessionStateOptions {
  dbPath: string;
  clock: Clock;
  log: (message: string) => void;
  timers: SessionTimers;
  openServices: (key: string, keyVerified: boolean, create?: boolean) => UnlockedServices;
  onOpenFailure?: ((error: Error) => void) | undefined;
  backgroundCheck?: BackgroundCheck | undefined;
  backgroundBackup?: BackgroundBackup | undefined;
}

export class SessionState {
  private open: AppServices | null = null;
  private key: string | null = null;
  private notice: string | null = null;
  /** A backup restored after the check at unlock found damage: told at the next unlock. */
  private noticeForNextUnlock: string | null = null;
  private minutes = DEFAULT_SETTINGS.autoLockMinutes;
  readonly startupCheck: StartupCheck | null;
  private readonly checkpointer: IdleCheckpointer;
  private readonly dailyBackups: DailyBackups;
  private readonly timers: UnlockedTimers;

  constructor(private readonly opts: SessionStateOptions) {
    this.checkpointer = createIdleCheckpointer(opts.timers, () => this.open?.db ?? null, opts.log);
    this.dailyBackups = createDailyBackups({ dbPath: opts.dbPath, clock: opts.clock, log: opts.log, background: opts.backgroundBackup });
    this.timers = new UnlockedTimers({
      timers: opts.timers,
      autoLockMinutes: () => this.minutes,
      idle: () => {
        opts.log(`locked after ${this.minutes} idle minutes`);
        this.lock();
      },
      // Not while the check at unlock is still running: it takes the backup itself when it passes.
      dailyCheck: () => {
        if (this.open && this.key && !this.startupCheck?.pending()) this.dailyBackups.takeIfDue(this.open, this.key);
      },
    });
    this.startupCheck = opts.backgroundCheck ? this.createStartupCheck(opts.backgroundCheck) : null;
  }

  get services(): AppServices | null {
    return this.open;
  }

  get dataKey(): string | null {
    return this.key;
  }

  /** What unlocking found (a damaged database replaced by a backup); null while locked. */
  get recoveryNotice(): string | null {
    return this.open ? this.notice : null;
  }

  get autoLockMinutes(): number {
    return this.minutes;
  }

  /** Opens the database with the unwrapped key; a database that cannot be opened is named as the lock screen shows it. */
  unlock(key: string, keyVerified: boolean, create = false): void {
    let opened: UnlockedServices;
    try {
      opened = this.opts.openServices(key, keyVerified, create);
    } catch (error) {
      if (error instanceof DatabaseOpenError) {
        this.opts.onOpenFailure?.(error);
        // The lock screen shows the cause as main/db/faults.ts and main/db/missing.ts named it.
        throw new AppError(isStorageFault(error.reason) ? 'storage' : 'internal', error.message);
      }
      throw error;
    }
    this.open = opened.services;
    this.notice = opened.recoveryNotice ?? this.noticeForNextUnlock;
    this.noticeForNextUnlock = null;
    this.key = key;
    if (opened.deferredCheck && this.startupCheck) this.startupCheck.start(opened.services, key, opened.deferredCheck.walAsFound);
    this.readAutoLockMinutes();
    this.timers.start();
  }

  /** The database closed and the key forgotten. */
  lock(): void {
    this.timers.stop();
    this.checkpointer.cancel();
    const open = this.open;
    this.open = null;
    this.key = null;
    this.notice = null;
    open?.close();
  }

  /** The person is active: the idle backstop starts again. */
  activity(): void {
    if (this.open) this.timers.restartIdle();
  }

  /** A channel other than lock:* (those are the app lock's): answered by the services, or 'locked'. */
  call(channel: string, rawArgs: unknown): IpcResult<unknown> {
    const services = this.open;
    if (!services) return LOCKED;
    const before = services.changes();
    const result = services.invoke(channel, rawArgs);
    // A restore swaps the connection, whose count starts again: that too reads as a write.
    this.checkpointer.afterCall(services.changes() !== before);
    if (channel === 'settings:update' && result.ok) this.readAutoLockMinutes();
    this.activity();
    return result;
  }

  /** Quitting: a last backup (unless the check at unlock has not finished), then locked. */
  quit(): void {
    if (this.open && this.startupCheck?.pending()) {
      // Writes were held all session (the check had not finished), so there is nothing new to keep,
      // and a backup of a file not yet known to be sound is not one to rotate others out for.
      this.opts.log('no backup on quit: the database check had not finished');
    } else if (this.open) {
      try {
        this.open.backups.backupNow('quit');
      } catch (error) {
        // Recorded in backups/status.json by the backup service; quitting goes on.
        this.opts.log(`backup on quit failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.lock();
  }

  /** Settles when no database check or background backup is running. */
  async checked(): Promise<void> {
    await this.startupCheck?.pending();
    await this.dailyBackups.pending();
  }

  /** Through the services' own settings:get, so it reads what the Settings screen shows. */
  private readAutoLockMinutes(): void {
    if (!this.open) return;
    const result = this.open.invoke('settings:get', {});
    const minutes = result.ok ? (result.value as { autoLockMinutes?: unknown }).autoLockMinutes : undefined;
    if (typeof minutes === 'number') this.minutes = minutes;
  }

  private createStartupCheck(check: BackgroundCheck): StartupCheck {
    const { dbPath, clock, log } = this.opts;
    return createStartupCheck({
      dbPath,
      clock,
      log,
      check,
      isCurrent: (checked, db) => this.open === checked && checked.db === db,
      passed: (checked) => {
        if (this.key) this.dailyBackups.takeIfDue(checked, this.key);
      },
      closeForRecovery: () => {
        log('locked: the database check found damage');
        this.lock();
      },
      recovered: (notice) => {
        this.noticeForNextUnlock = notice;
      },
      unrecoverable: (error) => {
        log(error.message);
        if (error instanceof DatabaseOpenError) this.opts.onOpenFailure?.(error);
      },
    });
  }
}
