/**
 * The database check at unlock runs in a worker thread (at 100k cases it reads 1.7 GB): the app opens at
 * once, writes wait until the file is known sound, and damage found by the check takes the usual
 * quarantine-and-restore path with nothing this session saved lost (nothing was allowed to be saved).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { AppState } from '../../shared/ipc/types';
import type { BackupList, LockStatus } from '../../shared/ipc/security-types';
import { workerBackup } from '../../main/backup/background-backup';
import { workerCheck, type BackgroundCheck } from '../../main/db/background-check';
import { openDatabase } from '../../main/db/open';
import { readKeystore, unlockWithPassphrase } from '../../main/keys/keystore';
import { tempDir } from '../support/temp-db';
import { openCaseArgs } from '../support/test-app';
import { fakeOsCrypto } from '../support/fake-os-crypto';
import { PASSPHRASE, setupArgs, startSession, type TestSession } from '../support/test-session';

/** One computer's OS key protection for every session of a test file (the key is wrapped with it). */
const os = fakeOsCrypto();
const PROFILE = { name: 'Dr Philippa Wrenfield', role: 'clinician', teamName: 'CAMHS North' };

let workerFile = '';
beforeAll(async () => {
  // The worker as the app bundles it (scripts/build-main.mjs), inside the repository so that it finds
  // the native database module in node_modules.
  const outdir = join(process.cwd(), 'node_modules', '.cache', 'thrive-db-worker');
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { 'db-worker': 'main/workers/db-worker.ts' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers'],
    loader: { '.sql': 'text' },
    outdir,
    logLevel: 'warning',
  });
  workerFile = join(outdir, 'db-worker.js');
}, 60_000);

/** A check that waits for the test to let it run. */
function gated(check: () => BackgroundCheck): { backgroundCheck: BackgroundCheck; release(): void } {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { backgroundCheck: async (request) => gate.then(() => check()(request)), release: () => release() };
}

const caseCount = (t: TestSession) => t.ok<AppState>('app:state').caseCount;
const backupCount = (t: TestSession) => t.ok<BackupList>('backup:list').backups.length;

/** A locked install in `dir` with one case and a backup holding it, taken on 22/11/2026. */
function installWithOneCase(dir: string, clock: ReturnType<typeof fixedClock>): void {
  const first = startSession(os, { dir, clock });
  first.ok('lock:setup', setupArgs);
  const profile = first.ok<{ id: string }>('profile:setup', PROFILE);
  first.ok('cases:open', openCaseArgs(profile.id, { caseRef: 'RIO-1001' }));
  first.ok('backup:create');
  first.ok('lock:lock');
}

/** The data key, unwrapped as the app does at unlock (to open a backup copy directly). */
function dataKeyOf(dir: string): string {
  const file = readKeystore(join(dir, 'thrive.keys'));
  if (!file) throw new Error('no keystore');
  return unlockWithPassphrase(file, PASSPHRASE, os);
}

function profileId(t: TestSession): string {
  return (t.ok<AppState>('app:state').profile as { id: string }).id;
}

