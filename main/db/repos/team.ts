/**
 * The team view's aggregations (issue 4), each one statement over the cases of a scope (a team, or one
 * clinician within it) so the number of queries never grows with the number of cases. Plain SQL
 * (GROUP BY, count, a correlated LIMIT 1 subquery): nothing SQLite-only, so the same text runs when the
 * store becomes a shared PostgreSQL. Each statement is covered by an EXPLAIN QUERY PLAN test
 * (tests/db/explain-team.test.ts): every one starts from a cases index, never a scan.
 *
 * Rules that live in shared/ (flags, urgency, time-open buckets, the GBO threshold) are not repeated
 * here: these queries count and pair, and the callers classify with the shared functions.
 *
 * Some joins are written `cases c CROSS JOIN x … WHERE x.case_id = c.id`. In standard SQL (and in
 * PostgreSQL) that is an ordinary inner join; SQLite also takes it as "read cases first", which keeps
 * its planner on the team's index once ANALYZE statistics exist, instead of walking every Current View
 * (or every clinician) of the whole service and looking each case up.
 */
import type { IsoDate } from '../../../shared/dates';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { EndingReason } from '../../../shared/domain/lifecycle';
import type { Role } from '../../../shared/ipc/schemas/clinicians';
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

// ---- Open cases ------------------------------------------------------------------------------------

export function openByGroupingSql(scope: OpenCaseScope): string {
  return `SELECT c.grouping AS grouping, count(*) AS n FROM cases c WHERE ${openWhere(scope).where} GROUP BY c.grouping`;
}

/** Open cases by their grouping now (null: no Current View at open yet). */
export function countOpenByGrouping(db: Db, scope: OpenCaseScope): Array<{ grouping: GroupingCode | null; n: number }> {
  return stmt<string[], { grouping: GroupingCode | null; n: number }>(db, openByGroupingSql(scope)).all(...openWhere(scope).params);
}

export function openByClinicianSql(scope: OpenCaseScope): string {
  return `SELECT cl.id AS clinician_id, cl.name AS name, cl.role AS role, count(*) AS n
    FROM cases c CROSS JOIN clinicians cl
    WHERE cl.id = c.lead_clinician_id AND ${openWhere(scope).where}
    GROUP BY cl.id, cl.name, cl.role`;
}

/** Open cases by lead clinician (only clinicians with at least one). */
export function countOpenByClinician(db: Db, scope: OpenCaseScope): Array<{ clinician_id: string; name: string; role: Role; n: number }> {
  return stmt<string[], { clinician_id: string; name: string; role: Role; n: number }>(db, openByClinicianSql(scope)).all(
    ...openWhere(scope).params,
  );
}

export interface TransitionRow {
  from_grouping: GroupingCode;
  to_grouping: GroupingCode;
  n: number;
}

// `context || '' = 'open'` is `context = 'open'` in any SQL, written so that SQLite cannot use the partial
// unique index current_views_one_opening, which holds no grouping and would send it to read every
// Current View's row (all 50 ratings) for one column; current_views_case answers from the index alone.
export function openToNowSql(scope: OpenCaseScope): string {
  return `SELECT v.grouping AS from_grouping, c.grouping AS to_grouping, count(*) AS n
    FROM cases c CROSS JOIN current_views v
    WHERE v.case_id = c.id AND v.context || '' = 'open' AND ${openWhere(scope).where} AND c.grouping IS NOT NULL
    GROUP BY v.grouping, c.grouping`;
}

/** Open cases: the grouping agreed in the Current View at open against the case's grouping now. */
export function countOpenToNow(db: Db, scope: OpenCaseScope): TransitionRow[] {
  return stmt<string[], TransitionRow>(db, openToNowSql(scope)).all(...openWhere(scope).params);
}

// ---- Cases closed in a period ------------------------------------------------------------------------

export function closedCountSql(scope: OpenCaseScope): string {
  return `SELECT count(*) AS n FROM cases c WHERE ${closedWhere(scope)}`;
}

export function countClosedInPeriod(db: Db, scope: OpenCaseScope, period: ClosedPeriod): number {
  return stmt<string[], { n: number }>(db, closedCountSql(scope)).get(...closedParams(scope, period))!.n;
}

export function openToCloseSql(scope: OpenCaseScope): string {
  return `SELECT vo.grouping AS from_grouping, vc.grouping AS to_grouping, count(*) AS n
    FROM cases c CROSS JOIN current_views vo CROSS JOIN current_views vc
    WHERE vo.case_id = c.id AND vo.context || '' = 'open' AND vc.case_id = c.id AND vc.context = 'close' AND ${closedWhere(scope)}
    GROUP BY vo.grouping, vc.grouping`;
}

/**
 * Cases closed in the period: grouping in the Current View at open against the one at close. A case has
 * one of each (the opening is unique per case; the closing Current View is written once, with the
 * case's one ending, and a re-opened case is a new case row), so each case counts once.
 */
export function countOpenToClose(db: Db, scope: OpenCaseScope, period: ClosedPeriod): TransitionRow[] {
  return stmt<string[], TransitionRow>(db, openToCloseSql(scope)).all(...closedParams(scope, period));
}

export function endingReasonsSql(scope: OpenCaseScope): string {
  return `SELECT e.reason AS reason, count(*) AS n
    FROM cases c JOIN endings e ON e.case_id = c.id
    WHERE ${closedWhere(scope)}
    GROUP BY e.reason`;
}

export function countEndingReasons(db: Db, scope: OpenCaseScope, period: ClosedPeriod): Array<{ reason: EndingReason; n: number }> {
  return stmt<string[], { reason: EndingReason; n: number }>(db, endingReasonsSql(scope)).all(...closedParams(scope, period));
}

/**
 * Goals rated at close, paired as (first rating, final rating) with how many goals had each pair, and how
 * many cases those goals belong to. The first rating is the goal's earliest (same-day ratings in the
 * order recorded); the final is the one given at the ending. At most 11 × 11 rows whatever the number of
 * cases, plus one row (scores null) holding the number of cases.
 */
export function gboPairsSql(scope: OpenCaseScope): string {
  // MATERIALIZED (SQLite 3.35+, PostgreSQL 12+): each goal's first rating is looked up once, and the
  // pairs are read again for the count of cases instead of a second walk over the period's endings.
  return `WITH pairs AS MATERIALIZED (
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
    SELECT NULL, NULL, count(DISTINCT case_id) FROM pairs`;
}

export interface GboAtClose {
  pairs: Array<{ first_score: number; final_score: number; n: number }>;
  /** Cases closed in the period with at least one goal rated at close. */
  cases: number;
}

export function countGboAtClose(db: Db, scope: OpenCaseScope, period: ClosedPeriod): GboAtClose {
  const rows = stmt<string[], { first_score: number | null; final_score: number | null; n: number }>(db, gboPairsSql(scope)).all(
    ...closedParams(scope, period),
  );
  const pairs = rows.filter((r): r is { first_score: number; final_score: number; n: number } => r.first_score !== null && r.final_score !== null);
  return { pairs, cases: rows.find((r) => r.first_score === null && r.final_score === null)?.n ?? 0 };
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
