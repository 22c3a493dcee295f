import type { CurrentViewContext, CurrentViewRatings, CurrentViewReason } from '../../../shared/domain/current-view';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { CurrentViewRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { parseJson, stmt, type Db } from '../sql';
import { actorName } from './clinicians';

interface CurrentViewRow {
  id: string;
  case_id: string;
  context: CurrentViewContext;
  completed_date: string;
  reason: CurrentViewReason;
  grouping: GroupingCode;
  ratings: string;
  recorded_by: string;
  created_at: string;
}

function toRecord(db: Db, row: CurrentViewRow): CurrentViewRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    context: row.context,
    completedDate: row.completed_date,
    reason: row.reason,
    grouping: row.grouping,
    ratings: parseJson<CurrentViewRatings>(row.ratings),
    recordedBy: row.recorded_by,
    recordedByName: actorName(db, row.recorded_by),
    createdAt: row.created_at,
  };
}

const COLUMNS = 'id, case_id, context, completed_date, reason, grouping, ratings, recorded_by, created_at';

/** Open, then reviews, then close, each in date order. */
export function listCurrentViews(db: Db, caseId: string): CurrentViewRecord[] {
  return stmt<[string], CurrentViewRow>(
    db,
    `SELECT ${COLUMNS} FROM current_views WHERE case_id = ?
     ORDER BY CASE context WHEN 'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END, completed_date, id`,
  )
    .all(caseId)
    .map((row) => toRecord(db, row));
}

export function getCurrentView(db: Db, id: string): CurrentViewRecord | null {
  const row = stmt<[string], CurrentViewRow>(db, `SELECT ${COLUMNS} FROM current_views WHERE id = ?`).get(id);
  return row ? toRecord(db, row) : null;
}

export function hasOpeningCurrentView(db: Db, caseId: string): boolean {
  return !!stmt<[string], { id: string }>(db, "SELECT id FROM current_views WHERE case_id = ? AND context = 'open'").get(caseId);
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
