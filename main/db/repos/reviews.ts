/** Reviews: who attended, the decision, progress on each ending criterion (ratings live in goal_ratings). */
import type { CriterionProgress, ReviewDecision } from '../../../shared/domain/lifecycle';
import type { Participant } from '../../../shared/ipc/schemas/plan';
import type { ReviewRecord } from '../../../shared/ipc/types';
import { parseJson, stmt, type Db } from '../sql';
import { actorLabel } from './clinicians';
import type { GoalRatingRow } from './goals';

interface ReviewRow {
  id: string;
  case_id: string;
  review_date: string;
  attendees: string;
  other_attendees: string | null;
  decision: ReviewDecision;
  ending_plan: string | null;
  explicit_discussion: string | null;
  next_review_date: string | null;
  notes: string | null;
  current_view_id: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string | null;
}

interface ProgressRow {
  review_id: string;
  criterion_id: string;
  status: CriterionProgress;
}

const SELECT = `SELECT r.id, r.case_id, r.review_date, r.attendees, r.other_attendees, r.decision, r.ending_plan,
    r.explicit_discussion, r.next_review_date, r.notes, r.current_view_id, r.created_at, r.created_by, cl.name AS created_by_name
  FROM reviews r LEFT JOIN clinicians cl ON cl.id = r.created_by`;

/** The case's reviews, oldest first. */
export const CASE_REVIEWS_SQL = `${SELECT} WHERE r.case_id = ? ORDER BY r.review_date, r.created_at, r.id`;

/** Criteria progress of every review of the case. */
export const CASE_REVIEW_PROGRESS_SQL = `SELECT p.review_id, p.criterion_id, p.status
  FROM reviews r JOIN review_criterion_progress p ON p.review_id = r.id
  JOIN ending_criteria c ON c.id = p.criterion_id
  WHERE r.case_id = ? ORDER BY p.review_id, c.position, c.created_at`;

function toRecord(row: ReviewRow, ratings: readonly GoalRatingRow[], progress: readonly ProgressRow[]): ReviewRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    reviewDate: row.review_date,
    attendees: parseJson<Participant[]>(row.attendees),
    otherAttendees: row.other_attendees,
    decision: row.decision,
    explicitDiscussion: row.explicit_discussion,
    endingPlan: row.ending_plan,
    nextReviewDate: row.next_review_date,
    notes: row.notes,
    currentViewId: row.current_view_id,
    goalRatings: ratings.filter((r) => r.review_id === row.id).map((r) => ({ goalId: r.goal_id, score: r.score })),
    criteriaProgress: progress.filter((p) => p.review_id === row.id).map((p) => ({ criterionId: p.criterion_id, status: p.status })),
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByName: actorLabel(row.created_by, row.created_by_name),
  };
}

/** Every review of the case with its ratings (from the case's rating rows) and criteria progress. */
export function listReviews(db: Db, caseId: string, ratingRows: readonly GoalRatingRow[]): ReviewRecord[] {
  const rows = stmt<[string], ReviewRow>(db, CASE_REVIEWS_SQL).all(caseId);
  if (rows.length === 0) return [];
  const progress = stmt<[string], ProgressRow>(db, CASE_REVIEW_PROGRESS_SQL).all(caseId);
  return rows.map((row) => toRecord(row, ratingRows, progress));
}

/** One review with its ratings and progress. */
export function getReview(db: Db, reviewId: string): ReviewRecord | null {
  const row = stmt<[string], ReviewRow>(db, `${SELECT} WHERE r.id = ?`).get(reviewId);
  if (!row) return null;
  const ratings = stmt<[string], GoalRatingRow>(
    db,
    'SELECT id, goal_id, rated_on, score, context, review_id, ending_id FROM goal_ratings WHERE review_id = ? ORDER BY created_at, id',
  ).all(reviewId);
  const progress = stmt<[string], ProgressRow>(
    db,
    `SELECT p.review_id, p.criterion_id, p.status FROM review_criterion_progress p
     JOIN ending_criteria c ON c.id = p.criterion_id WHERE p.review_id = ? ORDER BY c.position, c.created_at`,
  ).all(reviewId);
  return toRecord(row, ratings, progress);
}

/** The date of the latest review held, or null. */
export function lastReviewDate(db: Db, caseId: string): string | null {
  return stmt<[string], { d: string | null }>(db, 'SELECT max(review_date) AS d FROM reviews WHERE case_id = ?').get(caseId)?.d ?? null;
}

export interface NewReview {
  id: string;
  caseId: string;
  reviewDate: string;
  attendees: readonly Participant[];
  otherAttendees: string | null;
  decision: ReviewDecision;
  endingPlan: string | null;
  explicitDiscussion: string | null;
  nextReviewDate: string;
  notes: string | null;
  currentViewId: string | null;
  createdBy: string;
}

/** The id is chosen by the caller so the review's Current View (written first) can point at it. */
export function insertReview(db: Db, input: NewReview, at: string): void {
  stmt(
    db,
    `INSERT INTO reviews (id, case_id, review_date, attendees, other_attendees, decision, ending_plan, explicit_discussion,
       next_review_date, notes, current_view_id, created_at, created_by)
     VALUES (@id, @caseId, @reviewDate, @attendees, @otherAttendees, @decision, @endingPlan, @explicitDiscussion,
       @nextReviewDate, @notes, @currentViewId, @at, @createdBy)`,
  ).run({ ...input, attendees: JSON.stringify(input.attendees), at });
}

export function insertCriterionProgress(db: Db, reviewId: string, criterionId: string, status: CriterionProgress): void {
  stmt(db, 'INSERT INTO review_criterion_progress (review_id, criterion_id, status) VALUES (?, ?, ?)').run(reviewId, criterionId, status);
}

/** Attaches the Current View recorded after the review; refuses (false) if it already has one. */
export function setReviewCurrentView(db: Db, reviewId: string, currentViewId: string): boolean {
  return stmt(db, 'UPDATE reviews SET current_view_id = ? WHERE id = ? AND current_view_id IS NULL').run(currentViewId, reviewId).changes === 1;
}
