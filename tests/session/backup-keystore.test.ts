/**
 * Losing the laptop's profile must not lose the records: the backups folder carries the wrapped keystore
 * with every backup, so that folder alone, copied to a new computer, opens with the recovery code.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caseload } from '../../shared/ipc/types';
import type { BackupList, LockSetupResult } from '../../shared/ipc/security-types';
import { tempDir } from '../support/temp-db';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { NEW_PASSPHRASE, setupArgs, startSession } from '../support/test-session';

describe('the backups folder on its own', () => {
  it('holds the wrapped keystore, owner-only, and opens on a new computer with the recovery code', () => {
    const laptop = startSession(fakeOsCrypto());
    const { recoveryCode } = laptop.ok<LockSetupResult>('lock:setup', setupArgs);
    laptop.ok('profile:setup', { name: 'Priya Shah', role: 'clinician', teamName: 'Riverside CAMHS' });
    laptop.ok('demo:seed');
    laptop.ok('backup:create');
    const backups = join(laptop.dir, 'backups');
    expect(readFileSync(join(backups, 'thrive.keys'))).toEqual(readFileSync(laptop.keystorePath));
    expect(statSync(join(backups, 'thrive.keys')).mode & 0o777).toBe(0o600);
    const newest = laptop.ok<BackupList>('backup:list').backups[0]!.fileName;
    const before = laptop.ok<Caseload>('caseload:list').rows.map((r) => r.caseRef);
    laptop.session.close();

    // The profile is gone; IT copies the backups folder to a new computer (another OS keychain).
    const fresh = tempDir();
    mkdirSync(join(fresh, 'backups'));
    for (const name of readdirSync(backups)) copyFileSync(join(backups, name), join(fresh, 'backups', name));
    copyFileSync(join(fresh, 'backups', newest), join(fresh, 'thrive.db'));
    copyFileSync(join(fresh, 'backups', 'thrive.keys'), join(fresh, 'thrive.keys'));
    const desktop = startSession(fakeOsCrypto(), { dir: fresh });
    expect(desktop.call('lock:unlock', { passphrase: setupArgs.passphrase })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    desktop.ok('lock:recover', { recoveryCode, newPassphrase: NEW_PASSPHRASE, confirmPassphrase: NEW_PASSPHRASE });
    expect(desktop.ok<Caseload>('caseload:list').rows.map((r) => r.caseRef)).toEqual(before);
  });
});
