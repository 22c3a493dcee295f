import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../main/backup/backup';
import { generateDatabaseKey } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { TEST_KEY } from '../support/temp-db';
import { openCaseArgs } from '../support/test-app';
import { appWithRecords, dumpAll, KNOWN_NAME } from '../support/backup-records';

describe('taking a backup', () => {
  it('writes an encrypted, checked copy: no plaintext in it, nor in the database or its WAL while writing', () => {
    const app = appWithRecords();
    const made = app.services.backups.backupNow('manual');
    // Still open and written to: the newest rows are in the WAL.
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-3003', name: `${KNOWN_NAME} Junior`, nhsNumber: null }));
    expect(made.fileName).toMatch(/^thrive-backup-20261122-120000\.db$/);
    const files = [join(app.backupDir, made.fileName), app.dbPath, `${app.dbPath}-wal`];
    expect(existsSync(`${app.dbPath}-wal`)).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.length, file).toBeGreaterThan(0);
      expect(bytes.includes(Buffer.from(KNOWN_NAME)), file).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3')), file).toBe(false);
    }
    // The copy opens with the same key and holds the case.
    const copy = openDatabase({ path: join(app.backupDir, made.fileName), key: TEST_KEY, readonly: true });
    try {
      expect(copy.prepare('SELECT name FROM young_people ORDER BY name').pluck().all()).toEqual(['Jess Example', KNOWN_NAME]);
    } finally {
      copy.close();
    }
    expect(readdirSync(app.backupDir).sort()).toEqual(['status.json', made.fileName]);
  });

  it('names backups in UTC, one name per backup even within one second, and lists them newest first with their kind', () => {
    const app = appWithRecords();
    const first = app.services.backups.backupNow('manual');
    const second = app.services.backups.backupNow('manual');
    expect([first.fileName, second.fileName]).toEqual(['thrive-backup-20261122-120000.db', 'thrive-backup-20261122-120000-2.db']);
    // A daily backup later the same day supersedes nothing a person asked for.
    const daily = app.services.backups.backupNow('daily');
    const list = app.ok('backup:list', {});
    expect(list.folder).toBe(app.backupDir);
    expect(list.backups.map((b) => [b.fileName, b.reason, b.kept])).toEqual([
      [daily.fileName, 'daily', 'latest'],
      [second.fileName, 'manual', 'manual'],
      [first.fileName, 'manual', 'manual'],
    ]);
    expect(list.lastVerifiedAt).toBe(daily.takenAt);
    expect(list.lastFailure).toBeNull();
    const status = JSON.parse(readFileSync(join(app.backupDir, 'status.json'), 'utf8'));
    expect(status.lastVerifiedFile).toBe(daily.fileName);
    // An earlier daily backup of the same day is superseded by the newer one.
    const again = app.services.backups.backupNow('daily');
    expect(app.ok('backup:list', {}).backups.map((b) => b.fileName)).toEqual([again.fileName, second.fileName, first.fileName]);
  });

  it('a backup that fails its check keeps the older backups, removes its partial copy and records why', () => {
    const app = appWithRecords();
    const older = app.services.backups.backupNow('manual');
    app.clock.set('2026-11-23');
    // Checked with a key that is not the database's: the copy cannot be opened, so it is not trusted.
    expect(() => createBackup(app.services.db, { dir: app.backupDir, key: generateDatabaseKey(), clock: app.clock, reason: 'daily' })).toThrow(
      /^The backup could not be made: the copy does not open with this database's key.*Earlier backups are untouched\.$/,
    );
    expect(readdirSync(app.backupDir).sort()).toEqual(['status.json', older.fileName]);
    const list = app.ok('backup:list', {});
    expect(list.backups.map((b) => b.fileName)).toEqual([older.fileName]);
    expect(list.lastVerifiedAt).toBe(older.takenAt);
    expect(list.lastFailure).toMatch(/^The daily backup on 23\/11\/2026 12:00 failed: the copy does not open with this database's key/);
    // The next good backup clears the failure.
    app.services.backups.backupNow('manual');
    expect(app.ok('backup:list', {}).lastFailure).toBeNull();
  });

  it('a backup whose VACUUM INTO fails keeps the older backups and records the failure; the channel says so', () => {
    const app = appWithRecords();
    const older = app.ok('backup:create', {});
    const before = readFileSync(join(app.backupDir, older.fileName));
    app.clock.set('2026-11-24');
    // VACUUM cannot run inside a transaction: SQLite refuses, as it would on a full disk, before writing.
    app.services.db.exec('BEGIN');
    const result = app.call('backup:create', {});
    app.services.db.exec('ROLLBACK');
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The backup could not be made: cannot VACUUM from within a transaction. Earlier backups are untouched.' },
    });
    expect(readdirSync(app.backupDir).sort()).toEqual(['status.json', older.fileName]);
    expect(readFileSync(join(app.backupDir, older.fileName)).equals(before)).toBe(true);
    expect(app.ok('backup:list', {}).lastFailure).toBe(
      'The backup on 24/11/2026 12:00 failed: cannot VACUUM from within a transaction. Earlier backups are untouched.',
    );
  });

  it('says plainly when the backups folder is not a folder, and nothing is written', () => {
    const app = appWithRecords();
    writeFileSync(app.backupDir, 'not a folder');
    const result = app.call('backup:create', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(`The backup could not be made: ${app.backupDir} is not a folder. Earlier backups are untouched.`);
    expect(readFileSync(app.backupDir, 'utf8')).toBe('not a folder');
  });

  it('clears away a partial copy left by an interrupted backup, and never lists one', () => {
    const app = appWithRecords();
    mkdirSync(app.backupDir);
    const left = join(app.backupDir, 'thrive-backup-20261121-120000.db.partial');
    writeFileSync(left, 'half a copy');
    // Untouched since long ago (a fixed past time, not the wall clock): an interrupted backup.
    utimesSync(left, new Date('2026-11-21T12:00:00Z'), new Date('2026-11-21T12:00:00Z'));
    expect(listBackups(app.backupDir).backups).toEqual([]);
    const made = app.services.backups.backupNow('manual');
    expect(readdirSync(app.backupDir).sort()).toEqual(['status.json', made.fileName]);
  });

  it('leaves alone a partial copy still being written (the daily backup in its worker thread)', () => {
    const app = appWithRecords();
    mkdirSync(app.backupDir);
    const inProgress = 'thrive-backup-20261122-115959.db.partial';
    writeFileSync(join(app.backupDir, inProgress), 'being written now');
    const made = app.services.backups.backupNow('manual');
    expect(readdirSync(app.backupDir).sort()).toEqual(['status.json', made.fileName, inProgress].sort());
    expect(listBackups(app.backupDir).backups.map((b) => b.fileName)).toEqual([made.fileName]);
  });

  it('the copy holds exactly what the database held, row for row', () => {
    const app = appWithRecords();
    const made = app.services.backups.backupNow('manual');
    const copy = openDatabase({ path: join(app.backupDir, made.fileName), key: TEST_KEY, readonly: true });
    try {
      expect(dumpAll(copy)).toEqual(dumpAll(app.services.db));
    } finally {
      copy.close();
    }
  });
});
