/** Headless sessions (CLI, tests, the e2e bridge) are opened with a key: always unlocked, no passphrase. */
import { describe, expect, it } from 'vitest';
import { HEADLESS_LOCK_MESSAGE } from '../../main/features/lock/handlers';
import { startApp } from '../support/test-app';

describe('the lock channels in a headless session', () => {
  it('report unlocked with the configured idle minutes', () => {
    const app = startApp();
    app.ok('profile:setup', { name: 'Dr Ana Lee', role: 'clinician', teamName: 'CAMHS North' });
    app.ok('settings:update', { autoLockMinutes: 9 });
    expect(app.ok('lock:status', {})).toEqual({ state: 'unlocked', osKeyProtection: 'unavailable', autoLockMinutes: 9, recoveryNotice: null });
  });

  it('refuse to set, check, change or recover a passphrase, and never lock the database', () => {
    const app = startApp();
    const passphrase = 'copper kettle meadow';
    const calls = [
      app.call('lock:setup', { passphrase, confirmPassphrase: passphrase }),
      app.call('lock:unlock', { passphrase }),
      app.call('lock:lock', {}),
      app.call('lock:changePassphrase', { currentPassphrase: passphrase, newPassphrase: `${passphrase}s`, confirmPassphrase: `${passphrase}s` }),
      app.call('lock:recover', { recoveryCode: '0123456789ABCDEFGHJKMNPQRSTVWX', newPassphrase: passphrase, confirmPassphrase: passphrase }),
    ];
    for (const result of calls) expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: HEADLESS_LOCK_MESSAGE } });
    // Activity pings are answered with the (always unlocked) status, so a renderer there sees no error.
    expect(app.ok('lock:ping', {})).toMatchObject({ state: 'unlocked' });
    expect(app.services.db.open).toBe(true);
    expect(app.call('app:state', {}).ok).toBe(true);
  });
});
