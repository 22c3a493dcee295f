/**
 * Every team-view query starts from an index of its scope and reaches everything else by key or index:
 * the open-case queries and the closed count from the cases index (cases_team, or cases_caseload for one
 * clinician), the closing period's figures from the ending outcomes' own indexes (migration 0040).
 * Nothing walks a whole table, so the team view stays quick however many teams, cases and Current Views
 * the database holds. Checked with no planner statistics, with those PRAGMA optimize leaves (the app runs
 * it on close) and after a full ANALYZE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeGoalRatingsSql, openCaseFactsSql, type OpenCaseScope } from '../../main/db/repos/caseload';
import {
  closedCountSql,
  endingOutcomesSql,
  goalOutcomesSql,
  openCriteriaSql,
  openPlansSql,
} from '../../main/db/repos/team';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/sql';
import { generateCaseload } from '../support/synthetic-caseload';
import { TEST_KEY } from '../support/temp-db';

const QUERIES: Record<string, (scope: OpenCaseScope) => string> = {
  'open case facts': openCaseFactsSql,
  'active goal ratings': activeGoalRatingsSql,
  'cases closed in the period': closedCountSql,
  'plans in force': openPlansSql,
  'ending criteria in force': openCriteriaSql,
};

const SCOPES: Array<{ what: string; scope: OpenCaseScope; index: RegExp }> = [
  { what: 'a team', scope: { teamId: 'x' }, index: /^SEARCH c USING (COVERING )?INDEX cases_team \(team_id=\? AND status=\?/ },
  { what: 'one clinician of a team', scope: { teamId: 'x', clinicianId: 'y' }, index: /^SEARCH c USING (COVERING )?INDEX cases_(team|caseload) \(/ },
];

// The closing period's figures (grouping at open and at close, ending reasons, GBO change at close) read the
// outcome each ending wrote at close: one range of the scope's index by closing date, answered from the
// index alone (every column they group is in it), never the cases, Current Views or ratings behind them.
const PERIOD_QUERIES: Array<{ what: string; sql: (scope: OpenCaseScope) => string; alias: string; table: string }> = [
  { what: 'ending outcomes', sql: endingOutcomesSql, alias: 'o', table: 'ending_outcomes' },
  { what: 'goal outcomes (GBO first and final ratings)', sql: goalOutcomesSql, alias: 'g', table: 'goal_outcomes' },
];

const PERIOD_SCOPES: Array<{ what: string; scope: OpenCaseScope; index: string; range: string }> = [
  { what: 'a team', scope: { teamId: 'x' }, index: 'team', range: 'team_id=? AND closed_date>? AND closed_date<?' },
  { what: 'one clinician of a team', scope: { teamId: 'x', clinicianId: 'y' }, index: 'clinician', range: 'lead_clinician_id=? AND closed_date>? AND closed_date<?' },
  { what: 'one clinician', scope: { clinicianId: 'y' }, index: 'clinician', range: 'lead_clinician_id=? AND closed_date>? AND closed_date<?' },
];

function plan(db: Db, sql: string): string[] {
  const params = Array.from(sql.matchAll(/\?/g), () => 'x');
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

/** Steps that walk a whole table or index. */
function scans(steps: readonly string[]): string[] {
  return steps.filter((s) => /^SCAN /.test(s));
}

let dir: string;
const dbs: Record<string, Db> = {};

beforeAll(() => {
  // Its own folder: temp-db's folders are removed after each test, and these databases serve the file.
  dir = mkdtempSync(join(tmpdir(), 'thrive-explain-'));
  // A service of three teams, and the local default: one team holding every case (where a team index
  // narrows nothing, and a planner with statistics is most tempted to start elsewhere).
  for (const [name, teams] of [['three teams', 3], ['one team', 1]] as const) {
    const db = openDatabase({ path: join(dir, `${teams}.db`), key: TEST_KEY, create: true });
    generateCaseload(db, { seed: 3, today: '2026-11-16', teams, cliniciansPerTeam: 4, openCases: 900, closedCases: 300 });
    dbs[name] = db;
  }
});

