import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { readKeyFile } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { tableCounts, tempDbPath } from '../support/temp-db';

async function thrive(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

function withDb<T>(dbPath: string, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase({ path: dbPath, key: readKeyFile(`${dbPath}.key`) });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function seeded() {
  const db = tempDbPath();
  expect((await thrive(['--db', db, 'init'])).code).toBe(0);
  expect((await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo'])).code).toBe(0);
  return db;
}

const TAKEN = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;

describe('thrive backup, backups, restore', () => {
  it('takes a checked backup, lists it and restores it, setting the database in use aside', async () => {
    const db = await seeded();
    const made = await thrive(['--db', db, 'backup']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const backupDir = join(dirname(db), 'backups');
    expect(made.out).toMatch(new RegExp(`^Backup taken ${TAKEN.source} and checked: ${backupDir}/thrive-backup-\\d{8}-\\d{6}\\.db \\(\\d+\\.\\d KB\\)\\.\\n$`));
    const fileName = /(thrive-backup-[\d-]+\.db)/.exec(made.out)![1]!;

    const listed = await thrive(['--db', db, 'backups']);
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toBe(`Backups in ${backupDir}`);
    expect(lines[1]).toMatch(new RegExp(`^Last backup: ${TAKEN.source}$`));
    expect(lines[3]).toMatch(/^Taken\s+Kind\s+Kept as\s+Size\s+File$/);
    expect(lines[4]).toMatch(new RegExp(`^${TAKEN.source}\\s+manual\\s+latest\\s+\\d+\\.\\d KB\\s+${fileName}$`));
    const json = JSON.parse((await thrive(['--db', db, 'backups', '--json'])).out);
    expect(json.backups.map((b: { fileName: string }) => b.fileName)).toEqual([fileName]);

    // A change after the backup, which the restore rolls back.
    const before = withDb(db, (d) => tableCounts(d));
    withDb(db, (d) => d.prepare("UPDATE young_people SET name = 'Renamed After Backup' WHERE rowid = 1").run());
    const restored = await thrive(['--db', db, 'restore', fileName]);
    expect(restored.code).toBe(0);
    const [first, second] = restored.out.split('\n');
    expect(first).toMatch(new RegExp(`^Restored the backup taken ${TAKEN.source} \\(${fileName}\\)\\.$`));
    const aside = /set aside as (.+) \(not deleted\)\.$/.exec(second!)![1]!;
    expect(aside).toMatch(new RegExp(`^${db}\\.set-aside-\\d{8}-\\d{6}$`));
    expect(existsSync(aside)).toBe(true);
    withDb(db, (d) => {
      expect(d.prepare("SELECT count(*) FROM young_people WHERE name = 'Renamed After Backup'").pluck().get()).toBe(0);
      // Same rows as at the backup, plus the restore's own audit entry.
      expect({ ...tableCounts(d), audit_log: tableCounts(d).audit_log! - 1 }).toEqual(before);
    });
    // The before-restore copy is listed beside the one restored.
    const kinds = JSON.parse((await thrive(['--db', db, 'backups', '--json'])).out).backups.map((b: { reason: string }) => b.reason);
    expect(kinds.sort()).toEqual(['before_restore', 'manual']);
  });

  it('takes a daily backup for a scheduled job with --reason daily', async () => {
    const db = await seeded();
    expect((await thrive(['--db', db, 'backup', '--reason', 'daily'])).code).toBe(0);
    const json = JSON.parse((await thrive(['--db', db, 'backups', '--json'])).out);
    expect(json.backups.map((b: { reason: string }) => b.reason)).toEqual(['daily']);
  });

  it('says when there is no backup yet', async () => {
    const db = await seeded();
    const r = await thrive(['--db', db, 'backups']);
    expect(r.out).toBe(`Backups in ${join(dirname(db), 'backups')}\nNo backup yet\n`);
  });

  it('refuses mistakes before opening anything', async () => {
    const db = tempDbPath();
    const traversal = await thrive(['--db', db, 'restore', '../thrive.db']);
    expect(traversal.code).toBe(1);
    expect(traversal.err).toMatch(/^thrive: \.\.\/thrive\.db is not a backup name: give a file name from thrive backups/);
    const reason = await thrive(['--db', db, 'backup', '--reason', 'weekly']);
    expect(reason.err).toMatch(/^thrive: --reason must be one of manual, daily, not "weekly"/);
    expect((await thrive(['--db', db, 'restore'])).err).toMatch(/^thrive: Say which backup to restore/);
    expect((await thrive(['--db', db, 'verify-audit', '--json'])).err).toMatch(/^thrive: --json is not an option of verify-audit/);
    expect(existsSync(db)).toBe(false);
  });

  it('says plainly which backup is not there', async () => {
    const db = await seeded();
    const r = await thrive(['--db', db, 'restore', 'thrive-backup-20200101-000000.db']);
    expect(r).toMatchObject({ code: 1, out: '', err: 'thrive: That backup is no longer in the backups folder. Choose one from the list.\n' });
    expect(readdirSync(dirname(db)).some((n) => n.includes('set-aside'))).toBe(false);
  });
});

describe('thrive restore over a database too damaged to open', () => {
  it('quarantines the damaged file (never deleted) and puts the chosen backup in its place', async () => {
    const db = await seeded();
    const fileName = /(thrive-backup-[\d-]+\.db)/.exec((await thrive(['--db', db, 'backup'])).out)![1]!;
    const bytes = readFileSync(db);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    writeFileSync(db, bytes);
    expect((await thrive(['--db', db, 'caseload'])).err).toMatch(/^thrive: The database file is damaged/);

    const r = await thrive(['--db', db, 'restore', fileName]);
    expect(r.code).toBe(0);
    const aside = /set aside as (.+) \(not deleted\)\.$/m.exec(r.out)![1]!;
    expect(aside).toMatch(new RegExp(`^${db}\\.corrupt-\\d{8}-\\d{6}$`));
    expect(readFileSync(aside).equals(bytes)).toBe(true);
    expect((await thrive(['--db', db, 'verify-audit'])).code).toBe(0);
    expect((await thrive(['--db', db, '--today', '2026-11-22', 'caseload'])).code).toBe(0);
  });

  it('moves nothing when the key is wrong (the backup does not open with it either)', async () => {
    const db = await seeded();
    const fileName = /(thrive-backup-[\d-]+\.db)/.exec((await thrive(['--db', db, 'backup'])).out)![1]!;
    const before = readdirSync(dirname(db)).sort();
    let err = '';
    const code = await runCli(['--db', db, 'restore', fileName], { out: () => undefined, err: (t) => (err += t), env: { THRIVE_DB_KEY: 'ab'.repeat(32) } });
    expect(code).toBe(1);
    expect(err).toMatch(/^thrive: That backup cannot be restored: the copy does not open with this database's key/m);
    expect(readdirSync(dirname(db)).sort()).toEqual(before);
  });
});

describe('thrive verify-audit', () => {
  it('reports an intact chain with its length', async () => {
    const db = await seeded();
    const entries = withDb(db, (d) => d.prepare('SELECT count(*) FROM audit_log').pluck().get() as number);
    expect(entries).toBeGreaterThan(10);
    // The chain first; the anchor and the records after it (tests/cli/cli-verify-audit.test.ts).
    expect(await thrive(['--db', db, 'verify-audit'])).toEqual({ code: 0, out: expect.stringMatching(`^Audit trail intact: ${entries} entries, chain verified\n`), err: '' });
  });

  it('finds an entry changed by a tool that dropped the append-only trigger', async () => {
    const db = await seeded();
    withDb(db, (d) => {
      d.exec('DROP TRIGGER audit_log_no_update');
      d.prepare("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 3").run();
    });
    expect(await thrive(['--db', db, 'verify-audit'])).toEqual({
      code: 1,
      out: expect.stringMatching(/^Audit trail broken at entry 3: it was changed after it was written\. That entry and every one after it cannot be trusted\.\n/),
      err: '',
    });
  });

  it('finds an entry removed from the middle', async () => {
    const db = await seeded();
    withDb(db, (d) => {
      d.exec('DROP TRIGGER audit_log_no_delete');
      d.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    });
    const r = await thrive(['--db', db, 'verify-audit']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('Audit trail broken at entry 6: it does not follow the entry before it. That entry and every one after it cannot be trusted.');
  });
});
