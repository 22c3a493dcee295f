import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../main/db/errors';
import { LATEST_VERSION, MIGRATIONS, migrate, userVersion } from '../../main/db/migrate';
import { openDatabase } from '../../main/db/open';
import { auditHash, GENESIS_HASH } from '../../main/db/repos/audit';
import { verifyAudit, verifyRecords } from '../../main/db/verify-audit';
import { sqlString } from '../../main/db/sql';
import { TEST_KEY, tempDbPath } from '../support/temp-db';

function names(db: Database.Database, type: 'table' | 'index' | 'trigger'): string[] {
  return db.prepare('SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE ? ORDER BY name').pluck().all(type, 'sqlite_%') as string[];
}

function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma(`hexkey=${sqlString(TEST_KEY)}`);
  return db;
}

/** A version after the latest, for migrations made up by the tests. */
const NEXT = LATEST_VERSION + 10;

describe('migrations 0010 (initial schema), 0020 (team view), 0030 (trust scale), 0040 (ending outcomes), 0050 (audit row digests) and 0060 (team sync)', () => {
  it('creates every table of the case lifecycle, its indexes and the audit triggers, and sets user_version', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    try {
      expect(MIGRATIONS.map((m) => m.version)).toEqual([10, 20, 30, 40, 50, 60]);
      expect(userVersion(db)).toBe(60);
      expect(LATEST_VERSION).toBe(60);
      expect(names(db, 'table')).toEqual([
        'audit_log',
        'cases',
        'clinicians',
        'current_views',
        'drafts',
        'ending_criteria',
        'ending_criterion_status',
        'ending_outcomes',
        'endings',
        'goal_outcomes',
        'goal_ratings',
        'goals',
        'plans',
        'review_criterion_progress',
        'reviews',
        'settings',
        'sync_cases',
        'sync_conflicts',
        'sync_outbox',
        'sync_push_attempts',
        'sync_state',
        'teams',
        'young_people',
      ]);
      expect(names(db, 'index')).toEqual(
        expect.arrayContaining([
          'cases_caseload',
          'cases_team',
          'cases_young_person',
          'young_people_nhs_number',
          'current_views_one_opening',
          'plans_current',
          'goals_case',
          'goal_ratings_goal',
          'reviews_case',
          'audit_log_case',
          'clinicians_team',
        ]),
      );
      expect(names(db, 'trigger')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Every foreign key column is the leading column of some index, so lookups and checks never scan.
      for (const table of names(db, 'table')) {
        const indexed = new Set(
          (db.pragma(`index_list(${table})`) as Array<{ name: string }>).map(
            (ix) => (db.pragma(`index_info(${ix.name})`) as Array<{ name: string }>)[0]?.name,
          ),
        );
        const pk = (db.pragma(`table_info(${table})`) as Array<{ name: string; pk: number }>).find((c) => c.pk === 1)?.name;
        for (const fk of db.pragma(`foreign_key_list(${table})`) as Array<{ from: string }>) {
          expect(indexed.has(fk.from) || pk === fk.from, `${table}.${fk.from} is indexed`).toBe(true);
        }
      }
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-10 database to the team view indexes, keeping its cases, after a verified copy', () => {
    const path = tempDbPath();
    const first = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version === 10) });
    first.exec(`INSERT INTO teams VALUES ('t1', 'Team', 'x');
      INSERT INTO clinicians VALUES ('c1', 'Ann', 'team_lead', 't1', 'x');
      INSERT INTO young_people VALUES ('y1', 'Jo', '2012-01-01', NULL, 'x', 'x');
      INSERT INTO cases (id, case_ref, young_person_id, referral_date, open_date, lead_clinician_id, team_id, coordinating_agency, created_at, updated_at)
        VALUES ('k1', 'R1', 'y1', '2026-01-01', '2026-01-02', 'c1', 't1', 'CAMHS', 'x', 'x');`);
    expect(userVersion(first)).toBe(10);
    first.close();

    const db = openDatabase({ path, key: TEST_KEY, migrations: MIGRATIONS.filter((m) => m.version <= 20) });
    try {
      expect(userVersion(db)).toBe(20);
      expect(existsSync(`${path}.pre-v20.bak`)).toBe(true);
      expect(db.prepare('SELECT case_ref FROM cases').pluck().all()).toEqual(['R1']);
      const columns = (index: string) => (db.pragma(`index_info(${index})`) as Array<{ name: string }>).map((c) => c.name);
      expect(columns('cases_team')).toEqual(['team_id', 'status', 'closed_date']);
      expect(columns('cases_caseload')).toEqual(['lead_clinician_id', 'status', 'closed_date']);
      expect(columns('current_views_case')).toEqual(['case_id', 'context', 'completed_date', 'grouping']);
      expect(columns('goal_ratings_goal')).toEqual(['goal_id', 'rated_on', 'created_at', 'id', 'score']);
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-20 database to the trust-scale indexes, keeping its rows, after a verified copy', () => {
    const path = tempDbPath();
    const first = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version <= 20) });
    first.exec(`INSERT INTO teams VALUES ('t1', 'Team', 'x');
      INSERT INTO clinicians VALUES ('c1', 'Ann', 'team_lead', 't1', 'x');
      INSERT INTO young_people VALUES ('y1', 'Jo', '2012-01-01', NULL, 'x', 'x');
      INSERT INTO cases (id, case_ref, young_person_id, referral_date, open_date, lead_clinician_id, team_id, coordinating_agency, created_at, updated_at)
        VALUES ('k1', 'R1', 'y1', '2026-01-01', '2026-01-02', 'c1', 't1', 'CAMHS', 'x', 'x');`);
    first.close();

    const db = openDatabase({ path, key: TEST_KEY, migrations: MIGRATIONS.filter((m) => m.version <= 30) });
    try {
      expect(userVersion(db)).toBe(30);
      expect(existsSync(`${path}.pre-v30.bak`)).toBe(true);
      expect(db.prepare('SELECT case_ref FROM cases').pluck().all()).toEqual(['R1']);
      const columns = (index: string) => (db.pragma(`index_info(${index})`) as Array<{ name: string }>).map((c) => c.name);
      expect(columns('cases_team')).toEqual(['team_id', 'status', 'closed_date', 'id']);
      expect(columns('cases_caseload')).toEqual(['lead_clinician_id', 'status', 'closed_date', 'id']);
      expect(columns('reviews_case')).toEqual(['case_id', 'review_date', 'current_view_id']);
      expect(columns('goal_ratings_ending')).toEqual(['ending_id', 'goal_id', 'score']);
      expect(columns('endings_case_summary')).toEqual(['case_id', 'id', 'reason', 'current_view_id']);
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-30 database with the ending outcomes of its closed cases, worked out from their rows', () => {
    const path = tempDbPath();
    const first = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version <= 30) });
    const cv = `'{}', 'c1', 'x'`;
    // k1: closed, Current Views at open and close, two goals rated at the ending (g2 rated twice on its
    // first day: the first recorded is its first rating); k2: closed with no Current View at open and no
    // goal; k3: open (no outcome).
    first.exec(`BEGIN;
      INSERT INTO teams VALUES ('t1', 'Team', 'x');
      INSERT INTO clinicians VALUES ('c1', 'Ann', 'team_lead', 't1', 'x');
      INSERT INTO young_people VALUES ('y1', 'Jo', '2012-01-01', NULL, 'x', 'x'), ('y2', 'Sam', '2012-01-01', NULL, 'x', 'x'),
        ('y3', 'Kit', '2012-01-01', NULL, 'x', 'x');
      INSERT INTO cases (id, case_ref, young_person_id, referral_date, open_date, closed_date, status, lead_clinician_id, team_id, coordinating_agency, created_at, updated_at)
        VALUES ('k1', 'R1', 'y1', '2026-01-01', '2026-01-02', '2026-04-30', 'closed', 'c1', 't1', 'CAMHS', 'x', 'x'),
          ('k2', 'R2', 'y2', '2026-01-01', '2026-01-02', '2026-05-01', 'closed', 'c1', 't1', 'CAMHS', 'x', 'x'),
          ('k3', 'R3', 'y3', '2026-01-01', '2026-01-02', NULL, 'open', 'c1', 't1', 'CAMHS', 'x', 'x');
      INSERT INTO current_views (id, case_id, context, review_id, ending_id, completed_date, reason, grouping, ratings, recorded_by, created_at)
        VALUES ('v1', 'k1', 'open', NULL, NULL, '2026-01-02', 'first_contact', 'getting_help', ${cv}),
          ('v2', 'k1', 'close', NULL, 'e1', '2026-04-30', 'changed_situation', 'thriving', ${cv}),
          ('v3', 'k2', 'close', NULL, 'e2', '2026-05-01', 'changed_situation', 'getting_advice', ${cv}),
          ('v4', 'k3', 'open', NULL, NULL, '2026-01-02', 'first_contact', 'getting_more_help', ${cv});
      INSERT INTO endings (id, case_id, ending_date, reason, discussed_from_start, current_view_id, created_at, created_by)
        VALUES ('e1', 'k1', '2026-04-30', 'criteria_met', 1, 'v2', 'x', 'c1'), ('e2', 'k2', '2026-05-01', 'moved_away', 0, 'v3', 'x', 'c1');
      INSERT INTO goals (id, case_id, position, description, status, created_on, created_at, created_by)
        VALUES ('g1', 'k1', 1, 'School', 'active', '2026-01-05', 'x', 'c1'), ('g2', 'k1', 2, 'Sleep', 'active', '2026-01-05', 'x', 'c1'),
          ('g3', 'k3', 1, 'Friends', 'active', '2026-01-05', 'x', 'c1');
      INSERT INTO goal_ratings (id, goal_id, rated_on, score, context, review_id, ending_id, created_at, created_by)
        VALUES ('r1', 'g1', '2026-02-01', 5, 'session', NULL, NULL, 'a', 'c1'), ('r2', 'g1', '2026-01-05', 3, 'plan', NULL, NULL, 'b', 'c1'),
          ('r3', 'g1', '2026-04-30', 8, 'ending', NULL, 'e1', 'c', 'c1'), ('r4', 'g2', '2026-01-05', 6, 'plan', NULL, NULL, 'a', 'c1'),
          ('r5', 'g2', '2026-01-05', 1, 'session', NULL, NULL, 'b', 'c1'), ('r6', 'g2', '2026-04-30', 2, 'ending', NULL, 'e1', 'c', 'c1'),
          ('r7', 'g3', '2026-01-05', 4, 'plan', NULL, NULL, 'a', 'c1');
      COMMIT;`);
    first.close();

    const db = openDatabase({ path, key: TEST_KEY, migrations: MIGRATIONS.filter((m) => m.version <= 40) });
    try {
      expect(userVersion(db)).toBe(40);
      expect(existsSync(`${path}.pre-v40.bak`)).toBe(true);
      expect(db.prepare('SELECT * FROM ending_outcomes ORDER BY ending_id').all()).toEqual([
        { ending_id: 'e1', team_id: 't1', lead_clinician_id: 'c1', closed_date: '2026-04-30', reason: 'criteria_met', grouping_at_open: 'getting_help', grouping_at_close: 'thriving', goals_rated: 2 },
        { ending_id: 'e2', team_id: 't1', lead_clinician_id: 'c1', closed_date: '2026-05-01', reason: 'moved_away', grouping_at_open: null, grouping_at_close: 'getting_advice', goals_rated: 0 },
      ]);
      expect(db.prepare('SELECT * FROM goal_outcomes ORDER BY rating_id').all()).toEqual([
        { rating_id: 'r3', ending_id: 'e1', team_id: 't1', lead_clinician_id: 'c1', closed_date: '2026-04-30', first_score: 3, final_score: 8 },
        { rating_id: 'r6', ending_id: 'e1', team_id: 't1', lead_clinician_id: 'c1', closed_date: '2026-04-30', first_score: 6, final_score: 2 },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-40 database with a baseline of its rows in the trail: earlier entries keep their hashes, and it verifies clean', () => {
    const path = tempDbPath();
    const first = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version <= 40) });
    first.exec(`INSERT INTO teams VALUES ('t1', 'Team', 'x');
      INSERT INTO clinicians VALUES ('c1', 'Ann', 'team_lead', 't1', 'x');
      INSERT INTO young_people VALUES ('y1', 'Jo', '2012-01-01', NULL, 'x', 'x');
      INSERT INTO settings VALUES ('profileClinicianId', '"c1"', 'x');`);
    // An entry as schema 40 wrote them: no row digests.
    const entry = { id: 'a1', at: 'x', actor_id: 'c1', case_id: null, young_person_id: null, action: 'team.create', entity: 'team', entity_id: 't1', before: null, after: '{"name":"Team"}', row_digests: null, prev_hash: GENESIS_HASH };
    first
      .prepare(
        `INSERT INTO audit_log (id, at, actor_id, case_id, young_person_id, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (@id, @at, @actor_id, @case_id, @young_person_id, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
      )
      .run({ ...entry, hash: auditHash(entry) });
    const earlier = first.prepare('SELECT * FROM audit_log').all();
    first.close();

    const db = openDatabase({ path, key: TEST_KEY, migrations: MIGRATIONS.filter((m) => m.version <= 50) });
    try {
      expect(userVersion(db)).toBe(50);
      expect(existsSync(`${path}.pre-v50.bak`)).toBe(true);
      // The entry written before keeps its hash (no digests: hashed as it was), and the chain goes on from it.
      expect(db.prepare('SELECT * FROM audit_log WHERE seq = 1').get()).toEqual({ ...(earlier[0] as object), row_digests: null });
      const baseline = db.prepare("SELECT entity_id, row_digests FROM audit_log WHERE action = 'audit.baseline' ORDER BY seq").all() as Array<{ entity_id: string; row_digests: string }>;
      expect(baseline.map((b) => [b.entity_id, (JSON.parse(b.row_digests) as unknown[]).length])).toEqual([
        ['clinicians', 1],
        ['settings', 1],
        ['teams', 1],
        ['young_people', 1],
      ]);
      expect(verifyAudit(db)).toMatchObject({ ok: true, chain: { ok: true, entries: 5 }, rowsChecked: 4, records: [] });
      // From now on an edit behind the app's back is seen.
      db.exec("UPDATE young_people SET name = 'Someone' WHERE id = 'y1'");
      expect(verifyRecords(db).records).toEqual([{ table: 'young_people', id: 'y1', problem: 'changed', fields: ['name'], auditSeq: 5, caseRefs: [] }]);
    } finally {
      db.close();
    }
  });

  it('upgrades a schema-50 database with the sync tables, empty and outside the row digests: it still verifies clean', () => {
    const path = tempDbPath();
    const first = openDatabase({ path, key: TEST_KEY, create: true, migrations: MIGRATIONS.filter((m) => m.version <= 50) });
    first.exec(`INSERT INTO teams VALUES ('t1', 'Team', 'x');
      INSERT INTO clinicians VALUES ('c1', 'Ann', 'team_lead', 't1', 'x');
      INSERT INTO young_people VALUES ('y1', 'Jo', '2012-01-01', NULL, 'x', 'x');
      INSERT INTO cases (id, case_ref, young_person_id, referral_date, open_date, lead_clinician_id, team_id, coordinating_agency, created_at, updated_at)
        VALUES ('k1', 'R1', 'y1', '2026-01-01', '2026-01-02', 'c1', 't1', 'CAMHS', 'x', 'x');`);
    first.close();

    const db = openDatabase({ path, key: TEST_KEY });
    try {
      expect(userVersion(db)).toBe(60);
      expect(existsSync(`${path}.pre-v60.bak`)).toBe(true);
      expect(db.prepare('SELECT case_ref FROM cases').pluck().all()).toEqual(['R1']);
      for (const t of ['sync_state', 'sync_outbox', 'sync_cases', 'sync_push_attempts', 'sync_conflicts']) {
        expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
      }
      // The shape the sign-in token store relies on (main/sync/sign-in.ts): key → JSON, with when.
      expect((db.pragma('table_info(sync_state)') as Array<{ name: string }>).map((c) => c.name)).toEqual(['key', 'value', 'updated_at']);
      expect(() => db.exec("INSERT INTO sync_state VALUES ('teams', 'not json', 'x')")).toThrow(/CHECK/);
      // Bookkeeping rows are not records: writing them changes nothing verify-audit reports (the rows
      // above were written behind the app's back, so they are reported either way).
      const before = verifyRecords(db).records;
      expect(before.map((r) => r.table)).toEqual(['cases', 'clinicians', 'teams', 'young_people']);
      db.exec(`INSERT INTO sync_state VALUES ('teams', '["t1"]', 'x');
        INSERT INTO sync_outbox (case_id, idempotency_key, made_by, made_at) VALUES ('k1', 'i1', 'c1', 'x');
        INSERT INTO sync_cases VALUES ('k1', 3);`);
      expect(verifyRecords(db).records).toEqual(before);
      // One in-flight push per case, one open conflict per case.
      db.exec(`INSERT INTO sync_push_attempts VALUES ('k1', 'i1', 3, 1, '{}', 'x')`);
      expect(() => db.exec(`INSERT INTO sync_push_attempts VALUES ('k1', 'i2', 3, 1, '{}', 'x')`)).toThrow(/UNIQUE/);
      const conflict = (id: string) =>
        `INSERT INTO sync_conflicts (id, case_id, local_document, server_version, server_author_id, server_author_name, server_document, detected_at)
         VALUES ('${id}', 'k1', '{}', 4, 'p2', 'Bo', '{}', 'x')`;
      db.exec(conflict('x1'));
      expect(() => db.exec(conflict('x2'))).toThrow(/UNIQUE/);
      db.exec("UPDATE sync_conflicts SET resolution = 'mine', resolved_at = 'y', resolved_by = 'c1' WHERE id = 'x1'");
      db.exec(conflict('x2'));
      expect(() => db.exec("INSERT INTO sync_outbox (case_id, idempotency_key, made_by, made_at) VALUES ('nope', 'i9', 'c1', 'x')")).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('enforces its CHECK constraints on enums, dates and GBO scores', () => {
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    try {
      db.exec("INSERT INTO teams VALUES ('t1', 'Team', '2026-01-01T00:00:00Z')");
      expect(() => db.exec("INSERT INTO clinicians VALUES ('c1', 'Ann', 'manager', 't1', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO young_people VALUES ('y1', 'Ann', '1/2/2010', NULL, 'x', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO young_people VALUES ('y1', 'Ann', '2010-02-01', '12345', 'x', 'x')")).toThrow(/CHECK/);
      expect(() => db.exec("INSERT INTO teams VALUES ('t2', 'TEAM', 'x')")).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const path = tempDbPath();
    openDatabase({ path, key: TEST_KEY, create: true }).close();
    const raw = openRaw(path);
    raw.pragma('user_version = 9990');
    raw.close();
    expect(() => openDatabase({ path, key: TEST_KEY })).toThrow(/written by a newer version of THRIVE Plans/);
    try {
      openDatabase({ path, key: TEST_KEY });
    } catch (error) {
      expect((error as DatabaseOpenError).reason).toBe('newer_version');
    }
    const check = openRaw(path);
    expect(userVersion(check)).toBe(9990);
    check.close();
  });

  it('copies an existing database (encrypted, verified) before migrating it, all in one transaction', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    db.exec("INSERT INTO teams VALUES ('t1', 'Team Before', '2026-01-01T00:00:00Z')");
    const next = [...MIGRATIONS, { version: NEXT, name: 'test-extra', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY);' }];
    const result = migrate(db, { path, key: TEST_KEY, migrations: next });
    expect(result).toEqual({ from: LATEST_VERSION, to: NEXT, backupPath: `${path}.pre-v${NEXT}.bak` });
    expect(userVersion(db)).toBe(NEXT);
    db.close();

    const backup = openRaw(`${path}.pre-v${NEXT}.bak`);
    expect(userVersion(backup)).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT name FROM teams').pluck().all()).toEqual(['Team Before']);
    expect(names(backup, 'table')).not.toContain('extra');
    backup.close();
    expect(() => new Database(`${path}.pre-v${NEXT}.bak`).prepare('SELECT 1 FROM teams').get()).toThrow(/not a database/);
  });

  it('rolls back every step and the version bump when a migration fails', () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    const broken = [
      ...MIGRATIONS,
      { version: NEXT, name: 'ok-step', sql: 'CREATE TABLE extra (id TEXT);' },
      { version: NEXT + 10, name: 'bad-step', sql: 'CREATE TABLE teams (id TEXT);' },
    ];
    expect(() => migrate(db, { path, key: TEST_KEY, migrations: broken })).toThrow(/already exists/);
    expect(() => migrate(db, { path, key: TEST_KEY, migrations: broken })).toThrow(
      new RegExp(`^Upgrading the database to schema ${NEXT + 10} failed and was undone: the records are exactly as they were\\. A copy taken before the upgrade is at .*pre-v${NEXT + 10}`),
    );
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(names(db, 'table')).not.toContain('extra');
    db.close();
    expect(existsSync(`${path}.pre-v${NEXT + 10}.bak`)).toBe(true);
  });

  it('does not copy a brand-new database, and a second open migrates nothing', () => {
    const path = tempDbPath();
    openDatabase({ path, key: TEST_KEY, create: true }).close();
    const db = openDatabase({ path, key: TEST_KEY });
    expect(migrate(db, { path, key: TEST_KEY })).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupPath: null });
    db.close();
    expect(existsSync(`${path}.pre-v${LATEST_VERSION}.bak`)).toBe(false);
  });

  it('refuses an SQLite file that is not a THRIVE Plans database', () => {
    const path = tempDbPath();
    const other = openRaw(path);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    expect(() => openDatabase({ path, key: TEST_KEY })).toThrow(/not a THRIVE Plans database/);
  });
});
