/**
 * Pushing, on the device: the attempt is written BEFORE it is sent, so whatever happens to the response
 * (lost on the network, the app killed) the retry sends the same idempotency key with the same body and
 * the server applies it once (it answers a key it has seen with the stored result).
 */
import type { Clock } from '../../shared/clock';
import type { CaseDocument, Change, PushAccepted, PushBody } from '../../shared/sync/protocol';
import { stmt, writeTx, type Db } from '../db/sql';
import { readCaseDocument } from './case-document';
import { recordConflict } from './conflicts';
import { clearRefusal, refusedSeqsJson } from './refused';
import { getSyncState, putSyncState } from './sync-state';

export interface PendingPush {
  caseId: string;
  /** The server version the case is at here (If-Match); null for a case new to the server (If-None-Match: *). */
  baseVersion: number | null;
  idempotencyKey: string;
  body: PushBody;
}

interface AttemptRow {
  case_id: string;
  idempotency_key: string;
  base_version: number | null;
  outbox_seq: number;
  body: string;
}

function toPending(row: AttemptRow): PendingPush {
  return { caseId: row.case_id, baseVersion: row.base_version, idempotencyKey: row.idempotency_key, body: JSON.parse(row.body) as PushBody };
}

export function attemptFor(db: Db, caseId: string): AttemptRow | undefined {
  return stmt<[string], AttemptRow>(db, 'SELECT * FROM sync_push_attempts WHERE case_id = ?').get(caseId);
}

export function heldVersion(db: Db, caseId: string): number | null {
  return stmt<[string], number>(db, 'SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(caseId) ?? null;
}

export function setHeldVersion(db: Db, caseId: string, version: number): void {
  stmt(
    db,
    `INSERT INTO sync_cases (case_id, server_version) VALUES (?, ?)
     ON CONFLICT (case_id) DO UPDATE SET server_version = max(server_version, excluded.server_version)`,
  ).run(caseId, version);
}

/**
 * The push to send next, for the signed-in person (`signedIn`, else the one the directory last named). One in flight per case: while an attempt
 * of theirs is stored it is returned unchanged, byte for byte. Otherwise the case whose change has waited
 * longest, as it stands now, covering every outbox entry of the case so far; the newest entry's key is
 * the push's, so a later change always goes with a key never sent before. Cases wait (are never sent)
 * while: in conflict (for the person to choose); refused and not saved since (main/sync/refused.ts);
 * holding a change or an attempt by someone else, since the server takes a change only from the person
 * who made it and a case is sent whole, so it waits for its other author to sign in here.
 */
export function nextPush(db: Db, clock: Clock, deviceId: string, signedIn?: string): PendingPush | null {
  return writeTx(db, () => {
    // The person /v1/me named at the start of this round (main/sync/directory.ts); none known: nothing goes.
    const personId = signedIn ?? getSyncState(db, 'person')?.id;
    if (personId === undefined) return null;
    const inFlight = stmt<[string], AttemptRow>(
      db,
      "SELECT * FROM sync_push_attempts WHERE json_extract(body, '$.madeBy') = ? ORDER BY created_at, outbox_seq LIMIT 1",
    ).get(personId);
    if (inFlight) return toPending(inFlight);
    const caseId = stmt<[{ person: string; refused: string }], string>(
      db,
      `SELECT o.case_id FROM sync_outbox o
       WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.case_id = o.case_id AND c.resolution IS NULL)
         AND NOT EXISTS (SELECT 1 FROM sync_outbox x WHERE x.case_id = o.case_id AND x.made_by <> @person)
         AND NOT EXISTS (SELECT 1 FROM sync_push_attempts a WHERE a.case_id = o.case_id)
         AND NOT EXISTS (SELECT 1 FROM json_each(@refused) r WHERE r.key = o.case_id
                           AND r.value >= (SELECT max(y.seq) FROM sync_outbox y WHERE y.case_id = o.case_id))
       ORDER BY o.seq LIMIT 1`,
    )
      .pluck()
      .get({ person: personId, refused: refusedSeqsJson(db) });
    if (caseId === undefined) return null;
    return storeAttempt(db, clock, deviceId, caseId);
  });
}

/** The attempt, written before it is sent. */
function storeAttempt(db: Db, clock: Clock, deviceId: string, caseId: string): PendingPush {
  const newest = stmt<[string], { seq: number; idempotency_key: string; made_by: string; made_at: string }>(
    db,
    'SELECT seq, idempotency_key, made_by, made_at FROM sync_outbox WHERE case_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(caseId)!;
  const body: PushBody = { deviceId, madeBy: newest.made_by, madeAt: newest.made_at, document: readCaseDocument(db, caseId) };
  const row: AttemptRow = {
    case_id: caseId,
    idempotency_key: newest.idempotency_key,
    base_version: heldVersion(db, caseId),
    outbox_seq: newest.seq,
    body: JSON.stringify(body),
  };
  stmt(
    db,
    `INSERT INTO sync_push_attempts (case_id, idempotency_key, base_version, outbox_seq, body, created_at)
     VALUES (@case_id, @idempotency_key, @base_version, @outbox_seq, @body, @created_at)`,
  ).run({ ...row, created_at: clock.now() });
  return toPending(row);
}

/** The attempt this answer is for; an answer for an attempt already settled (a late duplicate) finds none. */
function matchingAttempt(db: Db, caseId: string, idempotencyKey: string): AttemptRow | null {
  const attempt = attemptFor(db, caseId);
  return attempt && attempt.idempotency_key === idempotencyKey ? attempt : null;
}

/** The entries the attempt covered are done; the case is at the server's new version. */
export function settleAccepted(db: Db, clock: Clock, attempt: AttemptRow, version: number): void {
  stmt(db, 'DELETE FROM sync_outbox WHERE case_id = ? AND seq <= ?').run(attempt.case_id, attempt.outbox_seq);
  setHeldVersion(db, attempt.case_id, version);
  stmt(db, 'DELETE FROM sync_push_attempts WHERE case_id = ?').run(attempt.case_id);
  clearRefusal(db, attempt.case_id, clock.now());
  putSyncState(db, 'lastPushAt', clock.now(), clock.now());
}

export function pushAccepted(db: Db, clock: Clock, caseId: string, idempotencyKey: string, accepted: PushAccepted): void {
  writeTx(db, () => {
    const attempt = matchingAttempt(db, caseId, idempotencyKey);
    if (attempt) settleAccepted(db, clock, attempt, accepted.version);
  });
}

/**
 * The server moved on before this push: the local work stays exactly as it is, and so do its outbox
 * entries; the conflict keeps the three documents until the person chooses (main/sync/conflicts.ts).
 */
export function pushConflicted(db: Db, clock: Clock, caseId: string, idempotencyKey: string, server: Change, base: CaseDocument | null): void {
  writeTx(db, () => {
    const attempt = matchingAttempt(db, caseId, idempotencyKey);
    if (!attempt) return;
    recordConflict(db, clock, { caseId, baseVersion: attempt.base_version, base, server });
    stmt(db, 'DELETE FROM sync_push_attempts WHERE case_id = ?').run(caseId);
  });
}
