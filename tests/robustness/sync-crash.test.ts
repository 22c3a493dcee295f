/**
 * Acceptance (docs/quality.md#reliability, team mode): a device killed with SIGKILL while pushing and
 * while applying a pull, again and again. The device is a separate process running the app's services
 * and the real sync engine (tests/robustness/sync-crash-device.ts) against the real team server, real
 * PostgreSQL and the real local identity provider. Alex's device records Current Views and pushes; Lee's
 * (the team lead's) pulls them in small batches. After the kills both devices restart and sync to the
 * end, and then: every save Alex's handler acknowledged is on the server exactly once; the change log
 * holds each version once under its own key; each device's case documents are the server's latest,
 * with nothing pending or in conflict and no version received twice; verify-audit holds on both devices
 * and the server's chain verifies.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { verifyAudit } from '../../main/db/verify-audit';
import { seededRandom } from '../../main/features/demo/prng';
import { readCaseDocument } from '../../main/sync/case-document';
import { verifyChains } from '../../server/db/verify-chain';
import type { CaseDocument } from '../../shared/sync/protocol';
import { bundleLikeMain } from '../support/node-bundle';
import { TEST_KEY, tempDir } from '../support/temp-db';
import { startTeamWorld, type TeamWorld } from '../support/team/sync-world';

const ROOT = resolve(__dirname, '../..');
/** Kills of each kind: 15 while pushing and 15 while pulling make the 30 of the acceptance. */
const ROUNDS = 15;
const SEED = Number(process.env.THRIVE_CRASH_SEED ?? 20_261_207);

interface Run {
  lines: string[];
  code: number | null;
  stderr: string;
}

/** When to kill: `delayMs` after the `nth` line starting `after` (or `fallbackMs` after "ready" if that never comes). */
interface Kill {
  after: string;
  nth: number;
  delayMs: number;
  fallbackMs: number;
}

/** Runs the device process until it ends or is killed as `kill` says. */
function runDevice(device: string, args: string[], kill?: Kill): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [device, ...args], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let fallback: NodeJS.Timeout | undefined;
    // Never wait for ever: a device that does not finish within 30 s is a failure, not a hang.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      // A line cut short by the kill is not an acknowledgement.
      pending = parts.pop() ?? '';
      lines.push(...parts);
      if (!kill) return;
      if (fallback === undefined && lines.includes('ready')) fallback = setTimeout(() => child.kill('SIGKILL'), kill.fallbackMs);
      if (timer === undefined && lines.filter((l) => l.startsWith(kill.after)).length >= kill.nth) timer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      for (const t of [watchdog, timer, fallback]) clearTimeout(t);
      done({ lines, code, stderr });
    });
  });
}

let world: TeamWorld;
let device: string;
beforeAll(async () => {
  device = join(tempDir(), 'sync-crash-device.cjs');
  [world] = await Promise.all([
    startTeamWorld(),
    bundleLikeMain({ entryPoints: [join(ROOT, 'tests', 'robustness', 'sync-crash-device.ts')], outfile: device }),
  ]);
}, 90_000);
afterAll(async () => {
  await world?.close();
});

async function serverState() {
  return world.server.admin(async (c) => ({
    cases: (await c.query<{ id: string; version: number; document: CaseDocument }>('SELECT id, version, document FROM cases')).rows,
    log: (await c.query<{ case_id: string; version: number; idempotency_key: string }>('SELECT case_id, version, idempotency_key FROM change_log ORDER BY seq')).rows,
    chains: await verifyChains(c),
  }));
}

/**
 * Right after a kill while pulling: every version the device holds is whole, exactly the server's
 * document of that version, and received once (a batch is applied entirely or not at all). The
 * trail is verified once at the end (expectDeviceMatches), as verifying it costs more than a round.
 */
async function expectWholeVersions(path: string): Promise<void> {
  const versions = await world.server.admin(async (c) =>
    (await c.query<{ case_id: string; version: number; document: CaseDocument }>('SELECT case_id, version, document FROM change_log')).rows,
  );
  const db = openDatabase({ path, key: TEST_KEY });
  try {
    const held = db.prepare('SELECT case_id, server_version FROM sync_cases').all() as Array<{ case_id: string; server_version: number }>;
    for (const h of held) expect(readCaseDocument(db, h.case_id)).toEqual(versions.find((v) => v.case_id === h.case_id && v.version === h.server_version)!.document);
    // One sync.receive entry per version received: none for a batch rolled back, none twice for a batch pulled again.
    const received = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.receive'").pluck().get() as number;
    expect(received).toBe(held.reduce((n, h) => n + h.server_version, 0));
  } finally {
    db.close();
  }
}

