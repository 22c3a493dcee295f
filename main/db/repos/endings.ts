/** The ending of a case (one per episode) with each ending criterion's final status. */
import type { CriterionFinalStatus, EndingReason } from '../../../shared/domain/lifecycle';
import type { EndingRecord } from '../../../shared/ipc/types';
import { bool, stmt, type Db } from '../sql';
import { actorLabel } from './clinicians';
import type { GoalRatingRow } from './goals';

interface EndingRow {
  id: string;
  case_id: string;
  ending_date: string;
  reason: EndingReason;
  reason_other: string | null;
  mhsds_code: string | null;
  continuing_support: string | null;
  signposting: string | null;
  wellbeing_plan: string | null;
  discussed_from_start: number;
  current_view_id: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
}

export const CASE_ENDING_SQL = `SELECT e.id, e.case_id, e.ending_date, e.reason, e.reason_other, e.mhsds_code, e.continuing_support,
    e.signposting, e.wellbeing_plan, e.discussed_from_start, e.current_view_id, e.created_at, e.created_by, cl.name AS created_by_name
  FROM endings e LEFT JOIN clinicians cl ON cl.id = e.created_by WHERE e.case_id = ?`;

export const CASE_ENDING_STATUS_SQL = `SELECT s.criterion_id, s.status
  FROM endings e JOIN ending_criterion_status s ON s.ending_id = e.id
  JOIN ending_criteria c ON c.id = s.criterion_id
  WHERE e.case_id = ? ORDER BY c.position, c.created_at`;

/** The case's ending with its criteria statuses and final ratings (from the case's rating rows). */
export function getEnding(db: Db, caseId: string, ratingRows: readonly GoalRatingRow[]): EndingRecord | null {
  const row = stmt<[string], EndingRow>(db, CASE_ENDING_SQL).get(caseId);
  if (!row) return null;
  const statuses = stmt<[string], { criterion_id: string; status: CriterionFinalStatus }>(db, CASE_ENDING_STATUS_SQL).all(caseId);
  return {
    id: row.id,
    caseId: row.case_id,
    endingDate: row.ending_date,
    reason: row.reason,
    reasonOther: row.reason_other,
    mhsdsCode: row.mhsds_code,
    continuingSupport: row.continuing_support,
    signposting: row.signposting,
    wellbeingPlan: row.wellbeing_plan,
    discussedFromStart: bool(row.discussed_from_start),
    currentViewId: row.current_view_id,
    criteriaStatus: statuses.map((s) => ({ criterionId: s.criterion_id, status: s.status })),
    finalRatings: ratingRows.filter((r) => r.ending_id === row.id).map((r) => ({ goalId: r.goal_id, score: r.score })),
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: actorLabel(row.created_by, row.created_by_name),
  };
}

export interface NewEnding {
  id: string;
  caseId: string;
  endingDate: string;
  reason: EndingReason;
  reasonOther: string | null;
  mhsdsCode: string | null;
  continuingSupport: string | null;
  signposting: string | null;
  wellbeingPlan: string | null;
  discussedFromStart: boolean;
  currentViewId: string;
  createdBy: string;
}

/** The id is chosen by the caller so the closing Current View (written first) can point at it. */
export function insertEnding(db: Db, input: NewEnding, at: string): void {
  stmt(
    db,
    `INSERT INTO endings (id, case_id, ending_date, reason, reason_other, mhsds_code, continuing_support, signposting,
       wellbeing_plan, discussed_from_start, current_view_id, created_at, created_by)
     VALUES (@id, @caseId, @endingDate, @reason, @reasonOther, @mhsdsCode, @continuingSupport, @signposting,
       @wellbeingPlan, @discussed, @currentViewId, @at, @createdBy)`,
  ).run({ ...input, discussed: input.discussedFromStart ? 1 : 0, at });
}

export function insertCriterionStatus(db: Db, endingId: string, criterionId: string, status: CriterionFinalStatus): void {
  stmt(db, 'INSERT INTO ending_criterion_status (ending_id, criterion_id, status) VALUES (?, ?, ?)').run(endingId, criterionId, status);
}
