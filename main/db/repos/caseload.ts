/**
 * The caseload and team queries: open cases of one clinician or one team, with the facts the flags
 * need, in a fixed number of queries however many cases there are (no query per case).
 * Both are covered by EXPLAIN QUERY PLAN tests (tests/db/explain.test.ts).
 */
import type { GroupingCode } from '../../../shared/domain/groupings';
import { stmt, type Db } from '../sql';
import { CASE_SUMMARY_COLUMNS, CASE_SUMMARY_FROM, type CaseSummaryRow } from './cases';

/**
 * Cases led by one clinician (their caseload), held by one team (the team view), or both: one
 * clinician's cases within a team (the team view drilled down, the supervision pack).
 */
export type OpenCaseScope = { clinicianId: string; teamId?: undefined } | { teamId: string; clinicianId?: string };

export interface CaseFactsRow extends CaseSummaryRow {
  /** Date of the latest review held. */
  last_review_date: string | null;
  /**
   * Date of the latest review on or after the case's target date that recorded the explicit discussion
   * (a discussion held before the target date, e.g. about a stuck goal, does not answer a passed target).
   */
  target_discussed_on: string | null;
  /** Reviews and endings recorded without their Current View. */
  missing_current_views: number;
  /**
   * The grouping of the case's Current View at open; null when it has none (a Current View's grouping is
   * never NULL), which the flags and the team view's "grouping at open → now" read.
   */
  opening_grouping: GroupingCode | null;
}

export interface ActiveGoalRatingRow {
  case_id: string;
  goal_id: string;
  description: string;
  rated_on: string;
  score: number;
}

// `context || '' = 'open'` is `context = 'open'` in any SQL (a case has at most one Current View at open),
// written so that SQLite cannot use the partial unique index current_views_one_opening, which holds no
// grouping and would read the Current View's row (all 50 ratings) for one column; current_views_case
// answers from the index alone.
const FACTS = `(SELECT max(r.review_date) FROM reviews r WHERE r.case_id = c.id) AS last_review_date,
    (SELECT max(r.review_date) FROM reviews r
      WHERE r.case_id = c.id AND r.review_date >= c.target_date AND r.explicit_discussion IS NOT NULL) AS target_discussed_on,
    (SELECT count(*) FROM reviews r WHERE r.case_id = c.id AND r.current_view_id IS NULL)
      + (SELECT count(*) FROM endings e WHERE e.case_id = c.id AND e.current_view_id IS NULL) AS missing_current_views,
    (SELECT cv.grouping FROM current_views cv WHERE cv.case_id = c.id AND cv.context || '' = 'open') AS opening_grouping`;

/**
 * The scope as conditions on `cases c` (status not included) and their parameters. Each shape is its
 * own statement text, so each is planned on its own index (cases_team or cases_caseload).
 */
export function scopeFilter(scope: OpenCaseScope): { where: string; params: string[] } {
  if (scope.teamId !== undefined && scope.clinicianId !== undefined) {
    return { where: 'c.team_id = ? AND c.lead_clinician_id = ?', params: [scope.teamId, scope.clinicianId] };
  }
  if (scope.teamId !== undefined) return { where: 'c.team_id = ?', params: [scope.teamId] };
  return { where: 'c.lead_clinician_id = ?', params: [scope.clinicianId] };
}

function scopeWhere(scope: OpenCaseScope): { where: string; params: string[] } {
  const { where, params } = scopeFilter(scope);
  return { where: `${where} AND c.status = 'open'`, params };
}

// `cases c CROSS JOIN x … WHERE x.id = c.…` is an ordinary inner join in SQL (and in PostgreSQL); SQLite
// also reads it as "cases first". Without it, the sampled statistics PRAGMA optimize leaves on a
// one-team database led the planner to walk every clinician and look their cases up instead of reading
// the scope's index (tests/db/explain-team.test.ts).
export function openCaseFactsSql(scope: OpenCaseScope): string {
  return `SELECT ${CASE_SUMMARY_COLUMNS}, ${FACTS}
    FROM cases c CROSS JOIN young_people yp CROSS JOIN clinicians cl
    WHERE yp.id = c.young_person_id AND cl.id = c.lead_clinician_id AND ${scopeWhere(scope).where}`;
}

export function activeGoalRatingsSql(scope: OpenCaseScope): string {
  return `SELECT g.case_id, g.id AS goal_id, g.description, r.rated_on, r.score
    FROM cases c CROSS JOIN goals g CROSS JOIN goal_ratings r
    WHERE g.case_id = c.id AND g.status = 'active' AND r.goal_id = g.id AND ${scopeWhere(scope).where}
    ORDER BY g.case_id, g.position, r.rated_on, r.created_at, r.id`;
}

export function listOpenCaseFacts(db: Db, scope: OpenCaseScope): CaseFactsRow[] {
  return stmt<string[], CaseFactsRow>(db, openCaseFactsSql(scope)).all(...scopeWhere(scope).params);
}

/** Every rating of every active goal of the scope's open cases, grouped by case and goal, oldest first. */
export function listActiveGoalRatings(db: Db, scope: OpenCaseScope): ActiveGoalRatingRow[] {
  return stmt<string[], ActiveGoalRatingRow>(db, activeGoalRatingsSql(scope)).all(...scopeWhere(scope).params);
}

/** One case (any status) with the same facts, for the case page. */
export const CASE_FACTS_SQL = `SELECT ${CASE_SUMMARY_COLUMNS}, ${FACTS} ${CASE_SUMMARY_FROM} WHERE c.id = ?`;

export function getCaseFacts(db: Db, caseId: string): CaseFactsRow | null {
  return stmt<[string], CaseFactsRow>(db, CASE_FACTS_SQL).get(caseId) ?? null;
}
