import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../../shared/dates';
import { createAppServices } from '../../main/app-services';
import { openDatabaseWithRecovery } from '../../main/backup/recovery';
import { TEST_KEY, tempDbPath } from '../support/temp-db';

/** A clock whose instant the test moves by hours. */
function hourClock(start: string) {
  let ms = Date.parse(start);
  return {
    today: () => londonDateOf(ms),
    now: () => new Date(ms).toISOString(),
    advanceHours(h: number) {
      ms += h * 3_600_000;
    },
  };
}

function servicesAt(start: string) {
  const clock = hourClock(start);
  const logs: string[] = [];
  const services = createAppServices({ dbPath: tempDbPath(), key: TEST_KEY, create: true, clock, log: (m) => logs.push(m) });
  return { services, clock, logs };
}

describe('the backup service', () => {
  it('takes a daily backup when there is none or the last good one is 24 hours old', () => {
    const { services, clock } = servicesAt('2026-11-22T08:30:00.000Z');
    try {
      expect(services.backups.folder).toBe(join(dirname(services.db.name), 'backups'));
      expect(services.backups.maybeDaily()).toMatchObject({ fileName: 'thrive-backup-20261122-083000.db', reason: 'daily' });
      clock.advanceHours(23);
      expect(services.backups.maybeDaily()).toBeNull();
      services.backups.backupNow('manual'); // a manual backup counts as a good one too
      clock.advanceHours(23);
      expect(services.backups.maybeDaily()).toBeNull();
      clock.advanceHours(1);
      expect(services.backups.maybeDaily()).toMatchObject({ fileName: 'thrive-backup-20261124-073000.db', reason: 'daily' });
      expect(services.backups.list().backups.map((b) => [b.fileName, b.reason])).toEqual([
        ['thrive-backup-20261124-073000.db', 'daily'],
        ['thrive-backup-20261123-073000.db', 'manual'],
        ['thrive-backup-20261122-083000.db', 'daily'],
      ]);
    } finally {
      services.close();
    }
  });

  it('a daily backup that fails does not throw: it is recorded, logged and shown, and tried again next time', () => {
    const { services, clock, logs } = servicesAt('2026-11-22T08:30:00.000Z');
    try {
      writeFileSync(services.backups.folder, 'in the way');
      expect(services.backups.maybeDaily()).toBeNull();
      expect(logs.some((l) => l.startsWith('daily backup failed'))).toBe(true);
      expect(services.backups.list()).toMatchObject({
        backups: [],
        lastVerifiedAt: null,
        lastFailure: `Backups cannot be made: ${services.backups.folder} is not a folder.`,
      });
      expect(() => services.backups.backupNow('quit')).toThrow(/is not a folder/);
      // The folder is put right: the next attempt succeeds.
      rmSync(services.backups.folder);
      clock.advanceHours(1);
      expect(services.backups.maybeDaily()).toMatchObject({ reason: 'daily' });
      expect(services.backups.list().lastFailure).toBeNull();
    } finally {
      services.close();
    }
  });

  it('records the failure in status.json when the folder exists but the copy fails', () => {
    const { services } = servicesAt('2026-11-22T08:30:00.000Z');
    try {
      services.backups.backupNow('manual');
      services.db.exec('BEGIN');
      expect(services.backups.maybeDaily()).toBeNull(); // not due yet: nothing attempted
      services.db.exec('ROLLBACK');
      services.db.exec('BEGIN');
      expect(() => services.backups.backupNow('quit')).toThrow('The backup could not be made');
      services.db.exec('ROLLBACK');
      const status = JSON.parse(readFileSync(join(services.backups.folder, 'status.json'), 'utf8'));
      expect(status.lastFailure).toEqual({ at: '2026-11-22T08:30:00.000Z', reason: 'quit', message: 'cannot VACUUM from within a transaction' });
      expect(services.backups.list().lastFailure).toBe(
        'The backup on closing on 22/11/2026 08:30 failed: cannot VACUUM from within a transaction. Earlier backups are untouched.',
      );
    } finally {
      services.close();
    }
  });

  it('opens a healthy database left with a write-ahead log by a crash as it is, keeping every write', () => {
    const { services, clock } = servicesAt('2026-11-22T08:30:00.000Z');
    const path = services.db.name;
    services.backups.backupNow('manual');
    expect(services.invoke('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' }).ok).toBe(true);
    // Copy the files as a crash would leave them: the newest writes only in the WAL.
    const crashed = tempDbPath();
    for (const suffix of ['', '-wal']) writeFileSync(`${crashed}${suffix}`, readFileSync(`${path}${suffix}`));
    expect(readFileSync(`${crashed}-wal`).length).toBeGreaterThan(0);
    services.close();
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: crashed, key: TEST_KEY, backupDir: `${crashed}-backups`, clock });
    try {
      expect(recoveryNotice).toBeNull();
      expect(db.prepare('SELECT count(*) FROM clinicians').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    expect(existsSync(`${crashed}.wal-at-open`)).toBe(false);
    expect(readdirSync(dirname(crashed)).some((n) => n.includes('corrupt'))).toBe(false);
  });
});

describe('createAppServices with a database opened with recovery', () => {
  it('serves the handlers and backups on the handle it is given', () => {
    const dbPath = tempDbPath();
    const clock = hourClock('2026-11-22T08:30:00.000Z');
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: dbPath, key: TEST_KEY, backupDir: join(dirname(dbPath), 'backups'), clock, create: true });
    expect(recoveryNotice).toBeNull();
    const services = createAppServices({ dbPath, key: TEST_KEY, db, clock, log: () => undefined });
    try {
      expect(services.db).toBe(db);
      expect(services.invoke('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' }).ok).toBe(true);
      expect(services.invoke('backup:create', {})).toMatchObject({ ok: true, value: { fileName: 'thrive-backup-20261122-083000.db', reason: 'manual' } });
    } finally {
      services.close();
    }
    expect(db.open).toBe(false);
  });
});
