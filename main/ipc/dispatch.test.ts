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
import type { LockStatus } from '../../shared/ipc/security-types';
import type { AppLock, HandlerContext, Handlers, LockContext } from './types';

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

describe('dispatch of the lock channels (answered while locked, when there is no database)', () => {
  const STATUS: LockStatus = { state: 'locked', osKeyProtection: 'unavailable', autoLockMinutes: 5, recoveryNotice: null };

  function lockSetup(unlock: (passphrase: string) => LockStatus) {
    const logs: string[] = [];
    const refuse = () => {
      throw new Error('not used here');
    };
    const appLock: AppLock = { status: () => STATUS, unlock, setup: refuse, lock: refuse, ping: refuse, changePassphrase: refuse, recover: refuse };
    const ctx: LockContext = { appLock, dbPath: '/data/thrive.db', log: (m) => logs.push(m) };
    return { logs, unlock: (args: unknown) => dispatch(realHandlers, ctx, 'lock:unlock', args) };
  }

  it('parses the arguments with the channel schema before the app lock sees them', () => {
    const seen: string[] = [];
    const { unlock } = lockSetup((passphrase) => (seen.push(passphrase), STATUS));
    expect(unlock({ passphrase: '' })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'passphrase' }] } });
    expect(unlock({ passphrase: 'copper kettle meadow', extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(seen).toEqual([]);
    expect(unlock({ passphrase: 'copper kettle meadow' })).toEqual({ ok: true, value: STATUS });
    expect(seen).toEqual(['copper kettle meadow']);
  });

  it('names a storage fault by the database path, and hides any other failure', () => {
    const full = lockSetup(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(full.unlock({ passphrase: 'copper kettle meadow' })).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('The disk holding /data/thrive.db is full') },
    });
    const broken = lockSetup(() => {
      throw new Error('secret detail');
    });
    const result = broken.unlock({ passphrase: 'copper kettle meadow' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(broken.logs.join('\n')).toContain('lock:unlock failed: Error: secret detail');
  });

  it('times them like any other call', () => {
    const { unlock, logs } = lockSetup(() => {
      const until = performance.now() + 45;
      while (performance.now() < until) {
        // busy-wait: as slow as deriving a key from a passphrase
      }
      return STATUS;
    });
    unlock({ passphrase: 'copper kettle meadow' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^slow call: lock:unlock took \d+\.\d ms$/);
  });
});
