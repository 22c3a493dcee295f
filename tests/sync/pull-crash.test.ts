/**
 * Killed while applying a pull: a separate process applies pulled batches in a loop and is killed with
 * SIGKILL at random moments. After every kill the file opens, and the cursor, each case's version, its
 * rows and its `sync.receive` entries all say the same round: every acknowledged batch whole, no batch
 * in part, none applied twice, and verify-audit holds.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { seededRandom } from '../../main/features/demo/prng';
import { verifyAudit } from '../../main/db/verify-audit';
import { readCaseDocument } from '../../main/sync/case-document';
import { applyDirectory, getSyncState } from '../../main/sync/store';
import { bundleLikeMain } from '../support/node-bundle';
import { TEST_KEY, tempDir } from '../support/temp-db';
import { seedClosure } from '../support/app-api/seed';
import { makeTeam, startDevice, writeStory } from './devices';
import type { CrashPlan } from './pull-crash-writer';

const ROOT = resolve(__dirname, '../..');
const ROUNDS = 10;

function runAndKill(writer: string, dbPath: string, planFile: string, delayMs: number): Promise<{ acked: number[]; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, dbPath, TEST_KEY, planFile], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const round = /^ack (\d+)$/.exec(line)?.[1];
        if (round) acked.push(Number(round));
      }
      if (acked.length > 0 && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', () => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      done({ acked, stderr });
    });
  });
}

describe('a device killed while applying a pull', () => {
  it(`holds every acknowledged batch whole and none in part, ${ROUNDS} kills in a row`, async () => {
    const dir = tempDir();
    const writer = join(dir, 'pull-crash-writer.cjs');
    await bundleLikeMain({ entryPoints: [join(ROOT, 'tests', 'sync', 'pull-crash-writer.ts')], outfile: writer });

    // Ana's cases, each as it is before and after its ending: rounds alternate between the two.
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const pairs: CrashPlan['pairs'] = [];
    for (let i = 1; i <= 6; i++) {
      const caseId = writeStory(a, { caseRef: `RIO-${1000 + i}`, name: `Young person ${i}`, nhsNumber: null });
      const before = readCaseDocument(a.db(), caseId);
      seedClosure(a.world, caseId, { endingDate: '2027-01-05' });
      pairs.push([before, readCaseDocument(a.db(), caseId)]);
    }
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify({ teamId: team.id, authorId: people.ana.id, authorName: people.ana.name, pairs } satisfies CrashPlan));

    const dbPath = join(dir, 'lead.db');
    const lead = openDatabase({ path: dbPath, key: TEST_KEY, create: true });
    applyDirectory(lead, a.clock, me(people.lee));
    lead.close();

    const random = seededRandom(20_270_111);
    let lastAcked = 0;
    for (let kill = 0; kill < ROUNDS; kill++) {
      const { acked, stderr } = await runAndKill(writer, dbPath, planFile, Math.floor(random() * 60));
      expect(acked.length, stderr).toBeGreaterThan(0);
      lastAcked = Math.max(lastAcked, ...acked);

      const db = openDatabase({ path: dbPath, key: TEST_KEY });
      try {
        const round = Number(getSyncState(db, 'cursor')!.slice(1));
        // Every acknowledged batch is there; at most the one being applied when killed went in too (committed, not yet acknowledged).
        expect(round === lastAcked || round === lastAcked + 1).toBe(true);
        lastAcked = round;
        for (const [odd, even] of pairs) {
          expect(db.prepare('SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(odd.caseId)).toBe(round);
          expect(readCaseDocument(db, odd.caseId)).toEqual(round % 2 === 1 ? odd : even);
          const received = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.receive' AND case_id = ?").pluck().get(odd.caseId);
          expect(received).toBe(round);
        }
        expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
        expect(verifyAudit(db)).toMatchObject({ ok: true, records: [] });
      } finally {
        db.close();
      }
    }
  }, 240_000);
});
