/**
 * The team view's aggregations (docs/team-view.md) and the supervision pack's plan details, each one statement over
 * the cases of a scope (a team, or one clinician within it) so the number of queries never grows with the
 * number of cases. (The open cases' own counts are made in features/team/team-overview.ts from the one
 * read of the open cases the team table uses.) Plain SQL (GROUP BY, count, CASE): nothing SQLite-only,
 * so the same text runs when the store becomes a shared PostgreSQL. Each statement is covered by an
 * EXPLAIN QUERY PLAN test (tests/db/explain-team.test.ts): every one starts from an index of its scope
 * (the cases index for open cases and the closed count, the ending outcomes' indexes for the closing
 * period), never a scan.
 *
 * Rules that live in shared/ (flags, urgency, time-open buckets, the GBO threshold) are not repeated
 * here: these queries count and pair, and the callers classify with the shared functions.
 */
import type { IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { EndingReason } from '../../../shared/domain/lifecycle';
import type { Likelihood } from '../../../shared/ipc/schemas/plan';
import { stmt, type Db } from '../sql';
import { scopeFilter, type OpenCaseScope } from './caseload';

/** A period of closing dates, both ends inclusive. */
export interface ClosedPeriod {
  from: IsoDate;
  to: IsoDate;
}

function openWhere(scope: OpenCaseScope): { where: string; params: string[] } {
  const f = scopeFilter(scope);
  return { where: `${f.where} AND c.status = 'open'`, params: f.params };
}

function closedWhere(scope: OpenCaseScope): string {
  return `${scopeFilter(scope).where} AND c.status = 'closed' AND c.closed_date >= ? AND c.closed_date <= ?`;
}

function closedParams(scope: OpenCaseScope, period: ClosedPeriod): string[] {
  return [...scopeFilter(scope).params, period.from, period.to];
}

// ---- Cases closed in a period ------------------------------------------------------------------------

export function closedCountSql(scope: OpenCaseScope): string {
  return `SELECT count(*) AS n FROM cases c WHERE ${closedWhere(scope)}`;
}

export function countClosedInPeriod(db: Db, scope: OpenCaseScope, period: ClosedPeriod): number {
  return stmt<string[], { n: number }>(db, closedCountSql(scope)).get(...closedParams(scope, period))!.n;
}

// Cases closed in the period: grouping at open → at close, ending reasons and GBO change at close, from the
// outcome each ending wrote when its case closed (repos/outcomes.ts, migration 0040), so the period is one
// index range of the scope's endings by closing date whatever the size of the history. The scope and the
// date are the case's, copied at close: a closed case never changes team, lead clinician or closing date.

function outcomeWhere(alias: string, scope: OpenCaseScope): { where: string; params: string[] } {
  const dates = `${alias}.closed_date >= ? AND ${alias}.closed_date <= ?`;
  if (scope.teamId !== undefined && scope.clinicianId !== undefined) {
    // `team_id || '' = ?` is `team_id = ?` in any SQL, written so that SQLite cannot take the team's index
    // (whose range holds every clinician's endings, and not the clinician column) for one clinician's: with
    // ANALYZE statistics it otherwise did, reading a table row per ending. The clinician's index holds the team.
    return { where: `${alias}.lead_clinician_id = ? AND ${alias}.team_id || '' = ? AND ${dates}`, params: [scope.clinicianId, scope.teamId] };
  }
  if (scope.teamId !== undefined) return { where: `${alias}.team_id = ? AND ${dates}`, params: [scope.teamId] };
  return { where: `${alias}.lead_clinician_id = ? AND ${dates}`, params: [scope.clinicianId] };
}

function outcomeParams(alias: string, scope: OpenCaseScope, period: ClosedPeriod): string[] {
  return [...outcomeWhere(alias, scope).params, period.from, period.to];
}

/**
 * At most 8 reasons × 6 × 6 rows (a grouping, or NULL where that Current View was not recorded), each with
 * its number of endings and how many of those had a goal rated at close.
 */
export function endingOutcomesSql(scope: OpenCaseScope): string {
  return `SELECT o.reason AS reason, o.grouping_at_open AS from_grouping, o.grouping_at_close AS to_grouping, count(*) AS n,
      sum(CASE WHEN o.goals_rated > 0 THEN 1 ELSE 0 END) AS rated
    FROM ending_outcomes o
    WHERE ${outcomeWhere('o', scope).where}
    GROUP BY o.reason, o.grouping_at_open, o.grouping_at_close`;
}

/** Goals rated at close, paired as (first rating, final rating): at most 11 × 11 rows. */
export function goalOutcomesSql(scope: OpenCaseScope): string {
  return `SELECT g.first_score AS first_score, g.final_score AS final_score, count(*) AS n
    FROM goal_outcomes g
    WHERE ${outcomeWhere('g', scope).where}
    GROUP BY g.first_score, g.final_score`;
}

export interface TransitionRow {
  from_grouping: GroupingCode;
  to_grouping: GroupingCode;
  n: number;
}

export interface GboAtClose {
  pairs: Array<{ first_score: number; final_score: number; n: number }>;
  /** Cases closed in the period with at least one goal rated at close. */
  cases: number;
}

export interface PeriodOutcomes {
  endingReasons: Array<{ reason: EndingReason; n: number }>;
  /**
   * Grouping in the Current View at open against the one at close, for the endings that have both. One
   * per case: a case has one ending, and at most one Current View at open and one at close.
   */
  openToClose: TransitionRow[];
  gboAtClose: GboAtClose;
}

interface EndingOutcomeRow {
  reason: EndingReason;
  from_grouping: GroupingCode | null;
  to_grouping: GroupingCode | null;
  n: number;
  rated: number;
}

export function countPeriodOutcomes(db: Db, scope: OpenCaseScope, period: ClosedPeriod): PeriodOutcomes {
  const rows = stmt<string[], EndingOutcomeRow>(db, endingOutcomesSql(scope)).all(...outcomeParams('o', scope, period));
  const reasons = new Map<EndingReason, number>();
  const transitions = new Map<string, TransitionRow>();
  let cases = 0;
  for (const r of rows) {
    reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + r.n);
    cases += r.rated;
    if (r.from_grouping === null || r.to_grouping === null) continue;
    const key = `${r.from_grouping} ${r.to_grouping}`;
    const t = transitions.get(key);
    if (t) t.n += r.n;
    else transitions.set(key, { from_grouping: r.from_grouping, to_grouping: r.to_grouping, n: r.n });
  }
  const pairs = stmt<string[], { first_score: number; final_score: number; n: number }>(db, goalOutcomesSql(scope)).all(
    ...outcomeParams('g', scope, period),
  );
  return {
    endingReasons: [...reasons].map(([reason, n]) => ({ reason, n })),
    openToClose: [...transitions.values()],
    gboAtClose: { pairs, cases },
  };
}

