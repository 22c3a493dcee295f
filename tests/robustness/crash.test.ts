/**
 * The crash test of docs/quality.md#reliability: a separate process records reviews in a loop and
 * is killed with SIGKILL at random moments, again and again. After every kill the database must open,
 * pass quick_check, and hold every review the writer had acknowledged — complete, with its goal ratings,
 * criteria progress, Current View and audit entry. No review may be half there, and the WAL left
 * behind by the dead process must hold no plaintext.
 */
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyFile } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { verifyAuditChain } from '../../main/db/repos/audit';
import { seededRandom } from '../../main/features/demo/prng';
import type { Db } from '../../main/db/sql';
import { tempDir } from '../support/temp-db';
import { buildWriter, prepareDatabase } from '../support/writer-process';

const ROOT = resolve(__dirname, '../..');
const TODAY = '2026-11-22';
const ROUNDS = 30;
const SEED = Number(process.env.THRIVE_CRASH_SEED ?? 20_261_122);
const NAMES = ['Zebedee Quillfeather', 'Ottoline Vantablack', 'Peregrine Drummondsworth', 'Marigold Featherstonehaugh'];

interface Round {
  acked: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Starts the writer, waits for its first acknowledgement, then kills it `delayMs` later. */
function runAndKill(writer: string, dbPath: string, delayMs: number): Promise<Round> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, dbPath, `${dbPath}.key`, TODAY], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // Never wait for ever: a writer that acknowledges nothing within 10 s is a failure, not a hang.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      // A line cut short by the kill is not an acknowledgement.
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const id = /^ack (\S+)$/.exec(line)?.[1];
        if (id) acked.push(id);
      }
      if (acked.length > 0 && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      done({ acked, signal, code, stderr });
    });
  });
}

/** Every review in the database, with what a complete review has: used for acknowledged and unacknowledged alike. */
function reviewsIn(db: Db) {
  const count = (sql: string) => new Map((db.prepare(sql).raw().all() as Array<[string, number]>).map(([id, n]) => [id, n]));
  return {
    ids: new Set(db.prepare('SELECT id FROM reviews').pluck().all() as string[]),
    ratings: count('SELECT review_id, count(*) FROM goal_ratings WHERE review_id IS NOT NULL GROUP BY review_id'),
    progress: count('SELECT review_id, count(*) FROM review_criterion_progress GROUP BY review_id'),
    views: count("SELECT review_id, count(*) FROM current_views WHERE context = 'review' GROUP BY review_id"),
    audited: count("SELECT entity_id, count(*) FROM audit_log WHERE action = 'review.record' GROUP BY entity_id"),
  };
}

function assertPlaintextFree(dbPath: string, round: number): void {
  for (const file of [dbPath, `${dbPath}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const name of NAMES) expect(bytes.includes(Buffer.from(name)), `round ${round}: ${name} in ${file}`).toBe(false);
    expect(bytes.includes(Buffer.from('Crash-test review')), `round ${round}: review notes in ${file}`).toBe(false);
  }
}

describe('crash safety: a writer killed with SIGKILL at random moments', () => {
  it(`keeps every acknowledged review, whole, over ${ROUNDS} kills`, { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'thrive.db');
    const writer = await buildWriter(dir);
    prepareDatabase(dbPath, NAMES, TODAY);
    const key = readKeyFile(`${dbPath}.key`);
    const random = seededRandom(SEED);
    const acknowledged: string[] = [];
    let unacknowledged = 0;
    let killedMidWrite = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const delayMs = 20 + Math.floor(random() * 281);
      const run = await runAndKill(writer, dbPath, delayMs);
      const where = `seed ${SEED}, round ${round}, killed ${delayMs} ms after the first ack`;
      expect(run.signal, `${where}: the writer stopped by itself\n${run.stderr}`).toBe('SIGKILL');
      expect(run.acked.length, `${where}: nothing was acknowledged\n${run.stderr}`).toBeGreaterThan(0);
      acknowledged.push(...run.acked);
      assertPlaintextFree(dbPath, round);

      const db = openDatabase({ path: dbPath, key });
      try {
        expect(db.pragma('quick_check', { simple: true }), where).toBe('ok');
        expect(db.pragma('foreign_key_check'), where).toEqual([]);
        const found = reviewsIn(db);
        const missing = acknowledged.filter((id) => !found.ids.has(id));
        expect(missing, `${where}: acknowledged reviews lost`).toEqual([]);
        // Every review there is complete, acknowledged or not: the transaction is all or nothing.
        // Each case has 2 goals, 2 ending criteria, one Current View and one audit entry per review.
        const incomplete = [...found.ids].filter(
          (id) => found.ratings.get(id) !== 2 || found.progress.get(id) !== 2 || found.views.get(id) !== 1 || found.audited.get(id) !== 1,
        );
        expect(incomplete, `${where}: reviews only partly written`).toEqual([]);
        if (found.ids.size - acknowledged.length > unacknowledged) killedMidWrite++;
        unacknowledged = found.ids.size - acknowledged.length;
        expect(verifyAuditChain(db), where).toMatchObject({ ok: true });
      } finally {
        db.close();
      }
    }
    // Reported, not asserted: whether a kill landed between a commit and its acknowledgement is chance.
    console.info(`crash test: ${ROUNDS} kills, ${acknowledged.length} acknowledged reviews, ${killedMidWrite} rounds with a committed but unacknowledged review`);
  });
});
