/**
 * Figure 1 of the team-server bench: a pushed review acknowledged. Each push is a real case document
 * after a review (bench/support/team-template.ts: the demo case reviewed through review:record, its ids
 * those of a seeded case at version 1), sent by the device's own HTTP client (main/sync/http-client.ts)
 * with If-Match "1", a fresh idempotency key and a real access token, one after another. The floor is the
 * writes the server makes for it, the same statements (server/db/push.ts writeCase and touchDevice,
 * server/db/changes.ts appendChange) in one transaction over one connection, on other seeded cases.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createSyncHttp } from '../../main/sync/http-client';
import { APPEND_CHANGE_SQL } from '../../server/db/changes';
import type { PushBody } from '../../shared/sync/protocol';
import { fillPattern, type DocPattern } from './team-template';
import type { Member } from './team-world';

export interface PushTimes {
  pushMs: number[];
  floorMs: number[];
}

const WARMUP = 20;
const DEVICE = 'bench-push-device';

function bodyFor(p: DocPattern, n: number, teamId: string, madeBy: string): PushBody {
  return { deviceId: DEVICE, madeBy, madeAt: new Date().toISOString(), document: fillPattern(p, n, teamId) };
}

/** Pushes a review of seeded cases first..first+WARMUP+runs-1 (the first WARMUP untimed). */
async function serverPushes(baseUrl: string, pusher: Member, teamId: string, reviewed: DocPattern, first: number, runs: number): Promise<number[]> {
  const http = createSyncHttp({ baseUrl, deviceId: DEVICE });
  const out: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const body = bodyFor(reviewed, first + i, teamId, pusher.personId);
    const caseId = body.document.caseId;
    const started = performance.now();
    const answer = await http.push(pusher.token, caseId, { body, baseVersion: 1, idempotencyKey: randomUUID() });
    const ms = performance.now() - started;
    if (answer.kind !== 'ok' || answer.value.version !== 2) throw new Error(`push ${i} of case ${caseId}: ${JSON.stringify(answer).slice(0, 400)}`);
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

/** The server's writes for a push, by hand: case row, change-log entry, chain head, device. */
async function floorWrites(owner: pg.ClientBase, pusher: Member, teamId: string, reviewed: DocPattern, first: number, runs: number): Promise<number[]> {
  const { rows } = await owner.query<{ last_seq: string }>('SELECT last_seq FROM team_heads WHERE team_id = $1', [teamId]);
  let seq = Number(rows[0]!.last_seq);
  const out: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const body = bodyFor(reviewed, first + i, teamId, pusher.personId);
    const doc = body.document;
    const row = doc.tables.cases[0]!;
    const text = JSON.stringify(doc);
    const at = new Date().toISOString();
    seq++;
    const hash = `${seq}`.padStart(64, '0');
    const started = performance.now();
    await owner.query('BEGIN');
    await owner.query(
      `UPDATE cases SET team_id = $2, version = $3, case_ref = $4, nhs_number = $5, lead_person_id = $6, status = $7,
              document = $8, updated_at = $9 WHERE id = $1`,
      [doc.caseId, teamId, 2, row.case_ref, doc.youngPerson.nhs_number, row.lead_clinician_id, row.status, text, at],
    );
    // The change-log entry and the chain head in one statement, as server/db/changes.ts appendChange writes them.
    await owner.query(
      APPEND_CHANGE_SQL,
      [teamId, seq, doc.caseId, 2, pusher.personId, DEVICE, randomUUID(), hash, body.madeAt, at, text, hash, hash],
    );
    await owner.query(
      `INSERT INTO devices (id, person_id, first_seen_at, last_seen_at, last_push_at) VALUES ($1, $2, $3, $3, $3)
       ON CONFLICT (id, person_id) DO UPDATE SET last_seen_at = $3, last_push_at = $3`,
      [DEVICE, pusher.personId, at],
    );
    await owner.query('COMMIT');
    const ms = performance.now() - started;
    if (i >= WARMUP) out.push(ms);
  }
  return out;
}

/** Cases needed per measurement (server pushes, then as many again for the floor). */
export const pushCasesNeeded = (runs: number): number => 2 * (WARMUP + runs);

export async function pushFigures(
  baseUrl: string,
  owner: pg.ClientBase,
  pusher: Member,
  teamId: string,
  reviewed: DocPattern,
  first: number,
  runs: number,
): Promise<PushTimes> {
  const pushMs = await serverPushes(baseUrl, pusher, teamId, reviewed, first, runs);
  const floorMs = await floorWrites(owner, pusher, teamId, reviewed, first + WARMUP + runs, runs);
  return { pushMs, floorMs };
}
