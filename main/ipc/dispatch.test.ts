/**
 * dispatch() is the single gate every call passes through (app IPC, e2e bridge, CLI): these tests pin
 * what a caller sees for each way a call can go wrong.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { AppError } from '../../shared/ipc/result';
import type { Db } from '../db/sql';
import { dispatch } from './dispatch';
import { handlers as realHandlers } from './handlers';
import type { HandlerContext, Handlers } from './types';

function setup(overrides: Partial<Record<keyof Handlers, (args: unknown, ctx: HandlerContext) => unknown>> = {}) {
  const logs: string[] = [];
  const ctx: HandlerContext = {
    db: {} as Db, // these handlers never touch it
    clock: fixedClock('2026-11-22'),
    log: (m) => logs.push(m),
    systemActor: 'system:test',
  };
  const handlers = { ...realHandlers, ...overrides } as Handlers;
  return { logs, call: (channel: string, args: unknown) => dispatch(handlers, ctx, channel, args) };
}

describe('dispatch', () => {
  it('refuses a channel that is not in the contract', () => {
    const { call } = setup();
    expect(call('cases:delete', {})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'There is no channel called cases:delete' },
    });
    expect(call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(call('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('validates arguments before the handler runs, naming each field', () => {
    let ran = false;
    const { call } = setup({ 'cases:get': () => ((ran = true), null) });
    const result = call('cases:get', { caseId: 'not-an-id' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Not a valid record id', fields: [{ path: 'caseId', message: 'Not a valid record id' }] },
    });
    expect(ran).toBe(false);
  });

  it('refuses unexpected keys and non-object payloads', () => {
    const { call } = setup({ 'settings:get': () => ({}) });
    expect(call('settings:get', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(call('settings:get', null)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(call('settings:get', 'DROP TABLE cases')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(call('settings:get', {})).toEqual({ ok: true, value: {} });
  });

  it('passes an AppError through with its code and fields', () => {
    const { call } = setup({
      'settings:get': () => {
        throw new AppError('conflict', 'Someone else changed this case', [{ path: 'caseVersion', message: 'stale' }]);
      },
    });
    expect(call('settings:get', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Someone else changed this case', fields: [{ path: 'caseVersion', message: 'stale' }] },
    });
  });

  it('hides internal failures behind a plain message and logs the detail', () => {
    const { call, logs } = setup({
      'settings:get': () => {
        throw new Error('SQLITE_CONSTRAINT: secret detail');
      },
    });
    const result = call('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logs.join('\n')).toContain('settings:get failed: Error: SQLITE_CONSTRAINT: secret detail');
  });

  it('logs calls slower than 40 ms by name, and not fast ones', () => {
    const { call, logs } = setup({
      'settings:get': () => {
        const until = performance.now() + 45;
        while (performance.now() < until) {
          // busy-wait: a handler that blocks the main process
        }
        return {};
      },
      'clinicians:list': () => [],
    });
    call('clinicians:list', {});
    expect(logs).toEqual([]);
    call('settings:get', {});
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^slow call: settings:get took \d+\.\d ms$/);
  });
});
