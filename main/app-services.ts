/**
 * Everything main needs to serve the contract, without Electron: the open database, the clock, the
 * handler table and `invoke`. index.ts (the app), the e2e bridge, the CLI and the integration tests all
 * build on this, so they run the very same handlers.
 */
import type { Clock } from '../shared/clock';
import { londonDateOf } from '../shared/dates';
import type { IpcResult } from '../shared/ipc/result';
import { settleInterruptedRestore } from './backup/interrupted-restore';
import { createBackupService, type BackupService } from './backup/service';
import { keyFilePathFor } from './db/beside';
import { DatabaseOpenError } from './db/errors';
import { isDatabaseKey, loadOrCreateKeyFile, readKeyFile } from './db/key-file';
import { missingDatabaseError } from './db/missing';
import { openDatabase } from './db/open';
import { totalChanges, type Db } from './db/sql';
import { dispatch } from './ipc/dispatch';
import { handlers } from './ipc/handlers';
import type { SyncService } from './features/sync/sync-service';
import type { HandlerContext, Handlers, SyncChannel } from './ipc/types';

export interface AppServicesOptions {
  dbPath: string;
  /** Where the key is kept; default `${dbPath}.key`. Ignored when `key` is given. */
  keyFile?: string;
  /** The 64-hex data key itself (e.g. from THRIVE_DB_KEY or Electron safeStorage). */
  key?: string;
  clock: Clock;
  log?: (message: string) => void;
  /** Diagnostics such as slow calls (HandlerContext.trace); default: `log`. */
  trace?: (message: string) => void;
  /** The audit actor for writes made before a profile exists; default 'system:app'. */
  systemActor?: string;
  /**
   * The database already open at dbPath with this key (the app session opens it with
   * openDatabaseWithRecovery); default: opened here with openDatabase.
   */
  db?: Db;
  /**
   * True only for an explicit new database (`thrive init`, tests making a fresh file): then a missing
   * database and key file are created. Otherwise both must exist (main/db/missing.ts says why not).
   */
  create?: boolean;
  /**
   * Team sync (main/sync/engine.ts), made once the database is open. Absent (the CLI, most tests): the
   * session is solo, exactly as before team mode. Present but with no server set up: solo too.
   */
  sync?: (open: { db: () => Db; clock: Clock; log: (message: string) => void }) => SyncService;
}

export interface AppServices {
  /** The open database; a different handle after a backup is restored (read it each time). */
  readonly db: Db;
  backups: BackupService;
  clock: Clock;
  handlers: Handlers;
  /**
   * Parses, runs and wraps one call: synchronously, like better-sqlite3, except the sync channels,
   * which wait on the team server and answer with a promise. A channel named at run time (ipcMain, the
   * e2e bridge, the component tests' backend) may be one of those: those transports await the answer.
   */
  invoke(channel: SyncChannel, rawArgs: unknown): Promise<IpcResult<unknown>>;
  invoke(channel: string, rawArgs: unknown): IpcResult<unknown>;
  /**
   * Rows written through the open connection so far: compared before and after a call to tell whether
   * it wrote (the app checkpoints the WAL after writes). A restore opens a new connection, counting anew.
   */
  changes(): number;
  close(): void;
}

/** The real clock: today's date in England, and the current instant. */
export function systemClock(): Clock {
  return { today: () => londonDateOf(Date.now()), now: () => new Date().toISOString() };
}

/**
 * The key: given directly, or from the key file. Only a new database being created (`create`) gets a
 * new random key file; otherwise a missing database is refused before its key is looked for (a key
 * file made for a database that is not there would only hide that it is gone).
 */
export function resolveDatabaseKey(opts: Pick<AppServicesOptions, 'dbPath' | 'keyFile' | 'key' | 'create'>): string {
  if (opts.key !== undefined) return readDatabaseKey(opts);
  const missing = missingDatabaseError(opts.dbPath);
  if (!missing) return readDatabaseKey(opts);
  if (opts.create) return loadOrCreateKeyFile(opts.keyFile ?? keyFilePathFor(opts.dbPath));
  throw missing;
}

/** The key given, or read from the key file; never a new one (e.g. to restore over a missing database). */
export function readDatabaseKey(opts: Pick<AppServicesOptions, 'dbPath' | 'keyFile' | 'key'>): string {
  if (opts.key !== undefined) {
    if (!isDatabaseKey(opts.key)) throw new DatabaseOpenError('bad_key_format', 'The database key must be 64 hexadecimal characters (a 256-bit key)');
    return opts.key.toLowerCase();
  }
  return readKeyFile(opts.keyFile ?? keyFilePathFor(opts.dbPath));
}

export function createAppServices(opts: AppServicesOptions): AppServices {
  const log = opts.log ?? ((message: string) => console.error(`[thrive] ${message}`));
  const key = resolveDatabaseKey(opts);
  // A restore killed midway is finished or rolled back before the file is opened (the app's unlock does
  // the same in openDatabaseWithRecovery).
  if (!opts.db) settleInterruptedRestore(opts.dbPath, key, log);
  const db =
    opts.db ??
    openDatabase({
      path: opts.dbPath,
      key,
      ...(opts.create ? { create: true } : {}),
      onBackup: (path) => log(`copied the database to ${path} before upgrading it`),
    });
  const ctx: HandlerContext = { db, clock: opts.clock, log, trace: opts.trace ?? log, systemActor: opts.systemActor ?? 'system:app' };
  // A restore closes the database and opens the restored copy: every later call must use the new handle.
  ctx.backups = createBackupService({ dbPath: opts.dbPath, key, clock: opts.clock, log, getDb: () => ctx.db, setDb: (next) => (ctx.db = next) });
  if (opts.sync) ctx.sync = opts.sync({ db: () => ctx.db, clock: opts.clock, log });
  const invoke = (channel: string, rawArgs: unknown) => {
    const before = ctx.sync && ctx.db.open ? totalChanges(ctx.db) : 0;
    const result = dispatch(handlers, ctx, channel, rawArgs);
    // A saved change goes to the team server soon (debounced); sync's own writes are not local work.
    if (ctx.sync && !channel.startsWith('sync:') && ctx.db.open && totalChanges(ctx.db) !== before) ctx.sync.noteLocalWrite();
    return result;
  };
  return {
    get db() {
      return ctx.db;
    },
    backups: ctx.backups,
    clock: opts.clock,
    handlers,
    invoke: invoke as AppServices['invoke'],
    changes: () => (ctx.db.open ? totalChanges(ctx.db) : 0),
    close: () => {
      ctx.sync?.stop();
      const db = ctx.db;
      if (!db.open) return;
      // Lets SQLite refresh its statistics for the query planner; cheap when nothing changed. It may be
      // refused (writes held while the database is checked at unlock): the close must happen anyway.
      try {
        db.pragma('optimize');
      } catch {
        // Statistics are refreshed at a later close.
      }
      db.close();
    },
  };
}
