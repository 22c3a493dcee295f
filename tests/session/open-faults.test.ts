/**
 * Which is it — the wrong key, another installation's keystore, or a damaged file? SQLite gives the
 * same SQLITE_NOTADB for all three; the backups (encrypted with the same data key) tell them apart
 * (main/db/unreadable.ts). Before, a keystore copied from another installation was reported as a
 * damaged database (and damage is what starts a quarantine), and the CLI called a damaged file a
 * wrong key. Damage proved by a backup is still quarantined and restored.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LockSetupResult } from '../../shared/ipc/security-types';
import { runCli } from '../../main/cli';
import { DatabaseOpenError } from '../../main/db/errors';
import { tempDbPath } from '../support/temp-db';
import { PASSPHRASE, setupArgs, startSession } from '../support/test-session';

const PROFILE = { name: 'Dr Philippa Wrenfield', role: 'clinician', teamName: 'CAMHS North' };

/** An installation with a profile and one backup, closed (as after quitting). */
function installation(): ReturnType<typeof startSession> {
  const t = startSession(null);
  t.ok<LockSetupResult>('lock:setup', setupArgs);
  t.ok('profile:setup', PROFILE);
  t.ok('backup:create', {});
  t.session.close();
  return t;
}

function quarantined(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.corrupt-') && !/(-wal|-shm|\.audit-anchor)$/.test(f));
}

async function thrive(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

describe('a keystore copied from another installation', () => {
  it('is named as such at unlock, and the healthy database is neither quarantined nor changed', () => {
    const here = installation();
    const other = installation();
    copyFileSync(other.keystorePath, here.keystorePath);
    const before = readFileSync(here.dbPath);

    const failures: Error[] = [];
    const t = startSession(null, { dir: here.dir, onOpenFailure: (e) => failures.push(e) });
    const result = t.call('lock:unlock', { passphrase: PASSPHRASE });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain(`The keystore ${here.keystorePath} does not belong to this database`);
    expect(message).toContain('copied from another installation');
    expect(message).not.toMatch(/damaged/);
    expect((failures[0] as DatabaseOpenError | undefined)?.reason).toBe('foreign_keystore');
    expect(quarantined(here.dir)).toEqual([]);
    expect(readFileSync(here.dbPath).equals(before)).toBe(true);
  });
});

describe('a damaged database', () => {
  it('is still quarantined and replaced by its newest good backup at unlock', () => {
    const here = installation();
    const bytes = readFileSync(here.dbPath);
    bytes.fill(0x5a, 0, 4096); // the first page: SQLITE_NOTADB, as a wrong key gives
    writeFileSync(here.dbPath, bytes);
    rmSync(`${here.dbPath}-wal`, { force: true });

    const t = startSession(null, { dir: here.dir });
    const status = t.ok<{ state: string; recoveryNotice: string | null }>('lock:unlock', { passphrase: PASSPHRASE });
    expect(status.state).toBe('unlocked');
    expect(status.recoveryNotice).toMatch(/found its database damaged and set it aside/);
    expect(quarantined(here.dir)).toHaveLength(1);
  });
});

describe('the command line, told a wrong key from a damaged file', () => {
  async function withBackup(): Promise<string> {
    const db = tempDbPath();
    expect((await thrive(['--db', db, 'init'])).code).toBe(0);
    expect((await thrive(['--db', db, 'backup'])).code).toBe(0);
    return db;
  }

  it('says the key is wrong when it opens neither the database nor any backup', async () => {
    const db = await withBackup();
    const r = await thrive(['--db', db, 'caseload'], { THRIVE_DB_KEY: 'b'.repeat(64) });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`thrive: The database key is wrong: it opens neither ${db} nor any of its 1 backups. Check --key-file or THRIVE_DB_KEY. Nothing was changed.\n`);
  });

  it('says the file is damaged, and which restore to run, when its key opens a backup', async () => {
    const db = await withBackup();
    const bytes = readFileSync(db);
    bytes.fill(0x5a, 0, 4096);
    writeFileSync(db, bytes);
    const r = await thrive(['--db', db, 'caseload']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^thrive: The database ${db} is damaged: it no longer opens with its key, but its backup thrive-backup-\\d{8}-\\d{6}\\.db does\\. Restore it with \`thrive --db ${db} restore thrive-backup-`));
    expect(r.err).not.toMatch(/key is wrong/);
    expect(existsSync(db)).toBe(true);
  });
});

describe('a database missing beside its keystore, with no backup to restore', () => {
  it('is refused at unlock with what to do, and no new database is made', () => {
    const here = installation();
    for (const suffix of ['', '-wal', '-shm', '.audit-anchor']) rmSync(`${here.dbPath}${suffix}`, { force: true });
    rmSync(join(here.dir, 'backups'), { recursive: true, force: true });

    const failures: Error[] = [];
    const t = startSession(null, { dir: here.dir, onOpenFailure: (e) => failures.push(e) });
    expect(t.ok<{ state: string }>('lock:status').state).toBe('locked');
    const result = t.call('lock:unlock', { passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining(`${here.dbPath} is missing but its keystore ${here.keystorePath} is there`) } });
    expect((failures[0] as DatabaseOpenError | undefined)?.reason).toBe('database_missing');
    expect(readdirSync(here.dir).sort()).toEqual(['thrive.keys']);
  });
});
