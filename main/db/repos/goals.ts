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
}

interface RatingRow {
  id: string;
  goal_id: string;
  rated_on: string;
  score: number;
  context: RatingContext;
}

/** Every goal of a case (active first, by position), each with its ratings oldest first. */
export function listGoals(db: Db, caseId: string): GoalRecord[] {
  const goals = stmt<[string], GoalRow>(
    db,
    `SELECT id, position, description, status FROM goals WHERE case_id = ?
     ORDER BY status <> 'active', position, created_at`,
  ).all(caseId);
  const ratings = stmt<[string], RatingRow>(
    db,
    `SELECT r.id, r.goal_id, r.rated_on, r.score, r.context
     FROM goals g JOIN goal_ratings r ON r.goal_id = g.id
     WHERE g.case_id = ? ORDER BY r.rated_on, r.created_at, r.id`,
  ).all(caseId);
  const byGoal = new Map<string, GoalRatingRecord[]>(goals.map((g) => [g.id, []]));
  for (const r of ratings) {
    byGoal.get(r.goal_id)?.push({ id: r.id, goalId: r.goal_id, ratedOn: r.rated_on, score: r.score, context: r.context });
  }
  return goals.map((g) => ({ id: g.id, position: g.position, description: g.description, status: g.status, ratings: byGoal.get(g.id) ?? [] }));
}

export interface NewGoal {
  caseId: string;
  planId: string | null;
  position: number;
  description: string;
  createdOn: string;
  createdBy: string;
}

export function insertGoal(db: Db, input: NewGoal, at: string): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO goals (id, case_id, plan_id, position, description, status, created_on, created_at, created_by)
     VALUES (@id, @caseId, @planId, @position, @description, 'active', @createdOn, @at, @createdBy)`,
  ).run({ id, ...input, at });
  return id;
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
