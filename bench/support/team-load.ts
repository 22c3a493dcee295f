/**
 * Figure 4 of the team-server bench: simulated devices pushing at once for a while. Each device is a
 * clinician with their own real access token, their own device id and idempotency keys, and the device's
 * HTTP client (main/sync/http-client.ts), pushing back to back with no pause: mostly a new review of one
 * of their own cases, and one push in ten on a case the whole team shares, made on the version the device
 * last saw, so colleagues' pushes race and some come back 412. Afterwards the change log and the cases are
 * read as the owner and every answer checked: each acknowledged push is in the log exactly once, at the
 * case and version it was acknowledged as; no push answered 412 left anything; nothing is in the log that
 * no device was told was accepted; and each case holds its last acknowledged version.
 */
import type pg from 'pg';
import { createSyncHttp } from '../../main/sync/http-client';
import type { CaseDocument } from '../../shared/sync/protocol';
import { fillPattern, seededCaseId, type DocPattern } from './team-template';
import type { Member } from './team-world';

export const OWN_CASES = 10;
export const SHARED_CASES = 20;
const SHARED_SHARE = 0.1;

export interface LoadResult {
  seconds: number;
  acked: number;
  conflicts: number;
  /** Answers neither accepted nor 412 (offline, 5xx, refused): should be none. */
  failures: number;
  failureKinds: Record<string, number>;
  latencyMs: number[];
  lost: number;
  duplicated: number;
  /** A 412 whose key is in the log anyway. */
  conflictsWritten: number;
  /** Cases whose row is not their last acknowledged version, or whose log has gaps. */
  casesWrong: number;
}

interface Ack {
  key: string;
  caseId: string;
  version: number;
  seq: number;
}

export const loadCasesNeeded = (devices: number): number => devices * OWN_CASES + SHARED_CASES;

/** One device's loop; a small seeded random so runs compare. */
async function runDevice(d: number, member: Member, ctx: LoadContext, acks: Ack[], rejected: string[], result: LoadResult): Promise<void> {
  const deviceId = `load-device-${d + 1}`;
  const http = createSyncHttp({ baseUrl: ctx.baseUrl, deviceId, timeoutMs: 60_000 });
  const known = new Map<number, number>();
  let seed = 7919 * (d + 1);
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  for (let i = 0; performance.now() < ctx.deadline; i++) {
    const shared = random() < SHARED_SHARE;
    const n = shared ? ctx.first + ctx.devices * OWN_CASES + Math.floor(random() * SHARED_CASES) : ctx.first + d * OWN_CASES + Math.floor(random() * OWN_CASES);
    const base = known.get(n) ?? 1;
    const key = `${deviceId}-${i}`;
    const body = { deviceId, madeBy: member.personId, madeAt: new Date().toISOString(), document: ctx.doc(n) };
    const started = performance.now();
    const answer = await http.push(member.token, body.document.caseId, { body, baseVersion: base, idempotencyKey: key });
    result.latencyMs.push(performance.now() - started);
    if (answer.kind === 'ok') {
      acks.push({ key, caseId: answer.value.caseId, version: answer.value.version, seq: answer.value.seq });
      known.set(n, answer.value.version);
    } else if (answer.kind === 'conflict') {
      rejected.push(key);
      known.set(n, answer.conflict.server.version);
    } else {
      result.failures++;
      result.failureKinds[answer.kind] = (result.failureKinds[answer.kind] ?? 0) + 1;
    }
  }
}

interface LoadContext {
  baseUrl: string;
  first: number;
  devices: number;
  deadline: number;
  doc(n: number): CaseDocument;
}

export async function runLoad(baseUrl: string, owner: pg.ClientBase, devices: readonly Member[], teamId: string, reviewed: DocPattern, first: number, seconds: number): Promise<LoadResult> {
  const docs = new Map<number, CaseDocument>();
  const doc = (n: number) => docs.get(n) ?? (docs.set(n, fillPattern(reviewed, n, teamId)), docs.get(n)!);
  const result: LoadResult = { seconds, acked: 0, conflicts: 0, failures: 0, failureKinds: {}, latencyMs: [], lost: 0, duplicated: 0, conflictsWritten: 0, casesWrong: 0 };
  const acks: Ack[] = [];
  const rejected: string[] = [];
  const started = performance.now();
  const ctx: LoadContext = { baseUrl, first, devices: devices.length, deadline: started + seconds * 1000, doc };
  await Promise.all(devices.map((m, d) => runDevice(d, m, ctx, acks, rejected, result)));
  result.seconds = (performance.now() - started) / 1000;
  result.acked = acks.length;
  result.conflicts = rejected.length;
  await check(owner, teamId, first, devices.length, acks, rejected, result);
  return result;
}

async function check(owner: pg.ClientBase, teamId: string, first: number, devices: number, acks: Ack[], rejected: string[], result: LoadResult): Promise<void> {
  const { rows } = await owner.query<{ idempotency_key: string; case_id: string; version: number; seq: string }>(
    `SELECT idempotency_key, case_id, version, seq FROM change_log WHERE team_id = $1 AND device_id LIKE 'load-device-%'`,
    [teamId],
  );
  const logged = new Map<string, { caseId: string; version: number; seq: number; times: number }>();
  for (const r of rows) {
    const held = logged.get(r.idempotency_key);
    if (held) held.times++;
    else logged.set(r.idempotency_key, { caseId: r.case_id, version: r.version, seq: Number(r.seq), times: 1 });
  }
  const ackedKeys = new Set(acks.map((a) => a.key));
  for (const a of acks) {
    const l = logged.get(a.key);
    if (!l || l.caseId !== a.caseId || l.version !== a.version || l.seq !== a.seq) result.lost++;
    else if (l.times !== 1) result.duplicated += l.times - 1;
  }
  for (const key of logged.keys()) if (!ackedKeys.has(key)) result.duplicated++;
  result.conflictsWritten = rejected.filter((k) => logged.has(k)).length;
  const last = new Map<string, number>();
  for (const a of acks) last.set(a.caseId, Math.max(last.get(a.caseId) ?? 1, a.version));
  const ids = Array.from({ length: devices * OWN_CASES + SHARED_CASES }, (_, i) => seededCaseId(first + i));
  const { rows: cases } = await owner.query<{ id: string; version: number; entries: string; same: boolean }>(
    `SELECT c.id, c.version, (SELECT count(*) FROM change_log l WHERE l.case_id = c.id) AS entries,
            c.document = (SELECT l.document FROM change_log l WHERE l.case_id = c.id AND l.version = c.version) AS same
       FROM cases c WHERE c.id = ANY($1::text[])`,
    [ids],
  );
  for (const c of cases) {
    if (c.version !== (last.get(c.id) ?? 1) || Number(c.entries) !== c.version || !c.same) result.casesWrong++;
  }
  if (cases.length !== ids.length) result.casesWrong += ids.length - cases.length;
}
