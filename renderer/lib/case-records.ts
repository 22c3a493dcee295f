/** What the review, revise and ending forms read from a case: active goals, criteria in force, dates. */
import type { IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/domain/settings';
import { caseRuleContext, type CaseRuleContext } from '../../shared/ipc/rule-context';
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

/** The context the shared rules check a form against: built as main builds it, from the loaded case. */
export function ruleContextOf(detail: CaseDetail, today: IsoDate, settings: Settings): CaseRuleContext {
  // A case saved with a plan carries its target date; the plan's is the fallback while loading an older case.
  const summary = { ...detail.summary, targetDate: detail.summary.targetDate ?? detail.plan?.targetDate ?? null };
  const facts = { summary, goals: activeGoals(detail), criteria: criteriaInForce(detail), lastReviewDate: lastReviewDate(detail) };
  return caseRuleContext(facts, today, settings);
}
