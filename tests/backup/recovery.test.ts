import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabaseWithRecovery } from '../../main/backup/recovery';
import { generateDatabaseKey } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { openErrorReason, TEST_KEY } from '../support/temp-db';
import { openCaseArgs } from '../support/test-app';
import { appWithRecords, dumpAll } from '../support/backup-records';

const NOTICE =
  'THRIVE Plans found its database damaged and set it aside. It restored the backup taken 22/11/2026 12:00: ' +
  'anything saved after that may be missing. Check the cases you worked on since then.';

/** A database with a backup taken on 22/11/2026 and a case saved after it; closed, ready to damage. */
function closedWithBackup() {
  const app = appWithRecords();
  const made = app.services.backups.backupNow('manual');
  const atBackup = dumpAll(app.services.db);
  app.clock.set('2026-11-23');
  app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-6006', name: 'Saved After Backup', nhsNumber: null }));
  app.services.close();
  return { ...app, made, atBackup };
}

function overwriteMiddle(path: string): Buffer {
  const bytes = readFileSync(path);
  const middle = Math.floor(bytes.length / 2);
  bytes.fill(0x5a, middle, middle + 4096);
  writeFileSync(path, bytes);
  return bytes;
}

function filesBeside(dbPath: string): string[] {
  return readdirSync(dirname(dbPath)).sort();
}

describe('opening a damaged database at start', () => {
  it('quarantines a file damaged in the middle, restores the latest backup and says which time window may be missing', () => {
    const app = closedWithBackup();
    const damaged = overwriteMiddle(app.dbPath);
    const logs: string[] = [];
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock, log: (m) => logs.push(m) });
    try {
      expect(recoveryNotice).toBe(NOTICE);
      expect(dumpAll(db)).toEqual(app.atBackup);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const quarantined = `${app.dbPath}.corrupt-20261123-120000`;
    expect(readFileSync(quarantined).equals(damaged)).toBe(true);
    expect(logs.join('\n')).toContain(`set the damaged database aside as ${quarantined}`);
    // The backup used is still there to use again.
    expect(existsSync(join(app.backupDir, app.made.fileName))).toBe(true);
  });

  it('does the same for a truncated file (half of it lost), keeping its write-ahead log as found', () => {
    const app = closedWithBackup();
    const size = readFileSync(app.dbPath).length;
    truncateSync(app.dbPath, Math.floor(size / 2));
    // What a crash leaves: a log SQLite would replay (here unreadable), which must go aside with the file.
    writeFileSync(`${app.dbPath}-wal`, 'left over');
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    db.close();
    expect(recoveryNotice).toBe(NOTICE);
    expect(readFileSync(`${app.dbPath}.corrupt-20261123-120000`).length).toBe(Math.floor(size / 2));
    expect(readFileSync(`${app.dbPath}.corrupt-20261123-120000-wal`, 'utf8')).toBe('left over');
    expect(existsSync(`${app.dbPath}.wal-at-open`)).toBe(false);
  });

  it('treats a file emptied to 0 bytes as damaged when there are backups (it would otherwise open as a new, empty database)', () => {
    const app = closedWithBackup();
    truncateSync(app.dbPath, 0);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    try {
      expect(recoveryNotice).toBe(NOTICE);
      expect(dumpAll(db)).toEqual(app.atBackup);
    } finally {
      db.close();
    }
  });

  it('recovers from a damaged first page, which looks like a wrong key, because a backup proves the key right', () => {
    const app = closedWithBackup();
    const bytes = readFileSync(app.dbPath);
    bytes.fill(0x00, 100, 300);
    writeFileSync(app.dbPath, bytes);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    db.close();
    expect(recoveryNotice).toBe(NOTICE);
    expect(existsSync(`${app.dbPath}.corrupt-20261123-120000`)).toBe(true);
  });

  it('never treats a wrong key as damage: the clear wrong-key error, nothing moved', () => {
    const app = closedWithBackup();
    writeFileSync(`${app.dbPath}-wal`, 'left over');
    const before = filesBeside(app.dbPath);
    const bytes = readFileSync(app.dbPath);
    expect(() =>
      openDatabaseWithRecovery({ path: app.dbPath, key: generateDatabaseKey(), backupDir: app.backupDir, clock: app.clock }),
    ).toThrow('The database key is wrong or the file is not a THRIVE Plans database');
    expect(filesBeside(app.dbPath)).toEqual(before);
    expect(readFileSync(app.dbPath).equals(bytes)).toBe(true);
    expect(readFileSync(`${app.dbPath}-wal`, 'utf8')).toBe('left over');
  });

  it('with no backup: a clear error, and nothing deleted or moved', () => {
    const app = appWithRecords();
    app.services.close();
    const damaged = overwriteMiddle(app.dbPath);
    const before = filesBeside(app.dbPath);
    expect(() => openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock })).toThrow(
      new RegExp(`^THRIVE Plans found its database damaged \\(.+\\) and there is no backup it could restore\\. Nothing has been deleted or moved: the file is still at ${app.dbPath.replace(/[.]/g, '\\.')}\\.`),
    );
    expect(filesBeside(app.dbPath)).toEqual(before);
    expect(readFileSync(app.dbPath).equals(damaged)).toBe(true);
  });

  it('skips a damaged newest backup and restores the newest one that passes its check', () => {
    const app = appWithRecords();
    const good = app.services.backups.backupNow('manual');
    const atGood = dumpAll(app.services.db);
    app.clock.set('2026-11-23');
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-7007', name: 'In The Bad Backup', nhsNumber: null }));
    const bad = app.services.backups.backupNow('manual');
    app.services.close();
    overwriteMiddle(join(app.backupDir, bad.fileName));
    overwriteMiddle(app.dbPath);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    try {
      expect(recoveryNotice).toContain(`restored the backup taken 22/11/2026 12:00`);
      expect(dumpAll(db)).toEqual(atGood);
    } finally {
      db.close();
    }
    expect(good.fileName).not.toBe(bad.fileName);
  });

  it('opens a healthy database as it is, with no notice', () => {
    const app = closedWithBackup();
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    db.close();
    expect(recoveryNotice).toBeNull();
    expect(filesBeside(app.dbPath).some((n) => n.includes('corrupt'))).toBe(false);
    const again = openDatabase({ path: app.dbPath, key: TEST_KEY });
    expect(again.prepare("SELECT count(*) FROM cases WHERE case_ref = 'RIO-6006'").pluck().get()).toBe(1);
    again.close();
  });
});