describe('the database check at unlock', () => {
  it('unlocks without waiting for it, holds writes until it passes, then saves and takes the daily backup', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-22');
    installWithOneCase(dir, clock);
    clock.set('2026-11-24');
    const check = gated(() => workerCheck(workerFile));
    const t = startSession(os, { dir, clock, backgroundCheck: check.backgroundCheck, backgroundBackup: workerBackup(workerFile) });

    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
    // Reading works straight away.
    expect(caseCount(t)).toBe(1);
    const backupsBefore = backupCount(t);
    // A write is refused while the check runs, with nothing written…
    const args = openCaseArgs(profileId(t), { caseRef: 'RIO-2002', name: 'Waits For Check', nhsNumber: null });
    expect(t.call('cases:open', args)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(caseCount(t)).toBe(1);
    // …and through the app's path it simply waits for the check, then saves.
    const saving = t.session.invokeWhenChecked('cases:open', args);
    let settled = false;
    void saving.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(backupCount(t)).toBe(backupsBefore);

    check.release();
    expect(await saving).toMatchObject({ ok: true, value: { caseRef: 'RIO-2002' } });
    await t.session.checked();
    expect(caseCount(t)).toBe(2);
    expect(t.logs.join('\n')).toMatch(/database check passed in \d+\.\d s/);
    // The daily backup was due (two days on) and was taken, in the worker, once the file was known sound.
    const backups = t.ok<BackupList>('backup:list');
    expect(backups.backups).toHaveLength(backupsBefore + 1);
    const daily = backups.backups[0];
    expect(daily).toMatchObject({ reason: 'daily', takenAt: expect.stringMatching(/^2026-11-24T/) });
    expect(backups.lastFailure).toBeNull();
    expect(t.logs.join('\n')).toMatch(new RegExp(`daily backup ${daily?.fileName ?? ''} taken in a worker thread`));
    // It opens with the data key and holds the records as they were when it was taken.
    const copy = openDatabase({ path: join(dir, 'backups', daily?.fileName ?? ''), key: dataKeyOf(dir), readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 2 });
    } finally {
      copy.close();
    }
  });

  it('a daily backup the worker cannot run is taken on the main thread instead of skipped', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-22');
    installWithOneCase(dir, clock);
    clock.set('2026-11-24');
    const missing = join(dir, 'no-such-worker.js');
    const t = startSession(os, { dir, clock, backgroundCheck: workerCheck(workerFile), backgroundBackup: workerBackup(missing) });
    const before = (() => {
      t.ok('lock:unlock', { passphrase: PASSPHRASE });
      return backupCount(t);
    })();
    await t.session.checked();
    expect(t.logs.join('\n')).toContain('the daily backup could not run in a worker thread');
    expect(backupCount(t)).toBe(before + 1);
  });

  it('found damage: locks, sets the file aside, restores the last backup and says so at the next unlock', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-22');
    installWithOneCase(dir, clock);
    clock.set('2026-11-23');
    const dbPath = join(dir, 'thrive.db');
    // Damage pages of records (as a failing disk would), where the open itself does not look. Not the
    // middle of the file: since the team-sync tables (main/db/migrations/0060-team-sync.sql) the schema
    // outgrew its first pages, and its later page sits near the middle, which the open reads at unlock.
    const bytes = readFileSync(dbPath);
    const middle = Math.floor((bytes.length * 0.3) / 4096) * 4096;
    bytes.fill(0x5a, middle, middle + 16 * 1024);
    writeFileSync(dbPath, bytes);

    const check = gated(() => workerCheck(workerFile));
    const t = startSession(os, { dir, clock, backgroundCheck: check.backgroundCheck });
    expect(t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE }).state).toBe('unlocked');
    const saving = t.session.invokeWhenChecked(
      'cases:open',
      openCaseArgs(profileId(t), { caseRef: 'RIO-3003', name: 'Never On Damaged File', nhsNumber: null }),
    );
    check.release();
    // The held save is not written anywhere: the person is told the app is locked and unlocks again.
    expect(await saving).toMatchObject({ ok: false, error: { code: 'locked' } });
    await t.session.checked();
    expect(t.ok<LockStatus>('lock:status').state).toBe('locked');
    // The damaged file, set aside with its audit anchor (main/backup/files.ts).
    const quarantined = readdirSync(dir).filter((f) => f.startsWith('thrive.db.corrupt-'));
    expect(quarantined.filter((f) => !f.endsWith('.audit-anchor'))).toHaveLength(1);
    expect(t.logs.join('\n')).toContain('locked: the database check found damage');

    const status = t.ok<LockStatus>('lock:unlock', { passphrase: PASSPHRASE });
    expect(status.recoveryNotice).toContain('THRIVE Plans found its database damaged and set it aside. It restored the backup taken 22/11/2026');
    await t.session.checked();
    expect(caseCount(t)).toBe(1);
  });

  it('when the worker cannot run, checks on the main thread instead of skipping the check', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-22');
    installWithOneCase(dir, clock);
    const t = startSession(os, { dir, clock, backgroundCheck: workerCheck(join(dir, 'no-such-worker.js')) });
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    await t.session.checked();
    expect(t.logs.join('\n')).toContain('checking on the main thread instead');
    t.ok('cases:open', openCaseArgs(profileId(t), { caseRef: 'RIO-4004', name: 'After Fallback', nhsNumber: null }));
    expect(caseCount(t)).toBe(2);
  });

  it('locked before the check finished: its answer is set aside and the next unlock checks again', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-22');
    installWithOneCase(dir, clock);
    const check = gated(() => workerCheck(workerFile));
    const t = startSession(os, { dir, clock, backgroundCheck: check.backgroundCheck });
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    t.ok('lock:lock');
    check.release();
    await t.session.checked();
    expect(t.ok<LockStatus>('lock:status').state).toBe('locked');
    expect(readdirSync(dir).filter((f) => f.includes('wal-at-open'))).toEqual([]);
    t.ok('lock:unlock', { passphrase: PASSPHRASE });
    await t.session.checked();
    t.ok('cases:open', openCaseArgs(profileId(t), { caseRef: 'RIO-5005', name: 'Second Unlock', nhsNumber: null }));
    expect(caseCount(t)).toBe(2);
  });
});
