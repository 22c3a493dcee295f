/**
 * `thrive init` is the only command that makes a database; every other command on a path with no
 * database exits 1 with one `thrive: …` line and creates nothing — not the database, its -wal or -shm,
 * nor a key file. init refuses where a database is expected, and a folder that does not exist.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { readKeyFile } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { TEST_KEY, tempDbPath, tempDir } from '../support/temp-db';

async function thrive(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

const oneLine = /^thrive: [^\n]+\n$/;

describe('thrive init', () => {
  it('makes a new database and its key file (owner only), and says what to do next', async () => {
    const db = tempDbPath();
    const r = await thrive(['--db', db, 'init']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`Created a new, empty THRIVE Plans database at ${db}, with a new key in ${db}.key`);
    expect(r.out).toContain('call profile:setup');
    expect(statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    const conn = openDatabase({ path: db, key: readKeyFile(`${db}.key`) });
    expect(conn.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    conn.close();
    expect((await thrive(['--db', db, 'call', 'app:state'])).code).toBe(0);
  });

  it('uses THRIVE_DB_KEY when given, writing no key file', async () => {
    const db = tempDbPath();
    const r = await thrive(['--db', db, 'init'], { THRIVE_DB_KEY: TEST_KEY });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('encrypted with the key in THRIVE_DB_KEY');
    expect(readdirSync(dirname(db)).sort()).toEqual(['thrive.db']);
  });

  it('refuses a database that exists, an emptied one, and one beside the app keystore, changing nothing', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    const again = await thrive(['--db', db, 'init']);
    expect(again).toMatchObject({ code: 1, err: `thrive: ${db} already exists: init only makes a new database. Use it as it is.\n` });

    const empty = tempDbPath();
    writeFileSync(empty, '');
    expect(await thrive(['--db', empty, 'init'])).toMatchObject({ code: 1, err: expect.stringContaining('is empty (0 bytes)') });
    expect(statSync(empty).size).toBe(0);

    const appDir = tempDir();
    writeFileSync(join(appDir, 'thrive.keys'), '{}');
    const beside = await thrive(['--db', join(appDir, 'thrive.db'), 'init']);
    expect(beside).toMatchObject({ code: 1, err: expect.stringContaining("The app's keystore") });
    expect(readdirSync(appDir)).toEqual(['thrive.keys']);
  });

  it('refuses a path whose backups exist, naming the restore instead', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    expect((await thrive(['--db', db, 'backup'])).code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(db);
    const r = await thrive(['--db', db, 'init']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneLine);
    expect(r.err).toMatch(/restore the newest with `thrive --db .* restore thrive-backup-/);
    expect(r.err).toContain('move');
  });

  it('says in one line that the folder does not exist, rather than a raw ENOENT, and creates no folder', async () => {
    const parent = tempDir();
    const db = join(parent, 'no-such-folder', 'thrive.db');
    const r = await thrive(['--db', db, 'init']);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toBe(`thrive: The folder ${dirname(db)} does not exist. Create it first (for example mkdir -p ${dirname(db)}), then run init again.\n`);
    expect(readdirSync(parent)).toEqual([]);
    mkdirSync(dirname(db));
    expect((await thrive(['--db', db, 'init'])).code).toBe(0);
  });
});

describe('every other command on a path with no database', () => {
  const commands: string[][] = [
    ['caseload'],
    ['seed-demo'],
    ['call', 'app:state'],
    ['call', 'settings:update', '{"dueSoonDays": 10}'],
    ['backup'],
    ['backup', '--reason', 'daily'],
    ['backups'],
    ['verify-audit'],
    ['export', 'csv', '--file', 'cases', '--out', 'x.csv'],
  ];

  it.each(commands)('thrive %s exits 1 with one line and creates no file', async (...argv: string[]) => {
    const dir = tempDir();
    const db = join(dir, 'thrive.db');
    const r = await thrive(['--db', db, ...argv.map((a) => (a === 'x.csv' ? join(dir, a) : a))]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`thrive: There is no database at ${db}. To start a new one, run \`thrive --db ${db} init\`. Nothing was created.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the missing folder in one line, not a raw ENOENT', async () => {
    const parent = tempDir();
    const db = join(parent, 'typo', 'thrive.db');
    const r = await thrive(['--db', db, 'seed-demo']);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toBe(`thrive: The folder ${dirname(db)} does not exist, so there is no database ${db}. Check the path; nothing was created.\n`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('says a database was expected when only its key file is left', async () => {
    const dir = tempDir();
    const db = join(dir, 'thrive.db');
    writeFileSync(`${db}.key`, `${TEST_KEY}\n`, { mode: 0o600 });
    const r = await thrive(['--db', db, 'caseload']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(oneLine);
    expect(r.err).toContain(`${db} is missing but its key file ${db}.key is there, so a database was expected`);
    expect(readdirSync(dir)).toEqual(['thrive.db.key']);
  });
});
