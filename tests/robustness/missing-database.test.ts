/**
 * A database deleted or emptied beside its backups, then 35 nightly `thrive backup --reason daily`
 * runs (and a `thrive backups` before each), as a scheduled job would. Every run must be refused with
 * what to do, no file may be created in the database's place (not even a -wal, -shm or key file), and
 * no backup may be rotated out; the restore it names must then bring the caseload back. Before the
 * missing database was refused, each run exited 0 over a new empty database, and the backups holding
 * the caseload were rotated out by the empty ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { tempDbPath } from '../support/temp-db';

const ROOT = resolve(__dirname, '../..');
const NIGHTS = 35;

async function thrive(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

/** Everything in the database's folder and its backups folder, to compare before and after. */
function filesBeside(db: string): string[] {
  const dir = dirname(db);
  const backups = join(dir, 'backups');
  return [...readdirSync(dir), ...(existsSync(backups) ? readdirSync(backups).map((f) => `backups/${f}`) : [])].sort();
}

async function seededWithABackup(): Promise<{ db: string; backup: string }> {
  const db = tempDbPath();
  expect((await thrive(['--db', db, 'init'])).code).toBe(0);
  expect((await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo'])).code).toBe(0);
  const made = await thrive(['--db', db, 'backup']);
  expect(made.code, made.err).toBe(0);
  const backup = readdirSync(join(dirname(db), 'backups')).find((f) => f.startsWith('thrive-backup-'))!;
  return { db, backup };
}

async function nightsRefused(db: string, backup: string): Promise<void> {
  const before = filesBeside(db);
  for (let night = 1; night <= NIGHTS; night++) {
    for (const argv of [['backups'], ['backup', '--reason', 'daily']]) {
      const r = await thrive(['--db', db, ...argv]);
      expect(r.code, `night ${night}: thrive ${argv.join(' ')}`).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^thrive: .*thrive\.db is (missing|empty \(0 bytes\)) but backups exist in .*backups: restore the newest with `thrive --db .* restore thrive-backup-\d{8}-\d{6}\.db`.*\n$/);
      expect(r.err).toContain(backup);
      expect(r.err.split('\n')).toHaveLength(2);
    }
  }
  expect(filesBeside(db)).toEqual(before);
}

describe('a missing or emptied database beside its backups', () => {
  it('is refused by every nightly run: no new file, no backup rotated out, and the restore it names brings the caseload back', async () => {
    const { db, backup } = await seededWithABackup();
    rmSync(db);
    await nightsRefused(db, backup);
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(`${db}${suffix}`), `${db}${suffix}`).toBe(false);

    const restored = await thrive(['--db', db, 'restore', backup]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('There was no database file to set aside.');
    const caseload = await thrive(['--db', db, '--today', '2026-11-22', 'caseload']);
    expect(caseload.out.split('\n')[0]).toBe('Caseload of Dr Morgan Ellis (Demo CAMHS Team (fictional)) on 22/11/2026: 10 open cases');
  });

  it('is refused the same way when the file was emptied to 0 bytes, which is left as it was', async () => {
    const { db, backup } = await seededWithABackup();
    truncateSync(db, 0);
    await nightsRefused(db, backup);
    expect(statSync(db).size).toBe(0);
  });

  it('is refused by the bundled CLI in a real process, with exit status 1 and one line', () => {
    const db = tempDbPath();
    const bin = join(ROOT, 'bin', 'thrive.cjs');
    const run = spawnSync(process.execPath, [bin, '--db', db, 'backups'], { encoding: 'utf8', env: { ...process.env, THRIVE_DB_KEY: '' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`thrive: There is no database at ${db}. To start a new one, run \`thrive --db ${db} init\`. Nothing was created.\n`);
    expect(readdirSync(dirname(db))).toEqual([]);
  });
});