describe('opening when the database file is missing', () => {
  it('finishes a restore interrupted after the database was set aside', () => {
    const app = closedWithBackup();
    // The state a crash in the middle of a restore leaves: the database aside, the checked copy staged.
    renameSync(app.dbPath, `${app.dbPath}.set-aside-20261123-120000`);
    copyFileSync(join(app.backupDir, app.made.fileName), `${app.dbPath}.restoring`);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    try {
      expect(recoveryNotice).toBeNull();
      expect(dumpAll(db)).toEqual(app.atBackup);
    } finally {
      db.close();
    }
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(false);
  });

  it('puts the latest backup in place of a deleted database, with the notice, rather than start empty', () => {
    const app = closedWithBackup();
    rmSync(app.dbPath);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: TEST_KEY, backupDir: app.backupDir, clock: app.clock });
    try {
      expect(recoveryNotice).toBe(NOTICE);
      expect(dumpAll(db)).toEqual(app.atBackup);
    } finally {
      db.close();
    }
  });

  it('refuses a missing database when no backup opens with the key, creating nothing', () => {
    const app = closedWithBackup();
    rmSync(app.dbPath);
    expect(openErrorReason(() => openDatabaseWithRecovery({ path: app.dbPath, key: generateDatabaseKey(), backupDir: app.backupDir, clock: app.clock }))).toBe(
      'database_missing',
    );
    expect(existsSync(app.dbPath)).toBe(false);
  });

  it("starts a new database at the app's first run when no backup opens with the key (a new install beside an old backups folder)", () => {
    const app = closedWithBackup();
    rmSync(app.dbPath);
    const { db, recoveryNotice } = openDatabaseWithRecovery({ path: app.dbPath, key: generateDatabaseKey(), backupDir: app.backupDir, clock: app.clock, create: true });
    try {
      expect(recoveryNotice).toBeNull();
      expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
