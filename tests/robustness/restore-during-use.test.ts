/**
 * A restore while another process has the database open (docs/clinical-safety/hazard-log.md H33). A
 * writer process holds the database as the app does after unlock and records a review every 10 ms.
 * Meanwhile either `thrive restore` runs (it must refuse: the writer holds the database), or the file
 * is replaced underneath the writer by a program that does not ask (the writer's next save must be
 * refused with 'database_replaced'). Either way, every review the writer was told was saved must be in
 * the database at the path: none may be only in a set-aside file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveDatabaseFiles } from '../../main/backup/files';
import { readKeyFile } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { sqlString } from '../../main/db/sql';
import { tempDir } from '../support/temp-db';
import { spawnThrive as thrive } from '../support/cli-bundle';
import { buildWriter, prepareDatabase } from '../support/writer-process';

const ROOT = resolve(__dirname, '../..');
const TODAY = '2026-11-22';
const NAMES = ['Wilhelmina Restorewood', 'Barnaby Setaside'];

interface Writer {
  child: ChildProcess;
  acked: string[];
  stderr: () => string;
  closed: Promise<number | null>;
}

/** The writer (tests/support/crash-writer.ts) saving a review every 10 ms; "ack" lines only after commit. */
function startWriter(writer: string, dbPath: string): Writer {
  const child = spawn(process.execPath, [writer, dbPath, `${dbPath}.key`, TODAY, '10'], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const id = /^ack (\S+)$/.exec(line)?.[1];
      if (id) acked.push(id);
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, acked, stderr: () => stderr, closed };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

function reviewIdsAt(dbPath: string): Set<string> {
  const db = openDatabase({ path: dbPath, key: readKeyFile(`${dbPath}.key`), readonly: true });
  try {
    return new Set(db.prepare('SELECT id FROM reviews').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

async function seededWithBackup(): Promise<{ dbPath: string; writer: string; backup: string }> {
  const dir = tempDir();
  const dbPath = join(dir, 'thrive.db');
  const writer = await buildWriter(dir);
  prepareDatabase(dbPath, NAMES, TODAY);
  const made = await thrive(['--db', dbPath, 'backup']);
  expect(made.code, made.err).toBe(0);
  return { dbPath, writer, backup: /(thrive-backup-[\d-]+\.db)/.exec(made.out)![1]! };
}

describe('restore while another process holds the database', () => {
  it('thrive restore is refused while a writer holds the database, and no save is lost', { timeout: 60_000 }, async () => {
    const { dbPath, writer: writerFile, backup } = await seededWithBackup();
    const writer = startWriter(writerFile, dbPath);
    await until(() => writer.acked.length >= 20, 15_000);
    expect(writer.acked.length, writer.stderr()).toBeGreaterThanOrEqual(20);

    const restore = await thrive(['--db', dbPath, 'restore', backup]);
    const ackedBy = writer.acked.length;
    await until(() => writer.acked.length >= ackedBy + 50 || writer.child.exitCode !== null, 10_000);
    writer.child.kill('SIGTERM');
    await writer.closed;

    const live = reviewIdsAt(dbPath);
    const after = writer.acked.slice(ackedBy);
    const lostAfter = after.filter((id) => !live.has(id));
    console.info(`restore during use: restore exit ${restore.code}; ${lostAfter.length} of ${after.length} reviews acknowledged after the restore are not in the live database`);

    expect(restore.code).not.toBe(0);
    // One line saying why ("slow call" timings aside, which the CLI logs on a busy machine).
    const said = restore.err.split('\n').filter((line) => line !== '' && !line.startsWith('thrive: slow call'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^thrive: The database is open in another THRIVE Plans program/);
    expect(after.length, writer.stderr()).toBeGreaterThan(0);
    expect(writer.acked.filter((id) => !live.has(id))).toEqual([]);
  });

  it('a writer whose file is replaced underneath it refuses its next save, and nothing acknowledged is lost', { timeout: 60_000 }, async () => {
    const { dbPath, writer: writerFile } = await seededWithBackup();
    const writer = startWriter(writerFile, dbPath);
    await until(() => writer.acked.length >= 20, 15_000);
    expect(writer.acked.length, writer.stderr()).toBeGreaterThanOrEqual(20);

    // A program that does not ask who has the file open: it holds the write lock of the file in use
    // (so no save commits meanwhile), copies it, sets it aside and puts the copy in its place.
    const key = readKeyFile(`${dbPath}.key`);
    const holder = openDatabase({ path: dbPath, key });
    holder.exec('BEGIN IMMEDIATE');
    const reader = openDatabase({ path: dbPath, key, readonly: true });
    const copy = `${dbPath}.copy`;
    reader.exec(`VACUUM INTO ${sqlString(copy)}`);
    reader.close();
    moveDatabaseFiles(dbPath, `${dbPath}.set-aside-by-hand`);
    renameSync(copy, dbPath);
    holder.exec('COMMIT');
    holder.close();

    // Acknowledgements still in the pipe were committed before the swap; give the writer time for 50 more.
    const ackedBy = writer.acked.length;
    await until(() => writer.child.exitCode !== null || writer.acked.length >= ackedBy + 50, 10_000);
    writer.child.kill('SIGTERM');
    await writer.closed;

    const live = reviewIdsAt(dbPath);
    const lost = writer.acked.filter((id) => !live.has(id));
    const refused = /^refused (.*)$/m.exec(writer.stderr())?.[1];
    console.info(`file replaced during use: ${lost.length} of ${writer.acked.length} acknowledged reviews are not in the live database; writer ${refused ? `refused: ${refused}` : 'never refused'}`);

    expect(refused).toMatch(/^\{"code":"database_replaced","message":"The database was replaced by another program/);
    expect(lost).toEqual([]);
  });
});
