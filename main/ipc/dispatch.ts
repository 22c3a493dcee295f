/**
 * The one way into the handlers, shared by ipcMain, the e2e bridge, the CLI and the app lock
 * (main/session/secure-session.ts): unknown channels are refused, arguments are parsed with the
 * channel's schema, errors become `{ ok: false, error }`, and every call is timed.
 */
import { performance } from 'node:perf_hooks';
import { contract, type Channel } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcResult } from '../../shared/ipc/result';
import { issuesToFields } from '../../shared/ipc/validate';
import { storageFaultMessage, storageFaultOf, type StorageFault } from '../db/faults';
import type { Db } from '../db/sql';
import type { HandlerContext, Handlers, LockChannel, LockContext } from './types';

/** Calls slower than this are logged by name (docs/architecture.md#the-ipc-contract-and-dispatch). */
export const SLOW_CALL_MS = 40;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isLockChannel(name: string): name is LockChannel {
  return name.startsWith('lock:') && isChannel(name);
}

/** What a call answers: at once, or (a sync channel, which waits on the team server) once it has settled. */
export type DispatchResult = IpcResult<unknown> | Promise<IpcResult<unknown>>;

/** Any channel with the database open; a lock channel also with the app lock's context (no database while locked). */
export function dispatch(handlers: Handlers, ctx: HandlerContext, channel: string, rawArgs: unknown): DispatchResult;
export function dispatch(handlers: Handlers, ctx: LockContext, channel: LockChannel, rawArgs: unknown): IpcResult<unknown>;
export function dispatch(handlers: Handlers, ctx: HandlerContext | LockContext, channel: string, rawArgs: unknown): DispatchResult {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `There is no channel called ${String(channel)}` } };
  }
  const started = performance.now();
  let settled = true;
  try {
    const parsed = contract[channel].args.safeParse(rawArgs);
    if (!parsed.success) return { ok: false, error: validationError(issuesToFields(parsed.error.issues)).toIpcError() };
    const handler = handlers[channel] as (args: unknown, ctx: HandlerContext | LockContext) => unknown;
    const value = handler(parsed.data, ctx);
    if (!(value instanceof Promise)) return { ok: true, value };
    // Timed when it settles, not when the promise is handed back; the main process is not blocked meanwhile.
    settled = false;
    return value.then(
      (v: unknown): IpcResult<unknown> => ({ ok: true, value: v }),
      (error: unknown) => failure(error, channel, ctx),
    ).finally(() => timed(channel, ctx, started));
  } catch (error) {
    return failure(error, channel, ctx);
  } finally {
    if (settled) timed(channel, ctx, started);
  }
}

function timed(channel: string, ctx: HandlerContext | LockContext, started: number): void {
  const ms = performance.now() - started;
  if (ms > SLOW_CALL_MS) (ctx.trace ?? ctx.log)(`slow call: ${channel} took ${ms.toFixed(1)} ms`);
}

function failure(error: unknown, channel: string, ctx: HandlerContext | LockContext): IpcResult<never> {
  if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
  const storage = storageFaultOfCall(error, ctx);
  if (storage) {
    ctx.log(`${channel} failed: ${storage.fault} (${error instanceof Error ? error.message : String(error)})`);
    return { ok: false, error: { code: 'storage', message: `${storageFaultMessage(storage.fault, storage.path)} Nothing was saved.` } };
  }
  ctx.log(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return {
    ok: false,
    error: { code: 'internal', message: 'Something went wrong inside THRIVE Plans. Nothing was saved; please try again.' },
  };
}

/**
 * A full disk, a read-only file, an I/O error or a held lock during a call, named (main/db/faults.ts)
 * instead of "something went wrong". Writes refused while the session holds them for the check at
 * unlock (PRAGMA query_only, main/session/startup-check.ts) also fail as SQLITE_READONLY: those are not a
 * read-only file, and stay 'internal' so the session tries them again once the check has passed.
 */
function storageFaultOfCall(error: unknown, ctx: HandlerContext | LockContext): { fault: StorageFault; path: string } | null {
  const db = ctx.db;
  const path = db?.name ?? ('dbPath' in ctx ? ctx.dbPath : undefined);
  if (path === undefined) return null;
  const fault = storageFaultOf(error, path);
  if (fault === null || (fault === 'read_only' && db && heldForCheck(db))) return null;
  return { fault, path };
}

function heldForCheck(db: Db): boolean {
  try {
    return db.open && db.pragma('query_only', { simple: true }) === 1;
  } catch {
    return false;
  }
}
