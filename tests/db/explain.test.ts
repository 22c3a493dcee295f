/** The caseload and team queries must stay on their indexes as the data grows: no full scan of cases. */
import { describe, expect, it } from 'vitest';
import { CASE_AUDIT_WITH_ACTORS_SQL } from '../../main/db/repos/audit';
import { activeGoalRatingsSql, CASE_FACTS_SQL, openCaseFactsSql, type OpenCaseScope } from '../../main/db/repos/caseload';
import { EPISODE_LINKS_SQL } from '../../main/db/repos/cases';
import { CASE_CURRENT_VIEWS_SQL } from '../../main/db/repos/current-views';
import { DRAFT_SQL } from '../../main/db/repos/drafts';
import { CASE_ENDING_SQL, CASE_ENDING_STATUS_SQL } from '../../main/db/repos/endings';
import { CASE_GOAL_RATINGS_SQL, CASE_GOALS_SQL } from '../../main/db/repos/goals';
import { CASE_CRITERIA_SQL, CASE_PLANS_SQL } from '../../main/db/repos/plans';
import { CASE_REVIEW_PROGRESS_SQL, CASE_REVIEWS_SQL } from '../../main/db/repos/reviews';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/sql';
import { TEST_KEY, tempDbPath } from '../support/temp-db';

function plan(db: Db, sql: string): string[] {
  const params = Array.from(sql.matchAll(/\?/g), () => 'x');
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

/** Steps that read a whole table rather than seeking by its primary key or an index. */
function fullScans(steps: readonly string[]): string[] {
  return steps.filter((s) => /^SCAN /.test(s) && !/USING (COVERING )?INDEX/.test(s));
}

/** Enough rows that the planner's statistics look like a real caseload (open and closed cases, goals). */
function seeded(analyze: boolean): Db {
  const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
  const clinician = db.prepare("INSERT INTO clinicians VALUES (?, ?, 'clinician', ?, 'x')");
  const person = db.prepare("INSERT INTO young_people VALUES (?, 'Y', '2010-01-01', NULL, 'x', 'x')");
  const kase = db.prepare(
    `INSERT INTO cases (id, case_ref, young_person_id, referral_date, open_date, status, closed_date, lead_clinician_id, team_id,
       coordinating_agency, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-02', ?, ?, ?, ?, 'CAMHS', 'x', 'x')`,
  );
  const goal = db.prepare(
    "INSERT INTO goals (id, case_id, position, description, created_on, created_at, created_by) VALUES (?, ?, 1, 'g', '2026-01-02', 'x', 'x')",
  );
  const rating = db.prepare("INSERT INTO goal_ratings VALUES (?, ?, '2026-01-02', 5, 'session', NULL, NULL, 'x', 'x')");
  db.transaction(() => {
    db.exec("INSERT INTO teams VALUES ('t0', 'Team 0', 'x'), ('t1', 'Team 1', 'x')");
    for (let c = 0; c < 20; c++) clinician.run(`c${c}`, `C ${c}`, `t${c % 2}`);
    for (let i = 0; i < 2000; i++) {
      person.run(`y${i}`);
      kase.run(`k${i}`, `R${i}`, `y${i}`, i % 3 ? 'closed' : 'open', i % 3 ? '2026-02-01' : null, `c${i % 20}`, `t${i % 2}`);
      goal.run(`g${i}`, `k${i}`);
      rating.run(`r${i}`, `g${i}`);
    }
  })();
  if (analyze) db.exec('ANALYZE');
  return db;
}

// With and without ANALYZE statistics: the app runs PRAGMA optimize on close, so both happen in use.
const SCOPES: Array<{ what: string; scope: OpenCaseScope; index: string; analyze: boolean }> = [
  { what: 'caseload (one clinician)', scope: { clinicianId: 'x' }, index: 'cases_caseload', analyze: false },
  { what: 'caseload (one clinician)', scope: { clinicianId: 'x' }, index: 'cases_caseload', analyze: true },
  { what: 'team view (one team)', scope: { teamId: 'x' }, index: 'cases_team', analyze: false },
  { what: 'team view (one team)', scope: { teamId: 'x' }, index: 'cases_team', analyze: true },
];

describe('EXPLAIN QUERY PLAN', () => {
  it.each(SCOPES)('the $what query searches cases by $index (with statistics: $analyze)', ({ scope, index, analyze }) => {
    const db = seeded(analyze);
    try {
      for (const sql of [openCaseFactsSql(scope), activeGoalRatingsSql(scope)]) {
        const steps = plan(db, sql);
        expect(steps.some((s) => new RegExp(`^SEARCH c USING (COVERING )?INDEX ${index} `).test(s)), steps.join('\n')).toBe(true);
        // No step reads a whole table: every other table is reached by its primary key or an index.
        expect(fullScans(steps), steps.join('\n')).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});

// Every query behind the case page (cases:get), its History and drafts: each reads one case's rows.
const CASE_QUERIES: Record<string, string> = {
  'case facts': CASE_FACTS_SQL,
  'episode links': EPISODE_LINKS_SQL,
  goals: CASE_GOALS_SQL,
  'goal ratings': CASE_GOAL_RATINGS_SQL,
  'Current Views': CASE_CURRENT_VIEWS_SQL,
  'plan versions': CASE_PLANS_SQL,
  'ending criteria': CASE_CRITERIA_SQL,
  reviews: CASE_REVIEWS_SQL,
  'review criteria progress': CASE_REVIEW_PROGRESS_SQL,
  ending: CASE_ENDING_SQL,
  'ending criteria status': CASE_ENDING_STATUS_SQL,
  history: CASE_AUDIT_WITH_ACTORS_SQL,
  draft: DRAFT_SQL,
};

describe('EXPLAIN QUERY PLAN of the case page, History and drafts', () => {
  it.each([false, true])('no query reads a whole table (with statistics: %s)', (analyze) => {
    const db = seeded(analyze);
    try {
      for (const [what, sql] of Object.entries(CASE_QUERIES)) {
        const steps = plan(db, sql);
        expect(fullScans(steps), `${what}:\n${steps.join('\n')}`).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});
