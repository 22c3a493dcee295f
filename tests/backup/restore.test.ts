import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/backup/restore';
import { listCaseAudit, verifyAuditChain } from '../../main/db/repos/audit';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/sql';
import { TEST_KEY } from '../support/temp-db';
import { openCaseArgs } from '../support/test-app';
import { appWithRecords, dumpAll } from '../support/backup-records';

describe('restoring a backup', () => {
  it('puts back exactly what the backup held, row for row, and sets the database in use aside', () => {
    const app = appWithRecords();
    const made = app.services.backups.backupNow('manual');
    const original = dumpAll(app.services.db);
    // Later work that the restore rolls back.
    app.clock.set('2026-11-23');
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-4004', name: 'Later Person', nhsNumber: null }));
    const later = dumpAll(app.services.db);

    const old = app.services.db;
    let current: Db = old;
    const result = restoreBackup({
      db: current,
      dbPath: app.dbPath,
      key: TEST_KEY,
      dir: app.backupDir,
      clock: app.clock,
      fileName: made.fileName,
      replaceDb: (next) => (current = next),
    });
    expect(old.open).toBe(false);
    expect(current).not.toBe(old);
    expect(dumpAll(current)).toEqual(original);
    expect(result.restoredFrom).toMatchObject({ fileName: made.fileName, takenAt: made.takenAt, reason: 'manual' });
    expect(result.setAsideAs).toBe(`${app.dbPath}.set-aside-20261123-120000`);
    // The database in use before is intact beside it, and still opens with the key.
    const aside = openDatabase({ path: result.setAsideAs, key: TEST_KEY, readonly: true });
    try {
      expect(dumpAll(aside)).toEqual(later);
    } finally {
      aside.close();
    }
    // A backup of it was taken first, and the restored backup is still in the list.
    const list = listNames(app.backupDir);
    expect(list).toContain(made.fileName);
    expect(app.services.backups.list().backups.find((b) => b.reason === 'before_restore')).toBeDefined();
    current.close();
  });

  it('works through the channel: later calls read the restored database and the history records the restore', () => {
    const app = appWithRecords();
    const made = app.ok('backup:create', {});
    app.clock.set('2026-11-23');
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-4004', name: 'Later Person', nhsNumber: null }));
    expect(app.ok('cases:list', { status: 'open' }).map((c) => c.caseRef)).toContain('RIO-4004');

    const result = app.ok('backup:restore', { fileName: made.fileName });
    expect(result.setAsideAs).toBe(`${app.dbPath}.set-aside-20261123-120000`);
    expect(app.ok('cases:list', { status: 'open' }).map((c) => c.caseRef).sort()).toEqual(['RIO-1001', 'RIO-2002']);
    const restoreEntry = app.services.db.prepare("SELECT actor_id, entity_id FROM audit_log WHERE action = 'backup.restore'").get();
    expect(restoreEntry).toEqual({ actor_id: app.profile.id, entity_id: made.fileName });
    expect(verifyAuditChain(app.services.db).ok).toBe(true);
    expect(listCaseAudit(app.services.db, app.caseId).length).toBeGreaterThan(0);
    // Writing after the restore goes into the restored database, and it is the one on disk.
    app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-5005', name: 'After Restore', nhsNumber: null }));
    expect(app.services.db.name).toBe(app.dbPath);
  });

  it('refuses a backup that is not in the folder, or not a backup name, and changes nothing', () => {
    const app = appWithRecords();
    app.ok('backup:create', {});
    const before = dumpAll(app.services.db);
    expect(app.call('backup:restore', { fileName: 'thrive-backup-20200101-000000.db' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That backup is no longer in the backups folder. Choose one from the list.' },
    });
    const traversal = app.call('backup:restore', { fileName: '../thrive.db' });
    expect(traversal.ok || traversal.error.code).toBe('validation');
    expect(dumpAll(app.services.db)).toEqual(before);
    expect(readdirSync(dirname(app.dbPath)).filter((n) => n.includes('set-aside'))).toEqual([]);
  });

  it('refuses a damaged backup before anything is set aside', () => {
    const app = appWithRecords();
    const made = app.ok('backup:create', {});
    const path = join(app.backupDir, made.fileName);
    // Two record tables' first pages overwritten (as a failing disk would): where they lie is read from
    // the copy itself, so the damage never lands on the schema whatever the migrations have added.
    const copy = openDatabase({ path, key: TEST_KEY, readonly: true });
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    const roots = copy.prepare("SELECT rootpage FROM sqlite_master WHERE name IN ('audit_log', 'goal_ratings')").pluck().all() as number[];
    copy.close();
    const bytes = readFileSync(path);
    for (const root of roots) bytes.fill(0x41, (root - 1) * pageSize, root * pageSize);
    writeFileSync(path, bytes);
    const result = app.call('backup:restore', { fileName: made.fileName });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^That backup cannot be restored: the copy is damaged \(SQLite's quick_check found \d+ problems, the first: Tree \d+ page \d+: unable to get the page\. error code=11\)\. Nothing was changed\.$/);
    expect(existsSync(`${app.dbPath}.restoring`)).toBe(false);
    expect(readdirSync(dirname(app.dbPath)).filter((n) => n.includes('set-aside'))).toEqual([]);
    expect(app.ok('cases:list', { status: 'open' })).toHaveLength(2);
  });
});

function listNames(dir: string): string[] {
  return readdirSync(dir).filter((n) => basename(n).startsWith('thrive-backup-'));
}
