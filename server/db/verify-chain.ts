/**
 * Re-walks each team's change log: seq contiguous from 1, each prev_hash the previous entry's hash,
 * each hash recomputed from the entry's content (server/db/chain.ts), and the chain head matching the
 * last entry. Runs as the owner (server/admin-cli.ts), which must bypass row security to see every row.
 */
import type pg from 'pg';
import type { CaseDocument } from '../../shared/sync/protocol';
import { entryHash, genesisHash } from './chain';

export interface ChainReport {
  teamId: string;
  entries: number;
  ok: boolean;
  problems: string[];
}

interface LogRow {
  seq: string;
  case_id: string;
  version: number;
  author_id: string;
  device_id: string;
  idempotency_key: string;
  request_hash: string;
  made_at: string;
  at: Date;
  document: CaseDocument;
  prev_hash: string;
  hash: string;
}

async function verifyTeam(client: pg.ClientBase, teamId: string, head: { last_seq: string; last_hash: string }): Promise<ChainReport> {
  const problems: string[] = [];
  let prev = genesisHash(teamId);
  let expectedSeq = 1;
  const { rows } = await client.query<LogRow>('SELECT * FROM change_log WHERE team_id = $1 ORDER BY seq', [teamId]);
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) problems.push(`entry ${seq}: expected entry ${expectedSeq} (an entry is missing)`);
    if (row.prev_hash !== prev) problems.push(`entry ${seq}: does not follow the entry before it`);
    const content = {
      teamId, seq, caseId: row.case_id, version: row.version, authorId: row.author_id, deviceId: row.device_id,
      idempotencyKey: row.idempotency_key, requestHash: row.request_hash, madeAt: row.made_at,
      at: row.at.toISOString(), document: row.document,
    };
    if (entryHash(row.prev_hash, content) !== row.hash) problems.push(`entry ${seq}: its content was changed after it was written`);
    prev = row.hash;
    expectedSeq = seq + 1;
  }
  if (Number(head.last_seq) !== rows.length || head.last_hash !== prev) {
    problems.push(`the chain head (entry ${head.last_seq}) does not match the last entry (${rows.length}): entries were removed or added`);
  }
  return { teamId, entries: rows.length, ok: problems.length === 0, problems };
}

export async function assertBypassesRowSecurity(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ bypass: boolean }>(
    'SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user',
  );
  if (!rows[0]?.bypass) {
    throw new Error('This needs the database owner URL of a role that bypasses row security (superuser or BYPASSRLS); the one given would see no rows.');
  }
}

/** Verifies every team's chain, or only `teamId`'s. */
export async function verifyChains(client: pg.ClientBase, teamId?: string): Promise<ChainReport[]> {
  await assertBypassesRowSecurity(client);
  const { rows: heads } = await client.query<{ team_id: string; last_seq: string; last_hash: string }>(
    'SELECT team_id, last_seq, last_hash FROM team_heads WHERE $1::text IS NULL OR team_id = $1 ORDER BY team_id',
    [teamId ?? null],
  );
  const reports: ChainReport[] = [];
  for (const head of heads) reports.push(await verifyTeam(client, head.team_id, head));
  return reports;
}