// ---- Plan details of open cases (the supervision pack) ---------------------------------------------

export interface OpenPlanRow {
  case_id: string;
  version_no: number;
  agreed_date: string;
  agreed_outcome: string;
  likelihood: Likelihood;
  likelihood_note: string | null;
  target_date: string;
  contingency: string | null;
  risk_support_summary: string | null;
}

export function openPlansSql(scope: OpenCaseScope): string {
  return `SELECT p.case_id, p.version_no, p.agreed_date, p.agreed_outcome, p.likelihood, p.likelihood_note, p.target_date,
      p.contingency, p.risk_support_summary
    FROM cases c JOIN plans p ON p.case_id = c.id AND p.superseded_by IS NULL
    WHERE ${openWhere(scope).where}`;
}

/** The plan in force of every open case of the scope that has one. */
export function listOpenPlans(db: Db, scope: OpenCaseScope): OpenPlanRow[] {
  return stmt<string[], OpenPlanRow>(db, openPlansSql(scope)).all(...openWhere(scope).params);
}

export function openCriteriaSql(scope: OpenCaseScope): string {
  return `SELECT ec.case_id, ec.text
    FROM cases c JOIN ending_criteria ec ON ec.case_id = c.id AND ec.retired_at IS NULL
    WHERE ${openWhere(scope).where}
    ORDER BY ec.case_id, ec.position, ec.created_at, ec.id`;
}

/** The ending criteria in force of every open case of the scope, by case then position. */
export function listOpenCriteria(db: Db, scope: OpenCaseScope): Array<{ case_id: string; text: string }> {
  return stmt<string[], { case_id: string; text: string }>(db, openCriteriaSql(scope)).all(...openWhere(scope).params);
}
