/**
 * The one way into the handlers, shared by ipcMain, the e2e bridge and the CLI: unknown channels are
 * refused, arguments are parsed with the channel's schema, errors become `{ ok: false, error }`, and
 * every call is timed.
 */
import { performance } from 'node:perf_hooks';
import { contract, type Channel } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcResult } from '../../shared/ipc/result';
import { issuesToFields } from '../../shared/ipc/validate';
import type { HandlerContext, Handlers } from './types';

/** Calls slower than this are logged by name (ARCHITECTURE.md rule 9). */
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
