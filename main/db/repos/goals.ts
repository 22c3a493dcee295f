/** Goals (GBO) and their 0–10 ratings. */
import type { GoalRatingRecord, GoalRecord } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { stmt, type Db } from '../sql';

type RatingContext = GoalRatingRecord['context'];

interface GoalRow {
  id: string;
  position: number;
  description: string;
  status: GoalRecord['status'];
  replaces_goal_id: string | null;
  created_on: string;
  ended_on: string | null;
}

export interface GoalRatingRow {
  id: string;
  goal_id: string;
  rated_on: string;
  score: number;
  context: RatingContext;
  review_id: string | null;
  ending_id: string | null;
}

/** Every goal ever set for the case, in position then creation order (dropped and replaced ones too). */
export const CASE_GOALS_SQL = `SELECT id, position, description, status, replaces_goal_id, created_on, ended_on
  FROM goals WHERE case_id = ? ORDER BY position, created_at, id`;

/** Every rating of every goal of the case, oldest first (same-day ratings in the order given). */
export const CASE_GOAL_RATINGS_SQL = `SELECT r.id, r.goal_id, r.rated_on, r.score, r.context, r.review_id, r.ending_id
  FROM goals g JOIN goal_ratings r ON r.goal_id = g.id
  WHERE g.case_id = ? ORDER BY r.rated_on, r.created_at, r.id`;

export function listGoalRatingRows(db: Db, caseId: string): GoalRatingRow[] {
  return stmt<[string], GoalRatingRow>(db, CASE_GOAL_RATINGS_SQL).all(caseId);
}

/** The case's goals with their ratings, from the rating rows already read (two queries in all). */
export function listGoals(db: Db, caseId: string, ratingRows: readonly GoalRatingRow[] = listGoalRatingRows(db, caseId)): GoalRecord[] {
  const goals = stmt<[string], GoalRow>(db, CASE_GOALS_SQL).all(caseId);
  const byGoal = new Map<string, GoalRatingRecord[]>(goals.map((g) => [g.id, []]));
  for (const r of ratingRows) {
    byGoal.get(r.goal_id)?.push({ id: r.id, goalId: r.goal_id, ratedOn: r.rated_on, score: r.score, context: r.context });
  }
  return goals.map((g) => ({
    id: g.id,
    position: g.position,
    description: g.description,
    status: g.status,
    replacesGoalId: g.replaces_goal_id,
    createdOn: g.created_on,
    endedOn: g.ended_on,
    ratings: byGoal.get(g.id) ?? [],
  }));
}

/** The goals in force, by position, each with every rating so far (for the review and ending rules). */
export function listActiveGoals(db: Db, caseId: string): GoalRecord[] {
  return listGoals(db, caseId)
    .filter((g) => g.status === 'active')
    .sort((a, b) => a.position - b.position);
}

export interface NewGoal {
  caseId: string;
  planId: string | null;
  position: number;
  description: string;
  createdOn: string;
  createdBy: string;
  /** Set when this goal is a rewording of an earlier one. */
  replacesGoalId?: string | null;
}

export function insertGoal(db: Db, input: NewGoal, at: string): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO goals (id, case_id, plan_id, position, description, status, replaces_goal_id, created_on, created_at, created_by)
     VALUES (@id, @caseId, @planId, @position, @description, 'active', @replacesGoalId, @createdOn, @at, @createdBy)`,
  ).run({
    id,
    caseId: input.caseId,
    planId: input.planId,
    position: input.position,
    description: input.description,
    replacesGoalId: input.replacesGoalId ?? null,
    createdOn: input.createdOn,
    at,
    createdBy: input.createdBy,
  });
  return id;
}

/**
 * A goal stops being worked on (dropped, or replaced by a rewording). It is kept with its ratings;
 * ending it frees its position for a rewording, so call this before inserting the new goal.
 */
export function endGoal(db: Db, goalId: string, endedOn: string): void {
  stmt(db, "UPDATE goals SET status = 'dropped', ended_on = ? WHERE id = ? AND status = 'active'").run(endedOn, goalId);
}

export interface NewGoalRating {
  goalId: string;
  ratedOn: string;
  score: number;
  context: RatingContext;
  reviewId?: string | null;
  endingId?: string | null;
  createdBy: string;
}

export function insertGoalRating(db: Db, input: NewGoalRating, at: string): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO goal_ratings (id, goal_id, rated_on, score, context, review_id, ending_id, created_at, created_by)
     VALUES (@id, @goalId, @ratedOn, @score, @context, @reviewId, @endingId, @at, @createdBy)`,
  ).run({
    id,
    goalId: input.goalId,
    ratedOn: input.ratedOn,
    score: input.score,
    context: input.context,
    reviewId: input.reviewId ?? null,
    endingId: input.endingId ?? null,
    at,
    createdBy: input.createdBy,
  });
  return id;
}
