/**
 * Hazard H31: the team view's closing-period figures (grouping at open → at close, GBO change at close,
 * ending reasons, cases closed) now come from the outcome each ending wrote when its case closed
 * (main/db/repos/outcomes.ts, migration 0040). A summary that drifted from its source would misreport
 * outcomes, so the figures must be exactly what the per-case queries they replaced gave. Those queries
 * are kept here, word for word, as the oracle, and run against the same database: on a generated
 * caseload; after more cases are closed through the channels (every reason and grouping), one closed
 * case is re-opened and its new episode closed, and a clinician with closed cases moves team; and after
 * the outcomes are dropped and rebuilt by the migration's backfill from the source rows alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { addMonthsTo, type IsoDate } from '../../shared/dates';
import { classifyGboChange } from '../../shared/domain/gbo';
import { GROUPING_CODES, type GroupingCode } from '../../shared/domain/groupings';
import { ENDING_REASONS, type EndingReason } from '../../shared/domain/lifecycle';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import type { TeamOverview } from '../../shared/ipc/types';
import { createAppServices, type AppServices } from '../../main/app-services';
import { LATEST_VERSION, MIGRATIONS, userVersion } from '../../main/db/migrate';
import { openDatabase } from '../../main/db/open';
import { scopeFilter, type OpenCaseScope } from '../../main/db/repos/caseload';
import { putSetting } from '../../main/db/repos/settings';
import { sqlString, type Db } from '../../main/db/sql';
import { TEST_KEY } from '../support/temp-db';
import { generateCaseload, type GeneratedCaseload } from '../support/synthetic-caseload';
import { closeArgs, currentViewArgs, ratings } from '../support/test-app';

const TODAY: IsoDate = '2026-11-16';

// ---- The oracle: the statements the team view used before migration 0040, unchanged ----------------

function closedWhere(scope: OpenCaseScope): string {
  return `${scopeFilter(scope).where} AND c.status = 'closed' AND c.closed_date >= ? AND c.closed_date <= ?`;
}

const OLD = {
  closedCount: (scope: OpenCaseScope) => `SELECT count(*) AS n FROM cases c WHERE ${closedWhere(scope)}`,
  openToClose: (scope: OpenCaseScope) => `SELECT vo.grouping AS from_grouping, vc.grouping AS to_grouping, count(*) AS n
    FROM cases c CROSS JOIN current_views vo CROSS JOIN current_views vc
    WHERE vo.case_id = c.id AND vo.context || '' = 'open' AND vc.case_id = c.id AND vc.context = 'close' AND ${closedWhere(scope)}
    GROUP BY vo.grouping, vc.grouping`,
  endingReasons: (scope: OpenCaseScope) => `SELECT e.reason AS reason, count(*) AS n
    FROM cases c JOIN endings e ON e.case_id = c.id
    WHERE ${closedWhere(scope)}
    GROUP BY e.reason`,
  gboPairs: (scope: OpenCaseScope) => `WITH pairs AS MATERIALIZED (
      SELECT
        c.id AS case_id,
        (SELECT f.score FROM goal_ratings f WHERE f.goal_id = r.goal_id ORDER BY f.rated_on, f.created_at, f.id LIMIT 1) AS first_score,
        r.score AS final_score
      FROM cases c
      JOIN endings e ON e.case_id = c.id
      JOIN goal_ratings r ON r.ending_id = e.id
      WHERE ${closedWhere(scope)}
    )
    SELECT first_score, final_score, count(*) AS n FROM pairs GROUP BY first_score, final_score
    UNION ALL
    SELECT NULL, NULL, count(DISTINCT case_id) FROM pairs`,
};

type PeriodFigures = Pick<TeamOverview, 'openToClose' | 'gboAtClose' | 'endingReasons' | 'closedInPeriod'>;

const groupingOrder = (g: GroupingCode | null) => (g === null ? GROUPING_CODES.length : GROUPING_CODES.indexOf(g));

/** The period figures as the team view showed them before: the old statements, classified as it did. */
function oracle(db: Db, scope: OpenCaseScope, period: { from: IsoDate; to: IsoDate }): PeriodFigures {
  const params = [...scopeFilter(scope).params, period.from, period.to];
  const all = <R,>(sql: string) => db.prepare(sql).all(...params) as R[];
  const reasons = new Map(all<{ reason: EndingReason; n: number }>(OLD.endingReasons(scope)).map((r) => [r.reason, r.n]));
  const gbo = { improved: 0, noReliableChange: 0, deteriorated: 0, goals: 0, cases: 0 };
  for (const p of all<{ first_score: number | null; final_score: number | null; n: number }>(OLD.gboPairs(scope))) {
    if (p.first_score === null || p.final_score === null) {
      gbo.cases = p.n;
      continue;
    }
    const change = classifyGboChange(p.first_score, p.final_score);
    if (change === 'improved') gbo.improved += p.n;
    else if (change === 'deteriorated') gbo.deteriorated += p.n;
    else gbo.noReliableChange += p.n;
    gbo.goals += p.n;
  }
  return {
    openToClose: all<{ from_grouping: GroupingCode; to_grouping: GroupingCode; n: number }>(OLD.openToClose(scope))
      .map((r) => ({ from: r.from_grouping, to: r.to_grouping, count: r.n }))
      .sort((a, b) => groupingOrder(a.from) - groupingOrder(b.from) || groupingOrder(a.to) - groupingOrder(b.to)),
    gboAtClose: gbo,
    endingReasons: ENDING_REASONS.map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
    closedInPeriod: (db.prepare(OLD.closedCount(scope)).get(...params) as { n: number }).n,
  };
}

