/**
 * Reading and appending change-log entries. Appending takes the team's chain head row FOR UPDATE and
 * holds it to COMMIT, so seq is assigned in commit order: a pull by cursor can never skip an entry that
 * commits later (see tests/server/pull-order.test.ts).
 */
import type { CaseDocument, Change } from '../../shared/sync/protocol';
import { entryHash, type ChainedContent } from './chain';
import { prepared, type Db } from './with-person';

export const FORMER_MEMBER = 'A former team member';

export const CHANGE_COLUMNS = `c.seq, c.team_id, c.case_id, c.version, c.author_id, coalesce(p.name, '${FORMER_MEMBER}') AS author_name,
  c.device_id, c.at, c.document`;
const CHANGE_FROM = `change_log c LEFT JOIN people p ON p.id = c.author_id`;

export interface ChangeRow {
  seq: string;
  team_id: string;
  case_id: string;
  version: number;
  author_id: string;
  author_name: string;
  device_id: string;
  at: Date;
  document: CaseDocument;
}

export function toChange(row: ChangeRow): Change {
  return {
    seq: Number(row.seq),
    teamId: row.team_id,
    caseId: row.case_id,
    version: row.version,
    authorId: row.author_id,
    authorName: row.author_name,
    deviceId: row.device_id,
    at: row.at.toISOString(),
    document: row.document,
  };
}

/** One version of a case, if this person may read it. */
export async function loadVersion(db: Db, caseId: string, version: number): Promise<Change | null> {
  const { rows } = await db.query<ChangeRow>(prepared(
    `SELECT ${CHANGE_COLUMNS} FROM ${CHANGE_FROM} WHERE c.case_id = $1 AND c.version = $2`,
    [caseId, version],
  ));
  return rows[0] ? toChange(rows[0]) : null;
}

export interface TeamHead {
  lastSeq: number;
  lastHash: string;
}

/** Locks the team's chain head until COMMIT: every append to the team waits here, in order. */
export async function lockTeamHead(db: Db, teamId: string): Promise<TeamHead | null> {
  const { rows } = await db.query<{ last_seq: string; last_hash: string }>(prepared(
    'SELECT last_seq, last_hash FROM team_heads WHERE team_id = $1 FOR UPDATE',
    [teamId],
  ));
  return rows[0] ? { lastSeq: Number(rows[0].last_seq), lastHash: rows[0].last_hash } : null;
}

/**
 * The change-log entry and the chain head it moves, in one statement. Parameters: team, seq, case,
 * version, author, device, idempotency key, request hash, made at, at, document, previous hash, hash.
 * (bench/support/team-push.ts writes the same statement for its floor.)
 */
export const APPEND_CHANGE_SQL = `WITH appended AS (
       INSERT INTO change_log (team_id, seq, case_id, version, author_id, device_id, idempotency_key, request_hash,
                               made_at, at, document, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING team_id, seq, hash)
     UPDATE team_heads h SET last_seq = a.seq, last_hash = a.hash FROM appended a WHERE h.team_id = a.team_id`;

/**
 * Appends one entry after `head` (locked by lockTeamHead) and moves the head on, in one statement (one
 * round trip of a push's few). Exactly one head must move: anything else ends the transaction.
 */
export async function appendChange(db: Db, head: TeamHead, entry: Omit<ChainedContent, 'seq'>): Promise<number> {
  const content: ChainedContent = { ...entry, seq: head.lastSeq + 1 };
  const hash = entryHash(head.lastHash, content);
  const { rowCount } = await db.query(prepared(
    APPEND_CHANGE_SQL,
    [
      content.teamId, content.seq, content.caseId, content.version, content.authorId, content.deviceId,
      content.idempotencyKey, content.requestHash, content.madeAt, content.at, JSON.stringify(content.document),
      head.lastHash, hash,
    ],
  ));
  if (rowCount !== 1) throw new Error(`the chain head of team ${content.teamId} did not move to ${content.seq}`);
  return content.seq;
}
