/**
 * The key over time: a new computer (recovery code), an upgrade from the plain key file, changing the
 * passphrase, the idle backstop and the pause after repeated wrong passphrases.
 */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { LockSetupResult, LockStatus } from '../../shared/ipc/security-types';
import { createAppServices } from '../../main/app-services';
import { OTHER_COMPUTER_MESSAGE } from '../../main/keys/keystore';
import { tempDir } from '../support/temp-db';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { NEW_PASSPHRASE, PASSPHRASE, setupArgs, startSession } from '../support/test-session';

const PROFILE = { name: 'Dr Philippa Wrenfield', role: 'clinician', teamName: 'CAMHS North' };
const MINUTE = 60_000;

function profileName(call: (channel: string, args?: unknown) => unknown): string | undefined {
  const result = call('app:state') as { ok: boolean; value?: { profile: { name: string } | null } };
  return result.value?.profile?.name;
}

describe('the recovery code', () => {
  it('unlocks a copy in a fresh user-data folder on another computer, and sets a passphrase there', () => {
    const first = startSession(fakeOsCrypto());
    const { recoveryCode } = first.ok<LockSetupResult>('lock:setup', setupArgs);
    first.ok('profile:setup', PROFILE);
    first.session.close();

    const fresh = tempDir();
    copyFileSync(first.dbPath, join(fresh, 'thrive.db'));
    copyFileSync(first.keystorePath, join(fresh, 'thrive.keys'));
    const second = startSession(fakeOsCrypto(), { dir: fresh });
    expect(second.ok<LockStatus>('lock:status').state).toBe('locked');
    // The passphrase wrap is bound to the first computer: a clear message pointing to the recovery code.
    expect(second.call('lock:unlock', { passphrase: PASSPHRASE })).toEqual({ ok: false, error: { code: 'wrong_passphrase', message: OTHER_COMPUTER_MESSAGE } });
    expect(second.call('lock:recover', { recoveryCode: 'ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE', newPassphrase: NEW_PASSPHRASE, confirmPassphrase: NEW_PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'That recovery code is not right.' },
    });
    expect(second.call('lock:recover', { recoveryCode: 'short', newPassphrase: NEW_PASSPHRASE, confirmPassphrase: NEW_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'recoveryCode' }] },
    });

    const recovered = second.ok<LockStatus>('lock:recover', {
      recoveryCode: recoveryCode.toLowerCase(),
      newPassphrase: NEW_PASSPHRASE,
      confirmPassphrase: NEW_PASSPHRASE,
    });
    expect(recovered).toMatchObject({ state: 'unlocked', osKeyProtection: 'os_keychain' });
    expect(profileName(second.call)).toBe(PROFILE.name);

    second.ok('lock:lock');
    expect(second.call('lock:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase', message: 'That passphrase is not right.' } });
    expect(second.ok<LockStatus>('lock:unlock', { passphrase: NEW_PASSPHRASE }).state).toBe('unlocked');
  });
});

describe('upgrading from the plain key file of earlier versions', () => {
  it('starts in setup, wraps that key after opening the database with it, and deletes the plain file', () => {
    const dir = tempDir();
    const dbPath = join(dir, 'thrive.db');
    const old = createAppServices({ dbPath, create: true, clock: fixedClock('2026-11-22'), log: () => undefined });
    old.invoke('profile:setup', PROFILE);
    old.close();
    expect(existsSync(`${dbPath}.key`)).toBe(true);

    const t = startSession(fakeOsCrypto(), { dir });
    expect(t.ok<LockStatus>('lock:status').state).toBe('setup');
    expect(t.call('app:state')).toMatchObject({ ok: false, error: { code: 'locked' } });
    const setup = t.ok<LockSetupResult>('lock:setup', setupArgs);
    expect(setup.status.state).toBe('unlocked');
    expect(existsSync(`${dbPath}.key`)).toBe(false);
    expect(profileName(t.call)).toBe(PROFILE.name);
    t.ok('lock:lock');
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
    expect(profileName(t.call)).toBe(PROFILE.name);
  });

  it('keeps the plain key file and writes no keystore when that key does not open the database', () => {
    const dir = tempDir();
    const dbPath = join(dir, 'thrive.db');
    createAppServices({ dbPath, create: true, clock: fixedClock('2026-11-22'), log: () => undefined }).close();
    writeFileSync(`${dbPath}.key`, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const failures: Error[] = [];
    const t = startSession(null, { dir, onOpenFailure: (e) => failures.push(e) });
    const result = t.call('lock:setup', setupArgs);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/key is wrong/) } });
    expect(failures).toHaveLength(1);
    expect(existsSync(`${dbPath}.key`)).toBe(true);
    expect(existsSync(t.keystorePath)).toBe(false);
    expect(t.ok<LockStatus>('lock:status').state).toBe('setup');
  });
});

