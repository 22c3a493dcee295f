/**
 * Accepting one pushed version of a case, in one transaction (server/db/with-person.ts): the checks in
 * the order that makes a retry safe, then the case row and its change-log entry together.
 */
import type pg from 'pg';
import type { Change, OutboxReport, PushAccepted, PushBody } from '../../shared/sync/protocol';
import { ApiError, badRequest, forbidden, notFound } from '../errors';
import { canonicalJson, sha256Hex } from './chain';
import { appendChange, loadVersion, lockTeamHead } from './changes';
import { touchDevice } from './devices';
import { prepared, withPerson, type Db } from './with-person';

export type Precondition = { kind: 'new' } | { kind: 'match'; version: number };

export interface PushInput {
  personId: string;
  caseId: string;
  precondition: Precondition;
  idempotencyKey: string;
  body: PushBody;
  /** The server's clock, ISO instant: the entry's `at`. */
  now: string;
  /** The device's outbox as it sent this push (server/db/devices.ts). */
  report?: OutboxReport;
}

export type PushOutcome =
  | { kind: 'accepted'; created: boolean; result: PushAccepted }
  | { kind: 'conflict'; server: Change };

const cellText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Checks that need no database: the path, the author, the case's team. Returns the team id. */
function checkRequest(input: PushInput): string {
  const { body } = input;
  if (body.document.caseId !== input.caseId) {
    throw badRequest('The case in the address and the case in the document differ.', [
      { path: 'document.caseId', message: 'must be the case in the address' },
    ]);
  }
  if (body.madeBy !== input.personId) {
    throw forbidden('This change is recorded as made by someone else. Sign in as the person who made it to send it.');
  }
  const teamId = body.document.tables.cases[0]?.team_id;
  if (typeof teamId !== 'string' || teamId === '') {
    throw badRequest('The case has no team.', [{ path: 'document.tables.cases.0.team_id', message: 'must be a team id' }]);
  }
  return teamId;
}

async function replayOf(db: Db, input: PushInput, requestHash: string): Promise<PushOutcome | null> {
  const { rows } = await db.query<{ case_id: string; version: number; seq: string; at: Date; request_hash: string; author_id: string }>(prepared(
    'SELECT case_id, version, seq, at, request_hash, author_id FROM change_log WHERE idempotency_key = $1',
    [input.idempotencyKey],
  ));
  const seen = rows[0];
  if (!seen) return null;
  if (seen.request_hash !== requestHash || seen.author_id !== input.personId) throw idempotencyMismatch();
  return {
    kind: 'accepted',
    created: seen.version === 1,
    result: { caseId: seen.case_id, version: seen.version, seq: Number(seen.seq), at: seen.at.toISOString(), replayed: true },
  };
}

const idempotencyMismatch = () =>
  new ApiError(
    422,
    'idempotency_mismatch',
    'This change reuses the key of a different change already on the server. The app should send it again as a new change.',
  );

async function currentVersion(db: Db, input: PushInput, teamId: string): Promise<number | null> {
  // The case's team whoever may see it (thrive_case_team), and its version as row security lets us see it.
  const { rows } = await db.query<{ team: string | null; version: number | null }>(prepared(
    'SELECT thrive_case_team($1) AS team, (SELECT version FROM cases WHERE id = $1) AS version',
    [input.caseId],
  ));
  const caseTeam = rows[0]?.team ?? null;
  if (caseTeam !== null && caseTeam !== teamId) {
    throw forbidden('This case belongs to a team you are not a member of, so you cannot change it. Ask the team lead.');
  }
  return rows[0]?.version ?? null;
}

async function writeCase(db: Db, input: PushInput, teamId: string, version: number): Promise<void> {
  const doc = input.body.document;
  const row = doc.tables.cases[0]!;
  const values = [
    input.caseId, teamId, version, cellText(row.case_ref) ?? '', cellText(doc.youngPerson.nhs_number),
    cellText(row.lead_clinician_id), cellText(row.status) ?? 'open', JSON.stringify(doc), input.now,
  ];
  if (version === 1) {
    await db.query(prepared(
      `INSERT INTO cases (id, team_id, version, case_ref, nhs_number, lead_person_id, status, document, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      values,
    ));
  } else {
    await db.query(prepared(
      `UPDATE cases SET team_id = $2, version = $3, case_ref = $4, nhs_number = $5, lead_person_id = $6, status = $7,
              document = $8, updated_at = $9 WHERE id = $1`,
      values,
    ));
  }
}

async function pushIn(db: Db, input: PushInput, teamId: string, requestHash: string): Promise<PushOutcome> {
  // Row security shows a team's chain head to its members only: no head is either not a member or no
  // such team, told apart only then (a push that goes through asks nothing more).
  const head = await lockTeamHead(db, teamId);
  if (!head) {
    const { rows: member } = await db.query(prepared('SELECT 1 FROM thrive_member_teams() t WHERE t = $1', [teamId]));
    if (member.length === 0) throw forbidden('You are not a member of this case’s team on the server, so it cannot be sent. Ask your service admin.');
    throw forbidden('This case’s team is not set up on the server. Ask your service admin.');
  }
  // After the lock: a retry racing its own first attempt sees that attempt once it has committed.
  const replay = await replayOf(db, input, requestHash);
  if (replay) return replay;
  const current = await currentVersion(db, input, teamId);
  const { precondition } = input;
  if (current === null && precondition.kind === 'match') {
    throw notFound('The server has no copy of this case. The app should send it as a new case.');
  }
  if (current !== null && (precondition.kind === 'new' || precondition.version !== current)) {
    const server = await loadVersion(db, input.caseId, current);
    if (!server) throw new Error(`case ${input.caseId} has no change-log entry for version ${current}`);
    return { kind: 'conflict', server };
  }
  const version = (current ?? 0) + 1;
  await writeCase(db, input, teamId, version);
  const { body } = input;
  const seq = await appendChange(db, head, {
    teamId, caseId: input.caseId, version, authorId: input.personId, deviceId: body.deviceId,
    idempotencyKey: input.idempotencyKey, requestHash, madeAt: body.madeAt, at: input.now, document: body.document,
  });
  await touchDevice(db, body.deviceId, input.personId, input.now, 'last_push_at', input.report);
  return { kind: 'accepted', created: version === 1, result: { caseId: input.caseId, version, seq, at: input.now, replayed: false } };
}

/** Maps constraint violations that a hostile or unlucky request can cause to refusals it can act on. */
function refusalFor(error: unknown): ApiError | null {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'change_log_idempotency_key_key') return idempotencyMismatch();
  if (e.code === '23505' && e.constraint === 'cases_pkey') {
    return forbidden('This case belongs to a team you are not a member of, so you cannot change it. Ask the team lead.');
  }
  // jsonb refuses \u0000 and unpaired surrogates in text.
  if (e.code === '22P05' || e.code === '22P02') return badRequest('The case holds text the server cannot store (a control character). Remove it and save again.');
  return null;
}

export async function pushCase(pool: pg.Pool, input: PushInput): Promise<PushOutcome> {
  const teamId = checkRequest(input);
  const requestHash = sha256Hex(canonicalJson({ caseId: input.caseId, precondition: input.precondition, body: input.body }));
  try {
    return await withPerson(pool, input.personId, (db) => pushIn(db, input, teamId, requestHash));
  } catch (error) {
    throw refusalFor(error) ?? error;
  }
}
