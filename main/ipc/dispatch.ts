/**
 * The one way into the handlers, shared by ipcMain, the e2e bridge and the CLI: unknown channels are
 * refused, arguments are parsed with the channel's schema, errors become `{ ok: false, error }`, and
 * every call is timed.
 */
import { performance } from 'node:perf_hooks';
import { contract, type Channel } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcResult } from '../../shared/ipc/result';
import { issuesToFields } from '../../shared/ipc/validate';
import { storageFaultMessage, storageFaultOf, type StorageFault } from '../db/faults';
import type { Db } from '../db/sql';
import type { HandlerContext, Handlers } from './types';

/** Calls slower than this are logged by name (docs/architecture.md#the-ipc-contract-and-dispatch). */
export const SLOW_CALL_MS = 40;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function dispatch(handlers: Handlers, ctx: HandlerContext, channel: string, rawArgs: unknown): IpcResult<unknown> {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `There is no channel called ${String(channel)}` } };
  }
  const started = performance.now();
  try {
    const parsed = contract[channel].args.safeParse(rawArgs);
    if (!parsed.success) return { ok: false, error: validationError(issuesToFields(parsed.error.issues)).toIpcError() };
    const handler = handlers[channel] as (args: unknown, ctx: HandlerContext) => unknown;
    return { ok: true, value: handler(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
    const fault = storageFaultOfCall(error, ctx.db);
    if (fault) {
      ctx.log(`${channel} failed: ${fault} (${error instanceof Error ? error.message : String(error)})`);
      return { ok: false, error: { code: 'storage', message: `${storageFaultMessage(fault, ctx.db.name)} Nothing was saved.` } };
    }
    ctx.log(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside THRIVE Plans. Nothing was saved; please try again.' },
    };
  } finally {
    const ms = performance.now() - started;
    if (ms > SLOW_CALL_MS) (ctx.trace ?? ctx.log)(`slow call: ${channel} took ${ms.toFixed(1)} ms`);
  }
}

/**
 * A full disk, a read-only file, an I/O error or a held lock during a call, named (main/db/faults.ts)
 * instead of "something went wrong". Writes refused while the session holds them for the check at
 * unlock (PRAGMA query_only, main/session/startup-check.ts) also fail as SQLITE_READONLY: those are not a
 * read-only file, and stay 'internal' so the session tries them again once the check has passed.
 */
function storageFaultOfCall(error: unknown, db: Db): StorageFault | null {
  const fault = storageFaultOf(error, db.name);
  if (fault !== 'read_only') return fault;
  try {
    return db.open && db.pragma('query_only', { simple: true }) === 1 ? null : fault;
  } catch {
    return fault;
  }
}