// ---- The database: generated, then changed through the channels -----------------------------------

let dir: string;
let dbPath: string;
let services: AppServices;
let g: GeneratedCaseload;
/** The clinician moved to the other team by the second test. */
let mover: string;

function start(): void {
  services = createAppServices({ dbPath, key: TEST_KEY, create: true, clock: fixedClock(TODAY), log: () => {} });
}

function ok<C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C> {
  const result = services.invoke(channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ResultOf<C>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thrive-outcomes-'));
  dbPath = join(dir, 'outcomes.db');
  start();
  // Two years of history: most cases closed, across every grouping, reason and GBO change.
  g = generateCaseload(services.db, { seed: 31, today: TODAY, teams: 2, cliniciansPerTeam: 5, openCases: 240, closedCases: 600 });
});

afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

const PERIODS: Array<{ what: string; args: { closedFrom?: IsoDate; closedTo?: IsoDate } }> = [
  { what: 'the default 12 months', args: {} },
  { what: 'all time', args: { closedFrom: '2000-01-01', closedTo: TODAY } },
  { what: 'one month', args: { closedFrom: '2026-03-01', closedTo: '2026-03-31' } },
  { what: 'today only', args: { closedFrom: TODAY, closedTo: TODAY } },
  { what: 'a year with no endings', args: { closedFrom: '2010-01-01', closedTo: '2010-12-31' } },
];

/**
 * Every team as its own lead, and its clinicians as they are now (two, and any who moved in), over every
 * period: the view against the oracle.
 */
function expectSameAsOracle(movedIn: string[] = []): number {
  let compared = 0;
  for (const team of g.teams) {
    putSetting(services.db, 'profileClinicianId', team.leadId, `${TODAY}T12:00:00.000Z`);
    const members = services.db.prepare("SELECT id FROM clinicians WHERE team_id = ? AND role = 'clinician' ORDER BY id").pluck().all(team.id) as string[];
    const drills = [undefined, ...members.slice(0, 2), ...members.filter((id) => movedIn.includes(id))];
    for (const clinicianId of drills) {
      for (const { what, args } of PERIODS) {
        const o = ok('team:overview', { ...args, ...(clinicianId ? { clinicianId } : {}) });
        const scope: OpenCaseScope = clinicianId ? { teamId: team.id, clinicianId } : { teamId: team.id };
        const period = { from: args.closedFrom ?? addMonthsTo(TODAY, -12), to: args.closedTo ?? TODAY };
        const figures: PeriodFigures = { openToClose: o.openToClose, gboAtClose: o.gboAtClose, endingReasons: o.endingReasons, closedInPeriod: o.closedInPeriod };
        expect(figures, `${team.name}, ${clinicianId ?? 'whole team'}, ${what}`).toEqual(oracle(services.db, scope, period));
        compared++;
      }
    }
  }
  return compared;
}

function outcomeRows(db: Db): { endings: unknown[]; goals: unknown[] } {
  return {
    endings: db.prepare('SELECT * FROM ending_outcomes ORDER BY ending_id').all(),
    goals: db.prepare('SELECT * FROM goal_outcomes ORDER BY rating_id').all(),
  };
}

