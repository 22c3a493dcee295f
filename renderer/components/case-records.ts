/** What the review, revise and ending forms read from a case: active goals, criteria in force, dates. */
import type { IsoDate } from '../../shared/dates';
import type { CaseDetail, EndingCriterionRecord, GoalRecord } from '../../shared/ipc/types';

/** Goals still being worked on, in plan order (dropped and reworded ones are history, not rated). */
export function activeGoals(detail: CaseDetail): GoalRecord[] {
  return detail.goals.filter((g) => g.status === 'active').sort((a, b) => a.position - b.position);
}

/** The ending criteria in force (not retired by a revision), in plan order. */
export function criteriaInForce(detail: CaseDetail): EndingCriterionRecord[] {
  return detail.criteria.filter((c) => c.retiredAt === null).sort((a, b) => a.position - b.position);
}

/** The date of the latest review held, or null. */
export function lastReviewDate(detail: CaseDetail): IsoDate | null {
  return detail.reviews.reduce<IsoDate | null>((latest, r) => (latest === null || r.reviewDate > latest ? r.reviewDate : latest), null);
}

/** A goal's most recent rating (the later one of two on the same day). */
export function latestRating(goal: GoalRecord): { score: number; ratedOn: IsoDate } | null {
  return goal.ratings.reduce<{ score: number; ratedOn: IsoDate } | null>(
    (latest, r) => (latest === null || r.ratedOn >= latest.ratedOn ? { score: r.score, ratedOn: r.ratedOn } : latest),
    null,
  );
}

/** The rule context's view of the active goals: their ratings as dated points. */
export function goalsForRules(detail: CaseDetail) {
  return activeGoals(detail).map((g) => ({
    id: g.id,
    description: g.description,
    ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })),
  }));
}