afterAll(() => {
  for (const db of Object.values(dbs)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

// In order on each database: no statistics; what the app's PRAGMA optimize on close leaves (sampled, and
// for a one-team database misleading: it once sent the grouping query through every Current View);
// then a full ANALYZE.
const STATISTICS = [
  { what: 'none', sql: null },
  { what: 'PRAGMA optimize', sql: 'PRAGMA optimize' },
  { what: 'ANALYZE', sql: 'ANALYZE' },
];

describe.each(['three teams', 'one team'])('EXPLAIN QUERY PLAN of the team view on %s', (shape) => {
  describe.each(STATISTICS)('statistics: $what', ({ sql: statistics }) => {
    beforeAll(() => {
      if (statistics) dbs[shape]!.exec(statistics);
    });

    it.each(SCOPES)('every query for $what starts from its cases index and scans nothing', ({ scope, index }) => {
      for (const [what, sql] of Object.entries(QUERIES)) {
        const steps = plan(dbs[shape]!, sql(scope));
        expect(steps.some((s) => index.test(s)), `${what}:\n${steps.join('\n')}`).toBe(true);
        expect(scans(steps), `${what}:\n${steps.join('\n')}`).toEqual([]);
      }
    });

    it.each(PERIOD_SCOPES)('the closing period for $what is one covering range of the outcomes index by closing date', ({ scope, index, range }) => {
      for (const { what, sql, alias, table } of PERIOD_QUERIES) {
        const steps = plan(dbs[shape]!, sql(scope));
        const wanted = `SEARCH ${alias} USING COVERING INDEX ${table}_${index} (${range})`;
        expect(steps.filter((s) => s.startsWith('SEARCH')), `${what}:\n${steps.join('\n')}`).toEqual([wanted]);
        expect(scans(steps), `${what}:\n${steps.join('\n')}`).toEqual([]);
      }
    });
  });
});

// Migration 0030 (docs/performance.md): at trust scale what makes these queries fast is reading no table row they do
// not need, since every page read from the file is decrypted. Each step named here must be answered
// from an index alone ("COVERING"); a plan that drops back to the table would be several times slower
// on a 100,000-case database (bench/trust-scale.ts) while every test still passed.
const COVERED: Array<{ what: string; sql: (scope: OpenCaseScope) => string; steps: RegExp[] }> = [
  // The open cases' grouping at open (the team view's "at open → now", and the flags' missing Current View).
  { what: 'open case facts (grouping at open)', sql: openCaseFactsSql, steps: [/^SEARCH cv USING COVERING INDEX current_views_case \(case_id=\?\)/] },
  { what: 'cases closed in the period', sql: closedCountSql, steps: [/^SEARCH c USING COVERING INDEX cases_team /] },
  { what: 'active goal ratings', sql: activeGoalRatingsSql, steps: [/^SEARCH r USING COVERING INDEX goal_ratings_goal /] },
];

describe.each(['three teams', 'one team'])('the trust-scale indexes on %s (after ANALYZE)', (shape) => {
  it.each(COVERED)('$what reads what it needs from indexes alone', ({ sql, steps: wanted }) => {
    const steps = plan(dbs[shape]!, sql({ teamId: 'x' }));
    for (const step of wanted) expect(steps.some((s) => step.test(s)), `${step}\n${steps.join('\n')}`).toBe(true);
  });

  it('the open case facts count reviews without their Current View from the reviews index alone', () => {
    const steps = plan(dbs[shape]!, openCaseFactsSql({ teamId: 'x' }));
    expect(steps.filter((s) => /SEARCH r USING COVERING INDEX reviews_case /.test(s)).length, steps.join('\n')).toBeGreaterThanOrEqual(2);
  });
});