describe('the closing-period figures from the ending outcomes', () => {
  it('equal the per-case queries they replaced on a generated caseload, for every scope and period', () => {
    // The oracle has something to say: transitions, every kind of GBO change and many reasons.
    const west = oracle(services.db, { teamId: g.teams[0]!.id }, { from: '2000-01-01', to: TODAY });
    expect(west.openToClose.length).toBeGreaterThan(5);
    expect(west.gboAtClose.improved && west.gboAtClose.noReliableChange && west.gboAtClose.deteriorated).toBeTruthy();
    expect(west.endingReasons.filter((r) => r.count > 0).length).toBeGreaterThanOrEqual(6);
    expect(expectSameAsOracle()).toBe(2 * 3 * PERIODS.length);
  });

  it('still equal them after closing cases through the channels, re-opening one and moving a clinician', () => {
    const west = g.teams[0]!;
    putSetting(services.db, 'profileClinicianId', west.leadId, `${TODAY}T12:00:00.000Z`);
    const before = ok('team:overview', {});
    // Open cases of the west team with a plan, closed today with every reason and grouping in turn, and
    // final ratings spread over the scale (so some GBO changes cross the threshold and some do not).
    const targets = g.cases.filter((c) => c.status === 'open' && c.teamId === west.id && c.hasPlan).slice(0, 16);
    expect(targets.length).toBe(16);
    targets.forEach((c, i) => {
      const detail = ok('cases:get', { caseId: c.id });
      const reason = ENDING_REASONS[i % ENDING_REASONS.length]!;
      ok(
        'cases:close',
        closeArgs(detail, {
          endingDate: TODAY,
          reason,
          reasonOther: reason === 'other' ? 'Family moved to a private service' : null,
          finalRatings: detail.goals.filter((goal) => goal.status === 'active').map((goal, j) => ({ goalId: goal.id, score: (i * 3 + j * 7) % 11 })),
          currentView: { reason: 'changed_situation', grouping: GROUPING_CODES[i % GROUPING_CODES.length]!, ratings: ratings() },
        }),
      );
    });
    const after = ok('team:overview', {});
    expect(after.closedInPeriod).toBe(before.closedInPeriod + 16);
    expect(after.gboAtClose.goals).toBeGreaterThan(before.gboAtClose.goals);

    // A closed case re-opened as a new episode, which gets its Current View at open and is closed again.
    const first = ok('cases:get', { caseId: targets[0]!.id });
    const episode = ok('cases:reopen', {
      caseId: first.summary.id,
      caseVersion: first.summary.version,
      referralDate: TODAY,
      openDate: TODAY,
      leadClinicianId: first.summary.leadClinicianId,
      reason: 'Worries came back',
    });
    ok('currentView:record', currentViewArgs(episode.id, { completedDate: TODAY, grouping: 'getting_risk_support' }));
    ok('cases:close', closeArgs(ok('cases:get', { caseId: episode.id }), { endingDate: TODAY, reason: 'transferred' }));
    expect(ok('team:overview', {}).closedInPeriod).toBe(after.closedInPeriod + 1);

    // A clinician with closed cases moves to the other team: their open cases go with them, their closed
    // cases (and those cases' outcomes) stay with the team that held them.
    mover = targets.map((c) => c.leadClinicianId).find((id) => id !== west.leadId)!;
    ok('clinicians:update', { clinicianId: mover, teamId: g.teams[1]!.id });
    expect(services.db.prepare("SELECT count(*) FROM cases WHERE lead_clinician_id = ? AND status = 'closed' AND team_id = ?").pluck().get(mover, west.id)).toBeGreaterThan(0);

    expectSameAsOracle([mover]);
  });

  it('are rebuilt exactly by the migration from the source rows alone', () => {
    const written = outcomeRows(services.db);
    expect(written.endings.length).toBe(600 + 17);
    services.close();

    // The database as schema 30 held it: the same rows without the outcome tables.
    const raw = new Database(dbPath, { fileMustExist: true });
    raw.pragma(`hexkey=${sqlString(TEST_KEY)}`);
    raw.exec('DROP TABLE goal_outcomes; DROP TABLE ending_outcomes;');
    raw.pragma('user_version = 30');
    raw.close();

    // Migration 0040 alone runs again; the later ones are in place already.
    const again = openDatabase({ path: dbPath, key: TEST_KEY, migrations: MIGRATIONS.filter((m) => m.version <= 40) });
    expect(userVersion(again)).toBe(40);
    again.pragma(`user_version = ${LATEST_VERSION}`);
    again.close();

    start();
    expect(outcomeRows(services.db)).toEqual(written);
    expectSameAsOracle([mover]);
  });
});
