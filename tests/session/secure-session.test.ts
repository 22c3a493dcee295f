/**
 * The app lock as a person meets it: set up, lock, unlock, a wrong passphrase, nothing readable
 * while locked, and no key left lying on disk.
 */
import { existsSync, readFileSync, readdirSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import type { LockSetupResult, LockStatus } from '../../shared/ipc/security-types';
import { DatabaseOpenError } from '../../main/db/errors';
import { readKeystore, unlockWithRecoveryCode } from '../../main/keys/keystore';
import { LOCKED_MESSAGE } from '../../main/session/secure-session';
import { tempDir } from '../support/temp-db';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { PASSPHRASE, openFilesUnder, setupArgs, startSession } from '../support/test-session';

const PROFILE = { name: 'Dr Philippa Wrenfield', role: 'clinician', teamName: 'CAMHS North' };

describe('a new install', () => {
  it('is set up with a passphrase, shows the recovery code once, locks and unlocks', () => {
    const t = startSession(fakeOsCrypto());
    expect(t.ok<LockStatus>('lock:status')).toEqual({ state: 'setup', osKeyProtection: 'os_keychain', autoLockMinutes: 5, recoveryNotice: null });
    expect(t.call('app:state')).toEqual({ ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } });

    const setup = t.ok<LockSetupResult>('lock:setup', setupArgs);
    expect(setup.recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(setup.status.state).toBe('unlocked');
    expect(existsSync(t.dbPath)).toBe(true);
    expect(existsSync(`${t.dbPath}.key`)).toBe(false);
    t.ok('profile:setup', PROFILE);
    // Shown once: nothing afterwards returns the code again.
    expect(JSON.stringify(t.ok('lock:status'))).not.toContain(setup.recoveryCode);
    expect(t.call('lock:setup', setupArgs)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(t.ok<LockStatus>('lock:lock').state).toBe('locked');
    expect(t.call('app:state')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
    expect(t.ok<{ profile: { name: string } | null }>('app:state').profile?.name).toBe(PROFILE.name);
  });

  it('refuses a short or mismatched passphrase at setup beside the field', () => {
    const t = startSession(null);
    const short = t.call('lock:setup', { passphrase: 'short', confirmPassphrase: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'passphrase' }] } });
    const mismatch = t.call('lock:setup', { passphrase: PASSPHRASE, confirmPassphrase: `${PASSPHRASE}x` });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'confirmPassphrase', message: 'The passphrases do not match' }] } });
    expect(existsSync(t.keystorePath)).toBe(false);
    expect(t.ok<LockStatus>('lock:status').state).toBe('setup');
  });

  it('without OS protection says so, and still locks with the passphrase', () => {
    const t = startSession(null);
    expect(t.ok<LockSetupResult>('lock:setup', setupArgs).status.osKeyProtection).toBe('unavailable');
    t.ok('lock:lock');
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
  });
});

describe('a wrong passphrase', () => {
  it("says so beside the field, doesn't crash and stays locked", () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    t.ok('lock:lock');
    expect(t.call('lock:unlock', { passphrase: 'copper kettle meadows' })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'That passphrase is not right.' },
    });
    expect(t.ok<LockStatus>('lock:status').state).toBe('locked');
    expect(t.call('cases:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.call('lock:unlock', {})).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'passphrase' }] } });
  });
});

describe('while locked', () => {
  it('every other channel answers locked, and the database file is closed', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    t.ok('profile:setup', PROFILE);
    t.ok('lock:lock');
    for (const channel of CHANNEL_NAMES.filter((c) => !c.startsWith('lock:'))) {
      expect(t.call(channel, {}), channel).toEqual({ ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } });
    }
    const open = openFilesUnder(t.dir);
    if (open !== null) expect(open).toEqual([]);
    // Nothing holds the file: it can be moved away and back.
    renameSync(t.dbPath, `${t.dbPath}.moved`);
    renameSync(`${t.dbPath}.moved`, t.dbPath);
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
  });

  it('an unknown channel is still refused as locked, a ping does not unlock', () => {
    const t = startSession(null);
    t.ok('lock:setup', setupArgs);
    t.session.lock();
    expect(t.call('nope:nothing')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.ok<LockStatus>('lock:ping').state).toBe('locked');
  });
});

describe('the files on disk', () => {
  it('the keystore holds no plaintext key and the database no plaintext name', () => {
    const t = startSession(fakeOsCrypto());
    const { recoveryCode } = t.ok<LockSetupResult>('lock:setup', setupArgs);
    t.ok('profile:setup', PROFILE);
    t.session.close();
    const keystore = readKeystore(t.keystorePath);
    if (!keystore) throw new Error('no keystore');
    const key = unlockWithRecoveryCode(keystore, recoveryCode);
    const bytes = readFileSync(t.keystorePath);
    expect(bytes.toString('latin1').toLowerCase()).not.toContain(key);
    expect(bytes.indexOf(Buffer.from(key, 'hex'))).toBe(-1);
    expect(bytes.toString('latin1')).not.toContain(Buffer.from(key, 'hex').toString('base64'));
    expect(bytes.toString('latin1')).not.toContain(PASSPHRASE);
    expect(readFileSync(t.dbPath).indexOf(Buffer.from('Philippa Wrenfield'))).toBe(-1);
  });

  it('a damaged keystore stops start-up with a clear error instead of making a new key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'thrive.keys'), 'not json');
    expect(() => startSession(null, { dir })).toThrow(DatabaseOpenError);
    expect(readFileSync(join(dir, 'thrive.keys'), 'utf8')).toBe('not json');
  });

  it('a database with neither keystore nor key file is refused at start-up', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'thrive.db'), 'x');
    expect(() => startSession(null, { dir })).toThrow(/neither its keystore/);
  });
});

describe('quitting', () => {
  it('closes the database; afterwards every call answers locked', () => {
    const t = startSession(fakeOsCrypto());
    t.ok('lock:setup', setupArgs);
    t.session.close();
    expect(t.call('lock:status')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.call('app:state')).toMatchObject({ ok: false, error: { code: 'locked' } });
    const open = openFilesUnder(t.dir);
    if (open !== null) expect(open).toEqual([]);
  });
});

describe('a database damaged while the app was closed', () => {
  it('is set aside at unlock, the backup taken on quit restored, and the person told after unlocking', () => {
    const os = fakeOsCrypto();
    const first = startSession(os);
    first.ok('lock:setup', setupArgs);
    first.ok('profile:setup', PROFILE);
    first.session.close();
    truncateSync(first.dbPath, 0);

    const again = startSession(os, { dir: first.dir });
    expect(again.ok<LockStatus>('lock:status')).toMatchObject({ state: 'locked', recoveryNotice: null });
    const unlocked = again.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE });
    expect(unlocked.recoveryNotice).toMatch(/^THRIVE Plans found its database damaged and set it aside\. It restored the backup taken \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(again.ok<{ profile: { name: string } | null }>('app:state').profile?.name).toBe(PROFILE.name);
    expect(readdirSync(first.dir).some((name) => name.startsWith('thrive.db.corrupt-'))).toBe(true);
    // Told while unlocked; a lock screen says nothing about it.
    expect(again.ok<LockStatus>('lock:lock').recoveryNotice).toBeNull();
  });
});
