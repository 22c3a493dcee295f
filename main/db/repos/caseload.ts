/**
 * The caseload and team queries: open cases of one clinician or one team, with the facts the flags
 * need, in a fixed number of queries however many cases there are (no query per case).
 * Both are covered by EXPLAIN QUERY PLAN tests (tests/db/explain.test.ts).
 */
import { stmt, type Db } from '../sql';
import { CASE_SUMMARY_COLUMNS, CASE_SUMMARY_FROM, type CaseSummaryRow } from './cases';

/** Open cases led by one clinician (their caseload) or held by one team (the team view). */
export type OpenCaseScope = { clinicianId: string } | { teamId: string };

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
}

export interface ActiveGoalRatingRow {
  case_id: string;
  goal_id: string;
  description: string;
  rated_on: string;
  score: number;
}

const FACTS = `(SELECT max(r.review_date) FROM reviews r WHERE r.case_id = c.id) AS last_review_date,
    (SELECT max(r.review_date) FROM reviews r
      WHERE r.case_id = c.id AND r.review_date >= c.target_date AND r.explicit_discussion IS NOT NULL) AS target_discussed_on,
    (SELECT count(*) FROM reviews r WHERE r.case_id = c.id AND r.current_view_id IS NULL)
      + (SELECT count(*) FROM endings e WHERE e.case_id = c.id AND e.current_view_id IS NULL) AS missing_current_views`;

function scopeWhere(scope: OpenCaseScope): { where: string; param: string } {
  return 'clinicianId' in scope
    ? { where: "c.lead_clinician_id = ? AND c.status = 'open'", param: scope.clinicianId }
    : { where: "c.team_id = ? AND c.status = 'open'", param: scope.teamId };
}

export function openCaseFactsSql(scope: OpenCaseScope): string {
  return `SELECT ${CASE_SUMMARY_COLUMNS}, ${FACTS} ${CASE_SUMMARY_FROM} WHERE ${scopeWhere(scope).where}`;
}

export function activeGoalRatingsSql(scope: OpenCaseScope): string {
  return `SELECT g.case_id, g.id AS goal_id, g.description, r.rated_on, r.score
    FROM cases c
    JOIN goals g ON g.case_id = c.id AND g.status = 'active'
    JOIN goal_ratings r ON r.goal_id = g.id
    WHERE ${scopeWhere(scope).where}
    ORDER BY g.case_id, g.position, r.rated_on, r.created_at, r.id`;
}

export function listOpenCaseFacts(db: Db, scope: OpenCaseScope): CaseFactsRow[] {
  return stmt<[string], CaseFactsRow>(db, openCaseFactsSql(scope)).all(scopeWhere(scope).param);
}

/** Every rating of every active goal of the scope's open cases, grouped by case and goal, oldest first. */
export function listActiveGoalRatings(db: Db, scope: OpenCaseScope): ActiveGoalRatingRow[] {
  return stmt<[string], ActiveGoalRatingRow>(db, activeGoalRatingsSql(scope)).all(scopeWhere(scope).param);
}

/** One case (any status) with the same facts, for the case page. */
export const CASE_FACTS_SQL = `SELECT ${CASE_SUMMARY_COLUMNS}, ${FACTS} ${CASE_SUMMARY_FROM} WHERE c.id = ?`;

export function getCaseFacts(db: Db, caseId: string): CaseFactsRow | null {
  return stmt<[string], CaseFactsRow>(db, CASE_FACTS_SQL).get(caseId) ?? null;
}
