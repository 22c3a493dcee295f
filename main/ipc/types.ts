import type { Clock } from '../../shared/clock';
import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/ipc/contract';
import type { LockSetupResult, LockStatus } from '../../shared/ipc/security-types';
import type { BackupService } from '../backup/service';
import type { Db } from '../db/sql';
import type { SyncService } from '../features/sync/sync-service';

/** What every handler gets besides its arguments. */
export interface HandlerContext {
  db: Db;
  clock: Clock;
  log: (message: string) => void;
  /**
   * Timings and other diagnostics: the app's log keeps them (the default is `log`); the CLI shows them
   * only with --verbose, so a scheduled job's output holds what happened, not how long it took.
   */
  trace?: (message: string) => void;
  /** The audit actor when no profile is set up: 'system:app', 'system:cli', … */
  systemActor: string;
  /** Backups of this database (list, back up now, restore); a restore replaces `db` above. */
  backups?: BackupService;
  /** Team sync (main/sync/engine.ts); absent in a session with no team server, which stays solo. */
  sync?: SyncService;
}

/**
 * The app lock's state machine as the lock channels drive it (main/session/app-lock.ts). Each method
 * answers its channel; a refusal throws AppError.
 */
export interface AppLock {
  status(): LockStatus;
  setup(passphrase: string): LockSetupResult;
  unlock(passphrase: string): LockStatus;
  lock(): LockStatus;
  /** The person is active: the idle backstop starts again. */
  ping(): LockStatus;
  changePassphrase(currentPassphrase: string, newPassphrase: string): LockStatus;
  recover(recoveryCode: string, newPassphrase: string): LockStatus;
}

/**
 * What the lock channels get: they are answered while the app is locked, when there is no database.
 * A HandlerContext is one too (a headless session, opened with a key, has no app lock).
 */
export interface LockContext {
  log: (message: string) => void;
  trace?: (message: string) => void;
  /** The app's lock; absent in a headless session (the CLI, tests, the e2e bridge). */
  appLock?: AppLock;
  /** The open database, when there is one. */
  db?: Db;
  /** The database file a storage fault (writing the keystore beside it) is named by when no database is open. */
  dbPath?: string;
}

/** The channels answered while the app is locked. */
export type LockChannel = Extract<Channel, `lock:${string}`>;

/** The channels that wait on the team server: their handlers answer with a promise (dispatch awaits it). */
export type SyncChannel = Extract<Channel, `sync:${string}`>;

export type Handler<C extends Channel> = (
  args: ParsedArgsOf<C>,
  ctx: C extends LockChannel ? LockContext : HandlerContext,
) => C extends SyncChannel ? ResultOf<C> | Promise<ResultOf<C>> : ResultOf<C>;

/** One handler per channel of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = { [C in Channel]: Handler<C> };
