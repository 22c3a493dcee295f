/** Current Views at open, at each review and at close, each with the THRIVE grouping agreed then. */
import type { CurrentViewContext, CurrentViewRatings, CurrentViewReason } from '../../../shared/domain/current-view';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { CurrentViewRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { parseJson, stmt, type Db } from '../sql';
import { actorLabel } from './clinicians';

interface CurrentViewRow {
  id: string;
  case_id: string;
  context: CurrentViewContext;
  completed_date: string;
  reason: CurrentViewReason;
  grouping: GroupingCode;
  ratings: string;
  recorded_by: string;
  recorded_by_name: string | null;
  created_at: string;
}

function toRecord(row: CurrentViewRow): CurrentViewRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    context: row.context,
    completedDate: row.completed_date,
    reason: row.reason,
    grouping: row.grouping,
    ratings: parseJson<CurrentViewRatings>(row.ratings),
    recordedBy: row.recorded_by,
    recordedByName: actorLabel(row.recorded_by, row.recorded_by_name),
    createdAt: row.created_at,
  };
}

// The recorder's name comes from a join, so a list costs one query however many Current Views it has.
const SELECT = `SELECT v.id, v.case_id, v.context, v.completed_date, v.reason, v.grouping, v.ratings, v.recorded_by,
    cl.name AS recorded_by_name, v.created_at
  FROM current_views v LEFT JOIN clinicians cl ON cl.id = v.recorded_by`;

/** Oldest first: by date, and on one day open before review before close, then in the order recorded. */
export const CASE_CURRENT_VIEWS_SQL = `${SELECT} WHERE v.case_id = ?
  ORDER BY v.completed_date, CASE v.context WHEN 'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END, v.created_at, v.id`;

export function listCurrentViews(db: Db, caseId: string): CurrentViewRecord[] {
  return stmt<[string], CurrentViewRow>(db, CASE_CURRENT_VIEWS_SQL).all(caseId).map(toRecord);
}

export function getCurrentView(db: Db, id: string): CurrentViewRecord | null {
  const row = stmt<[string], CurrentViewRow>(db, `${SELECT} WHERE v.id = ?`).get(id);
  return row ? toRecord(row) : null;
}

export function hasOpeningCurrentView(db: Db, caseId: string): boolean {
  return !!stmt<[string], { id: string }>(db, "SELECT id FROM current_views WHERE case_id = ? AND context = 'open'").get(caseId);
}

/** The grouping of the case's latest Current View (the case's grouping), or null before the first. */
export function latestGrouping(db: Db, caseId: string): GroupingCode | null {
  return (
    stmt<[string], { grouping: GroupingCode }>(
      db,
      `SELECT grouping FROM current_views WHERE case_id = ?
       ORDER BY completed_date DESC, CASE context WHEN 'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END DESC, created_at DESC, id DESC
       LIMIT 1`,
    ).get(caseId)?.grouping ?? null
  );
}

export interface NewCurrentView {
  caseId: string;
  context: CurrentViewContext;
  reviewId?: string | null;
  endingId?: string | null;
  completedDate: string;
  reason: CurrentViewReason;
  grouping: GroupingCode;
  ratings: CurrentViewRatings;
  recordedBy: string;
}

export function insertCurrentView(db: Db, input: NewCurrentView, at: string): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO current_views (id, case_id, context, review_id, ending_id, completed_date, reason, grouping, ratings, recorded_by, created_at)
     VALUES (@id, @caseId, @context, @reviewId, @endingId, @completedDate, @reason, @grouping, @ratings, @recordedBy, @at)`,
  ).run({
    id,
    caseId: input.caseId,
    context: input.context,
    reviewId: input.reviewId ?? null,
    endingId: input.endingId ?? null,
    completedDate: input.completedDate,
    reason: input.reason,
    grouping: input.grouping,
    ratings: JSON.stringify(input.ratings),
    recordedBy: input.recordedBy,
    at,
  });
  return id;
}
