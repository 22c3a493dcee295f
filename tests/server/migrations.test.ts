/** One test per server migration (server/db/migrations/), against a real PostgreSQL. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../server/db/migrate';
import { startPostgres, type TestPostgres } from '../support/team/postgres';

let db: TestPostgres;
let owner: pg.Client;
const TABLES = ['cases', 'change_log', 'devices', 'memberships', 'people', 'server_meta', 'team_heads', 'teams'];

beforeAll(async () => {
  db = await startPostgres();
  await db.createDatabase('migrations');
  owner = new pg.Client({ connectionString: db.url('migrations') });
  await owner.connect();
}, 60_000);
afterAll(async () => {
  await owner?.end();
  await db?.stop();
});

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await owner.query(sql, params)).rows as T[];
}

describe('server migrations', () => {
  it('0001-tables: the tables, a server id, and thrive_api that owns nothing and cannot bypass row security', async () => {
    expect(await migrate(db.url('migrations'), { count: 1 })).toEqual(['0001-tables']);
    const tables = await rows<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((t) => t.tablename)).toEqual(TABLES);
    const [role] = await rows<Record<string, boolean>>(
      `SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolinherit, rolcanlogin FROM pg_roles WHERE rolname = 'thrive_api'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreatedb: false, rolcreaterole: false, rolinherit: false, rolcanlogin: true });
    const owned = await rows(`SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = 'thrive_api'`);
    expect(owned).toEqual([]);
    const [meta] = await rows<{ server_id: string; schema_version: number }>('SELECT server_id, schema_version FROM server_meta');
    expect(meta!.server_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta!.schema_version).toBe(1);
  });

  it('0002-row-security: forced row security on every table, and only the grants the API needs', async () => {
    expect(await migrate(db.url('migrations'), { count: 1 })).toEqual(['0002-row-security']);
    const rls = await rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
    );
    expect(rls).toEqual(TABLES.map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })));
    const grants = await rows<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants
        WHERE grantee = 'thrive_api' ORDER BY 1, 2`,
    );
    expect(grants.map((g) => `${g.table_name}:${g.privilege_type}`)).toEqual([
      'cases:INSERT', 'cases:SELECT', 'cases:UPDATE',
      'change_log:INSERT', 'change_log:SELECT',
      'devices:INSERT', 'devices:SELECT',
      'memberships:SELECT', 'people:SELECT', 'server_meta:SELECT', 'team_heads:SELECT', 'teams:SELECT',
    ]);
    const [definer] = await rows<{ prosecdef: boolean }>(`SELECT prosecdef FROM pg_proc WHERE proname = 'thrive_member_teams'`);
    expect(definer!.prosecdef).toBe(true);
  });

  it('0003-append-only-log: UPDATE, DELETE and TRUNCATE of the change log are refused, even for a superuser', async () => {
    expect(await migrate(db.url('migrations'), { count: 1 })).toEqual(['0003-append-only-log']);
    await owner.query(`INSERT INTO teams (id, name) VALUES ('t1', 'Team')`);
    await owner.query(`INSERT INTO people (id, email, name) VALUES ('p1', 'p1@example.org', 'P')`);
    await owner.query(
      `INSERT INTO change_log (team_id, seq, case_id, version, author_id, device_id, idempotency_key, request_hash, made_at, at, document, prev_hash, hash)
       VALUES ('t1', 1, 'c1', 1, 'p1', 'd1', 'k1', 'r', '2026-01-01T00:00:00Z', now(), '{}', 'a', 'b')`,
    );
    await expect(owner.query(`UPDATE change_log SET hash = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(owner.query(`DELETE FROM change_log`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(owner.query(`TRUNCATE change_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const [meta] = await rows<{ schema_version: number }>('SELECT schema_version FROM server_meta');
    expect(meta!.schema_version).toBe(3);
  });

  it('0004-device-outbox: a device row holds its outbox report, which thrive_api may update', async () => {
    expect(await migrate(db.url('migrations'), { count: 1 })).toEqual(['0004-device-outbox']);
    const columns = await rows<{ column_name: string }>(
      `SELECT column_name FROM information_schema.column_privileges
        WHERE grantee = 'thrive_api' AND table_name = 'devices' AND privilege_type = 'UPDATE' ORDER BY 1`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['last_pull_at', 'last_push_at', 'last_seen_at', 'oldest_pending_at', 'pending_count']);
    await owner.query(`INSERT INTO devices (id, person_id, first_seen_at, last_seen_at) VALUES ('d1', 'p1', now(), now())`);
    await expect(owner.query(`UPDATE devices SET pending_count = -1`)).rejects.toThrow(/check constraint/);
    await owner.query(`DELETE FROM devices`);
    const [meta] = await rows<{ schema_version: number }>('SELECT schema_version FROM server_meta');
    expect(meta!.schema_version).toBe(SCHEMA_VERSION);
  });

  it('every migration goes down and up again', async () => {
    await owner.query(`SET session_replication_role = replica`);
    await owner.query(`DELETE FROM change_log; DELETE FROM people; DELETE FROM teams`);
    await owner.query(`SET session_replication_role = origin`);
    expect(await migrate(db.url('migrations'), { direction: 'down', count: 4 })).toHaveLength(4);
    expect(await rows(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
    expect(await migrate(db.url('migrations'))).toHaveLength(4);
    expect(await migrate(db.url('migrations'))).toEqual([]);
  });
});
