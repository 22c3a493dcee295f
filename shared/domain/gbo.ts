/**
 * Goal Based Outcomes (Law & Jacob), docs/domain.md#goal-based-outcomes. Ratings are whole numbers 0..10.
 * A change of 3 or more points between the first and latest rating is the NHS England CYP outcome
 * metric's threshold for meaningful change; we use 3 and nothing else.
 */
export const GBO_MIN = 0;
export const GBO_MAX = 10;
export const MAX_GOALS = 3;
export const GBO_RELIABLE_CHANGE = 3;

export type GboChange = 'improved' | 'no_reliable_change' | 'deteriorated';

export const GBO_CHANGE_LABELS: Record<GboChange, string> = {
  improved: 'Improved',
  no_reliable_change: 'No reliable change',
  deteriorated: 'Deteriorated',
};

export function classifyGboChange(first: number, latest: number): GboChange {
  const delta = latest - first;
  if (delta >= GBO_RELIABLE_CHANGE) return 'improved';
  if (delta <= -GBO_RELIABLE_CHANGE) return 'deteriorated';
  return 'no_reliable_change';
}

export function isGboRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= GBO_MIN && value <= GBO_MAX;
}

export interface GoalProgress {
  first: number;
  latest: number;
  change: GboChange;
}

/** First vs latest rating of one goal (ratings in any order; ties on a date keep their given order). */
export function goalProgress(ratings: ReadonlyArray<{ ratedOn: string; score: number }>): GoalProgress | null {
  if (ratings.length === 0) return null;
  const sorted = [...ratings].map((r, i) => ({ ...r, i })).sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : a.i - b.i));
  const first = sorted[0]!.score;
  const latest = sorted[sorted.length - 1]!.score;
  return { first, latest, change: classifyGboChange(first, latest) };
}