/** A device file as it is after the restart: its documents the server's, nothing left over, its trail whole. */
function expectDeviceMatches(path: string, server: Awaited<ReturnType<typeof serverState>>): void {
  const db = openDatabase({ path, key: TEST_KEY });
  try {
    for (const c of server.cases) {
      expect(readCaseDocument(db, c.id)).toEqual(c.document);
      expect(db.prepare('SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(c.id)).toBe(c.version);
    }
    for (const table of ['sync_outbox', 'sync_push_attempts', 'sync_conflicts']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    const receivedTwice = db
      .prepare("SELECT count(*) FROM (SELECT 1 FROM audit_log WHERE action = 'sync.receive' GROUP BY case_id, json_extract(after, '$.version') HAVING count(*) > 1)")
      .pluck()
      .get();
    expect(receivedTwice).toBe(0);
    expect(verifyAudit(db)).toMatchObject({ ok: true, records: [] });
  } finally {
    db.close();
  }
}

describe('devices killed while syncing', () => {
  it(`lose nothing and apply nothing twice, ${ROUNDS} kills while pushing and ${ROUNDS} while pulling`, async () => {
    const alex = await world.device('alex');
    await alex.join();
    const lee = await world.device('lee');
    await lee.join();
    // The app's processes from here on: the files stay, each still reaching the server through its own network.
    const alexPath = alex.db().name;
    const leePath = lee.db().name;
    alex.services.close();
    lee.services.close();

    const random = seededRandom(SEED);
    const ackedCases: string[] = [];
    let killedApplying = 0;
    const ackedViews: Array<{ caseId: string; id: string }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      // From the second case on: each round has pushed at least one case, so Lee has something to pull.
      const push = { after: 'ack case', nth: 2, delayMs: Math.floor(random() * 300), fallbackMs: 8_000 };
      const pushed = await runDevice(device, [alexPath, TEST_KEY, 'push', world.people.alex], push);
      expect(pushed.code, pushed.stderr).toBeNull();
      for (const line of pushed.lines) {
        const [word, what, caseId, id] = line.split(' ');
        if (word === 'ack' && what === 'case') ackedCases.push(caseId!);
        if (word === 'ack' && what === 'view') ackedViews.push({ caseId: caseId!, id: id! });
      }
      // Timed from a page's arrival, so the kill lands in, or just around, applying it.
      const kill = { after: 'page', nth: 1 + Math.floor(random() * 2), delayMs: Math.floor(random() * 6), fallbackMs: 8_000 };
      const pulled = await runDevice(device, [leePath, TEST_KEY, 'pull'], kill);
      expect(pulled.code, pulled.stderr).toBeNull();
      if (pulled.lines.filter((l) => l === 'page').length >= kill.nth) killedApplying++;
      await expectWholeVersions(leePath);
    }
    expect(ackedCases.length).toBeGreaterThanOrEqual(ROUNDS);
    // Most pull kills came as a page was being applied (the others found nothing new, or one page only).
    expect(killedApplying).toBeGreaterThanOrEqual(ROUNDS / 2);

    for (const path of [alexPath, leePath]) {
      const settled = await runDevice(device, [path, TEST_KEY, 'settle']);
      expect(settled.lines.at(-1), settled.stderr).toBe('settled');
    }
    const server = await serverState();
    expect(server.chains.every((c) => c.ok)).toBe(true);
    // Each version once, under its own key, with no gap.
    expect(new Set(server.log.map((e) => e.idempotency_key)).size).toBe(server.log.length);
    for (const c of server.cases) expect(server.log.filter((e) => e.case_id === c.id).map((e) => e.version)).toEqual(Array.from({ length: c.version }, (_, i) => i + 1));
    // Every acknowledged save is in the server's latest document, once.
    const docs = new Map(server.cases.map((c) => [c.id, c.document]));
    // …and every case Alex's file holds is on the server: a save committed but killed before its
    // acknowledgement was printed is there too, never lost.
    const serverIds = server.cases.map((c) => c.id).sort();
    for (const id of ackedCases) expect(serverIds).toContain(id);
    const alexDb = openDatabase({ path: alexPath, key: TEST_KEY });
    expect((alexDb.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[]).sort()).toEqual(serverIds);
    alexDb.close();
    for (const { caseId, id } of ackedViews) expect(docs.get(caseId)!.tables.current_views.filter((r) => r.id === id)).toHaveLength(1);
    for (const doc of docs.values()) for (const rows of Object.values(doc.tables)) expect(new Set(rows.map((r) => JSON.stringify(r.id ?? r))).size).toBe(rows.length);

    expectDeviceMatches(alexPath, server);
    expectDeviceMatches(leePath, server);
  }, 240_000);
});