describe('changing the passphrase', () => {
  it('needs the app unlocked and the current passphrase; afterwards only the new one opens it', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    const change = { currentPassphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE, confirmPassphrase: NEW_PASSPHRASE };
    t.ok('lock:lock');
    expect(t.call('lock:changePassphrase', change)).toMatchObject({ ok: false, error: { code: 'locked' } });
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    expect(t.call('lock:changePassphrase', { ...change, currentPassphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(t.call('lock:changePassphrase', { ...change, confirmPassphrase: 'something else' })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'confirmPassphrase' }] } });
    expect(t.ok<LockStatus>('lock:changePassphrase', change).state).toBe('unlocked');
    t.ok('lock:lock');
    expect(t.call('lock:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: NEW_PASSPHRASE }).state).toBe('unlocked');
  });
});

describe('the idle backstop', () => {
  it('locks after the configured idle minutes; calls and pings keep it open', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    t.timers.advance(4 * MINUTE);
    t.ok('lock:ping');
    t.timers.advance(4 * MINUTE);
    t.ok('app:state');
    t.timers.advance(4 * MINUTE + 59_000);
    expect(t.ok<LockStatus>('lock:status').state).toBe('unlocked');
    t.timers.advance(1_000);
    expect(t.ok<LockStatus>('lock:status').state).toBe('locked');
    expect(t.call('app:state')).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('follows the setting in the database as soon as it is changed', () => {
    const t = startSession(null);
    t.ok('lock:setup', setupArgs);
    t.ok('profile:setup', PROFILE);
    t.ok('settings:update', { autoLockMinutes: 2 });
    expect(t.ok<LockStatus>('lock:status').autoLockMinutes).toBe(2);
    t.timers.advance(2 * MINUTE);
    expect(t.ok<LockStatus>('lock:status')).toMatchObject({ state: 'locked', autoLockMinutes: 2 });
    // Read again on the next unlock.
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    t.timers.advance(2 * MINUTE);
    expect(t.ok<LockStatus>('lock:status').state).toBe('locked');
  });
});

describe('repeated wrong passphrases', () => {
  it('after 5 in a row, pause further attempts for 30 seconds, then 60; the right one resets it', () => {
    const t = startSession(null);
    t.ok('lock:setup', setupArgs);
    t.ok('lock:lock');
    for (let i = 0; i < 5; i += 1) {
      expect(t.call('lock:unlock', { passphrase: `guess number ${i}` })).toMatchObject({ ok: false, error: { message: 'That passphrase is not right.' } });
    }
    // Even the right passphrase waits: the pause is not a hint about which guess was right.
    expect(t.call('lock:unlock', { passphrase: PASSPHRASE })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'Too many wrong attempts. Wait 30 seconds and try again.' },
    });
    t.timers.advance(20_000);
    expect(t.call('lock:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { message: 'Too many wrong attempts. Wait 10 seconds and try again.' } });
    t.timers.advance(10_000);
    expect(t.call('lock:unlock', { passphrase: 'guess number 6' })).toMatchObject({ ok: false, error: { message: 'That passphrase is not right.' } });
    expect(t.call('lock:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { message: 'Too many wrong attempts. Wait 60 seconds and try again.' } });
    t.timers.advance(60_000);
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
    t.ok('lock:lock');
    expect(t.call('lock:unlock', { passphrase: 'one more guess' })).toMatchObject({ ok: false, error: { message: 'That passphrase is not right.' } });
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
  });
});
