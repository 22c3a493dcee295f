/**
 * Row-level security, tried table by table as thrive_api (the role the API logs in as) for a member of
 * another team: nothing of team-a is read, and no INSERT, UPDATE or DELETE touches it.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDocument, pull, push, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
let api: pg.Client;
const caseId = `case-${randomUUID()}`;
const TABLES = ['cases', 'change_log', 'devices', 'memberships', 'people', 'server_meta', 'team_heads', 'teams'] as const;

beforeAll(async () => {
  world = await startWorld();
  await push(world.server, caseId, { token: await world.token('alex'), body: pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) });
  await pull(world.server, await world.token('alex'));
  await pull(world.server, await world.token('sam'));
  api = new pg.Client({ connectionString: world.server.apiUrl });
  await api.connect();
}, 60_000);
afterAll(async () => {
  await api?.end();
  await world?.close();
});

type Outcome = { rows: Record<string, unknown>[]; count: number } | { refused: string };

/** Runs one statement as `personId` through thrive_api, in a transaction it rolls back. */
async function as(personId: string | null, sql: string, params: unknown[] = []): Promise<Outcome> {
  await api.query('BEGIN');
  try {
    await api.query(`SELECT set_config('thrive.person_id', $1, true)`, [personId ?? '']);
    const result = await api.query(sql, params);
    return { rows: result.rows, count: result.rowCount ?? 0 };
  } catch (error) {
    return { refused: (error as { code: string }).code };
  } finally {
    await api.query('ROLLBACK');
  }
}

async function snapshot(): Promise<string> {
  return world.server.admin(async (c) => {
    const parts = [];
    for (const t of TABLES) parts.push((await c.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows);
    return JSON.stringify(parts);
  });
}

const A = "'team-a'";
describe('a member of another team, through thrive_api', () => {
  it('reads nothing of team-a from any table', async () => {
    const sam = world.ids.sam;
    const teamAPeople = [world.ids.alex, world.ids.bea, world.ids.lee];
    expect(await as(sam, 'SELECT id FROM teams')).toMatchObject({ rows: [{ id: 'team-b' }] });
    expect(await as(sam, 'SELECT id FROM people')).toMatchObject({ rows: [{ id: sam }] });
    expect(await as(sam, 'SELECT team_id FROM memberships')).toMatchObject({ rows: [{ team_id: 'team-b' }] });
    expect(await as(sam, 'SELECT id FROM cases')).toMatchObject({ count: 0 });
    expect(await as(sam, 'SELECT seq FROM change_log')).toMatchObject({ count: 0 });
    expect(await as(sam, 'SELECT team_id FROM team_heads')).toMatchObject({ rows: [{ team_id: 'team-b' }] });
    expect(await as(sam, 'SELECT person_id FROM devices')).toMatchObject({ rows: [{ person_id: sam }] });
    // The server's own id and schema version are not team data: every signed-in device may read them.
    expect(await as(sam, 'SELECT schema_version FROM server_meta')).toMatchObject({ count: 1 });
    expect(await as(sam, 'SELECT * FROM people WHERE id = ANY($1)', [teamAPeople])).toMatchObject({ count: 0 });
    expect(await as(sam, 'SELECT thrive_case_team($1) AS t', [caseId])).toMatchObject({ rows: [{ t: 'team-a' }] });
    // A connection with no person set sees no team data at all.
    for (const t of ['teams', 'people', 'memberships', 'cases', 'change_log', 'team_heads', 'devices']) {
      expect(await as(null, `SELECT * FROM ${t}`)).toMatchObject({ count: 0 });
    }
  });

  it('writes nothing into team-a: every INSERT, UPDATE and DELETE is refused or touches no row', async () => {
    const before = await snapshot();
    const sam = world.ids.sam;
    const doc = JSON.stringify(caseDocument('case-x', 'team-a'));
    const inserts: [string, unknown[]][] = [
      [`INSERT INTO teams (id, name) VALUES ('team-x', 'X')`, []],
      [`INSERT INTO people (id, email, name) VALUES ('p-x', 'x@trust.test', 'X')`, []],
      [`INSERT INTO memberships (person_id, team_id, role) VALUES ($1, ${A}, 'team_lead')`, [sam]],
      [`INSERT INTO cases (id, team_id, version, case_ref, status, document, updated_at) VALUES ('case-x', ${A}, 1, 'R', 'open', $1, now())`, [doc]],
      [`INSERT INTO change_log (team_id, seq, case_id, version, author_id, device_id, idempotency_key, request_hash, made_at, at, document, prev_hash, hash)
        VALUES (${A}, 99, 'case-x', 1, $1, 'd', 'k-x', 'r', 'm', now(), $2, 'p', 'h')`, [sam, doc]],
      [`INSERT INTO team_heads (team_id, last_seq, last_hash) VALUES ('team-x', 0, 'h')`, []],
      [`INSERT INTO devices (id, person_id, first_seen_at, last_seen_at) VALUES ('d-x', $1, now(), now())`, [world.ids.alex]],
      [`INSERT INTO server_meta (singleton, server_id, schema_version) VALUES (false, 'x', 1)`, []],
    ];
    for (const [sql, params] of inserts) expect(await as(sam, sql, params), sql).toEqual({ refused: '42501' });

    const updates = [
      `UPDATE teams SET name = 'Taken' WHERE id = ${A}`,
      `UPDATE people SET name = 'Taken'`,
      `UPDATE memberships SET role = 'team_lead'`,
      `UPDATE change_log SET hash = 'x'`,
      `UPDATE server_meta SET schema_version = 99`,
    ];
    for (const sql of updates) expect(await as(sam, sql), sql).toEqual({ refused: '42501' });
    const quietUpdates = [
      `UPDATE cases SET status = 'closed' WHERE team_id = ${A}`,
      `UPDATE team_heads SET last_seq = last_seq + 1 WHERE team_id = ${A}`,
      `UPDATE devices SET last_seen_at = now() WHERE person_id = '${world.ids.alex}'`,
    ];
    for (const sql of quietUpdates) expect(await as(sam, sql), sql).toMatchObject({ count: 0 });
    for (const t of TABLES) expect(await as(sam, `DELETE FROM ${t}`), t).toEqual({ refused: '42501' });
    expect(await snapshot()).toBe(before);
  });
});
