/**
 * A restore killed midway is settled before anything opens the database, on the CLI's path
 * (createAppServices) as on the app's (openDatabaseWithRecovery): finished when the database had been
 * set aside, rolled back when it had not (main/backup/interrupted-restore.ts).
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { openDatabaseWithRecovery } from '../../main/backup/recovery';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/sql';
import { TEST_KEY } from '../support/temp-db';
import { openCaseArgs } from '../support/test-app';
import { appWithRecords, dumpAll } from '../support/backup-records';

const STEM_STAMP = '20261122-120000';

function casesIn(path: string): number {
  const db = openDatabase({ path, key: TEST_KEY, readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } finally {
    db.close();
  }
}

function dumpOf(path: string): Record<string, unknown[]> {
  const db = openDatabase({ path, key: TEST_KEY, readonly: true });
  try {
    return dumpAll(db);
  } finally {
    db.close();
  }
}

async function thriveBackups(dbPath: string) {
  let err = '';
  const code = await runCli(['--db', dbPath, 'backups'], { out: () => undefined, err: (t) => (err += t), env: { THRIVE_DB_KEY: TEST_KEY } });
  return { code, err };
}

/**
 * A database with a backup, then one more case saved after it that is still only in the write-ahead
 * log; the files as a restore killed after moving the database (but not yet its -wal) leaves them.
 */
function killedAfterSettingAside() {
  const app = appWithRecords();
  const made = app.services.backups.backupNow('manual');
  const atBackup = dumpAll(app.services.db);
  const db: Db = app.services.db;
  db.pragma('wal_autocheckpoint = 0');
  app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-3003', name: 'Saved After Backup', nhsNumber: null }));
  // The files as they are while the app runs (the newest case only in the WAL), kept as a crash would.
  copyFileSync(app.dbPath, `${app.dbPath}.crash`);
  copyFileSync(`${app.dbPath}-wal`, `${app.dbPath}.crash-wal`);
  app.services.close();
  const stem = `${app.dbPath}.set-aside-${STEM_STAMP}`;
  rmSync(app.dbPath);
  renameSync(`${app.dbPath}.crash`, stem);
  renameSync(`${app.dbPath}.crash-wal`, `${app.dbPath}-wal`);
  copyFileSync(join(app.backupDir, made.fileName), `${app.dbPath}.restoring`);
  return { app, atBackup, stem };
}

describe('a restore interrupted midway', () => {
  it('is finished before a thrive command opens the database; the log left behind joins the set-aside database', async () => {
    const { app, atBackup, stem } = killedAfterSettingAside();
    const run = await thriveBackups(app.dbPath);
    expect(run.code, run.err).toBe(0);
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(false);
    expect(dumpOf(app.dbPath)).toEqual(atBackup);
    // Nothing saved is lost: the set-aside database has its log back, with the case saved after the backup.
    expect(existsSync(`${stem}-wal`)).toBe(true);
    expect(casesIn(stem)).toBe((atBackup.cases as unknown[]).length + 1);
  });

  it('is finished before the app opens the database at unlock', () => {
    const { app, atBackup, stem } = killedAfterSettingAside();
    const opened = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    try {
      expect(opened.recoveryNotice).toBeNull();
      expect(dumpAll(opened.db)).toEqual(atBackup);
    } finally {
      opened.db.close();
    }
    expect(casesIn(stem)).toBe((atBackup.cases as unknown[]).length + 1);
  });

  it('is rolled back when it was killed before the database was set aside', async () => {
    const app = appWithRecords();
    const made = app.services.backups.backupNow('manual');
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-3003', name: 'Saved After Backup', nhsNumber: null }));
    const inUse = dumpAll(app.services.db);
    copyFileSync(join(app.backupDir, made.fileName), `${app.dbPath}.restoring`);

    // While another connection has the database open, its restore may be running: the staged copy stays.
    expect((await thriveBackups(app.dbPath)).code).toBe(0);
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(true);

    app.services.close();
    const run = await thriveBackups(app.dbPath);
    expect(run.code, run.err).toBe(0);
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(false);
    expect(dumpOf(app.dbPath)).toEqual(inUse);
  });
});
