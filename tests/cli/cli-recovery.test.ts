/**
 * Trust IT running a scheduled export on a database the app protects with a passphrase: the CLI has no
 * OS keychain and nobody to type the passphrase, so it unlocks with the organisation recovery code, and
 * can keep the key in a file for the job.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { LockSetupResult } from '../../shared/ipc/security-types';
import { runCli } from '../../main/cli';
import { createSecureSession } from '../../main/session/secure-session';
import { tempDir } from '../support/temp-db';
import { fakeOsCrypto } from '../support/fake-os-crypto';

const PASSPHRASE = 'copper kettle meadow';

async function thrive(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

/** A database made by the app: passphrase set, profile and demo caseload, then quit. */
function appDatabase(): { dir: string; db: string; recoveryCode: string } {
  const dir = tempDir();
  const db = join(dir, 'thrive.db');
  const session = createSecureSession({ dbPath: db, os: fakeOsCrypto(), clock: fixedClock('2026-11-22'), log: () => {} });
  const setup = session.invoke('lock:setup', { passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  expect(session.invoke('profile:setup', { name: 'Priya Shah', role: 'clinician', teamName: 'Riverside CAMHS' }).ok).toBe(true);
  expect(session.invoke('demo:seed', {}).ok).toBe(true);
  session.close();
  // The app leaves no plain key behind: only the keystore.
  expect(existsSync(`${db}.key`)).toBe(false);
  return { dir, db, recoveryCode: (setup.value as LockSetupResult).recoveryCode };
}

describe('the CLI on a database the app protects', () => {
  it('cannot open it without a key, and says how', async () => {
    const { db } = appDatabase();
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'caseload']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'thrive: This database is protected by the app lock. Unlock it with the organisation recovery code ' +
        '(--recovery-code-file FILE or THRIVE_RECOVERY_CODE), or use a key file made with thrive key-file (--key-file FILE).\n',
    );
  });

  it('opens it with the recovery code from a file or THRIVE_RECOVERY_CODE', async () => {
    const { dir, db, recoveryCode } = appDatabase();
    const codeFile = join(dir, 'code.txt');
    writeFileSync(codeFile, `${recoveryCode.toLowerCase()}\n`, { mode: 0o600 });
    const fromFile = await thrive(['--db', db, '--today', '2026-11-22', '--recovery-code-file', codeFile, 'caseload']);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain('Priya Shah');
    const fromEnv = await thrive(['--db', db, '--today', '2026-11-22', 'caseload', '--json'], { THRIVE_RECOVERY_CODE: recoveryCode });
    expect(fromEnv.code).toBe(0);
    expect(JSON.parse(fromEnv.out).rows.length).toBeGreaterThan(0);
  });

  it('refuses a wrong recovery code plainly and opens nothing', async () => {
    const { db } = appDatabase();
    const r = await thrive(['--db', db, 'caseload'], { THRIVE_RECOVERY_CODE: '00000-00000-00000-00000-00000-00000' });
    expect(r.code).toBe(1);
    expect(r.err).toBe('thrive: That recovery code is not right.\n');
  });

  it('writes a key file for scheduled jobs (owner only, never over a file) that --key-file then uses', async () => {
    const { dir, db, recoveryCode } = appDatabase();
    const keyFile = join(dir, 'job.key');
    const made = await thrive(['--db', db, 'key-file', '--out', keyFile], { THRIVE_RECOVERY_CODE: recoveryCode });
    expect(made.code).toBe(0);
    expect(made.out).toContain(`Wrote the database key to ${keyFile}`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await thrive(['--db', db, 'key-file', '--out', keyFile], { THRIVE_RECOVERY_CODE: recoveryCode });
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    const job = await thrive(['--db', db, '--today', '2026-11-22', '--key-file', keyFile, 'export', 'csv', '--file', 'cases', '--out', join(dir, 'cases.csv')]);
    expect(job.code).toBe(0);
    expect(existsSync(join(dir, 'cases.csv'))).toBe(true);
  });
});
