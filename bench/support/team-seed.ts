/**
 * Seeding the team server fast: one INSERT … SELECT over generate_series per pattern, filling the holes
 * of a real case document (bench/support/team-template.ts) in SQL, writing the cases rows and their
 * change-log entries (version 1) and moving the team's chain head on, as the owner. What it does not do:
 * compute the hash chain the API computes in server/db/chain.ts (canonical JSON in Node); the seeded
 * entries carry a placeholder chain, so `verify-chain` would refuse a seeded team. Nothing in the bench
 * reads the hashes but the next append, which chains from the head as the API always does.
 */
import type pg from 'pg';
import type { DocPattern } from './team-template';

/** The SQL that fills a pattern for generate_series value `g`; the literal parts are $1 (text[]). */
function fillSql(p: DocPattern): string {
  const pieces: string[] = ['($1::text[])[1]'];
  p.holes.forEach((hole, i) => {
    if (hole === 'ref') pieces.push(`('BENCH-' || g)`);
    else if (hole === 'nhs') pieces.push(`lpad((4000000000 + g)::text, 10, '0')`);
    else if (hole === 'team') pieces.push('$2::text');
    else pieces.push(`md5(g || ':${hole}')::uuid::text`);
    pieces.push(`($1::text[])[${i + 2}]`);
  });
  return `(${pieces.join(' || ')})`;
}

export interface SeedRun {
  teamId: string;
  pattern: DocPattern;
  /** Seeded case numbers first..first+count-1 (global across the bench, so every id is unique). */
  first: number;
  count: number;
  authorId: string;
  /** The server's `at` for the entries. */
  at: string;
}

/** Seeds one run; returns the team's new head seq. */
export async function seedCases(owner: pg.ClientBase, run: SeedRun): Promise<number> {
  const last = run.first + run.count - 1;
  await owner.query('BEGIN');
  try {
    const { rows } = await owner.query<{ last_seq: string }>('SELECT last_seq FROM team_heads WHERE team_id = $1 FOR UPDATE', [run.teamId]);
    const base = Number(rows[0]!.last_seq) - run.first + 1;
    await owner.query(
      `WITH d AS (SELECT g, (${fillSql(run.pattern)})::jsonb AS doc FROM generate_series($3::int, $4::int) g),
            c AS (INSERT INTO cases (id, team_id, version, case_ref, nhs_number, lead_person_id, status, document, updated_at)
                  SELECT doc->>'caseId', $2, 1, 'BENCH-' || g, lpad((4000000000 + g)::text, 10, '0'),
                         doc->'tables'->'cases'->0->>'lead_clinician_id', $5::text, doc, $7::timestamptz FROM d)
       INSERT INTO change_log (team_id, seq, case_id, version, author_id, device_id, idempotency_key, request_hash,
                               made_at, at, document, prev_hash, hash)
       SELECT $2, g + $8::bigint, doc->>'caseId', 1, $6::text, 'bench-seed', 'seed-' || g, md5(doc::text), $7::text, $7::timestamptz, doc,
              encode(sha256(convert_to($2::text || ':' || (g + $8::bigint - 1), 'UTF8')), 'hex'),
              encode(sha256(convert_to($2::text || ':' || (g + $8::bigint), 'UTF8')), 'hex')
         FROM d`,
      [run.pattern.parts, run.teamId, run.first, last, run.pattern.status, run.authorId, run.at, base],
    );
    const head = base + last;
    await owner.query(
      `UPDATE team_heads SET last_seq = $2, last_hash = encode(sha256(convert_to($1::text || ':' || $2::bigint, 'UTF8')), 'hex') WHERE team_id = $1`,
      [run.teamId, head],
    );
    await owner.query('COMMIT');
    return head;
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

/** ANALYZE after a bulk load, as an operator would after a restore: the planner needs the new sizes. */
export async function analyze(owner: pg.ClientBase): Promise<void> {
  await owner.query('ANALYZE cases; ANALYZE change_log; ANALYZE team_heads; ANALYZE memberships;');
}
