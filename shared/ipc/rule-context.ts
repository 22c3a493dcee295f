/**
 * What the cross-field rules of a review, a plan revision and an ending know about the case, built
 * one way for both sides: main reads the facts inside the write's transaction, a form reads them from
 * the case it loaded, and both check the same rules against the same context.
 */
import type { IsoDate } from '../dates';
import type { GroupingCode } from '../domain/groupings';
import type { Settings } from '../domain/settings';
import type { ActiveGoalContext } from './schemas/review';
import type { CaseSummary, EndingCriterionRecord, GoalRecord } from './types';

export interface CaseFacts {
  summary: Pick<CaseSummary, 'openDate' | 'grouping' | 'targetDate'>;
  /** The goals in force, in plan order, with every rating so far. */
  goals: readonly GoalRecord[];
  /** The ending criteria in force, in plan order. */
  criteria: readonly EndingCriterionRecord[];
  lastReviewDate: IsoDate | null;
}

export interface CaseRuleContext {
  today: IsoDate;
  openDate: IsoDate;
  lastReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  grouping: GroupingCode | null;
  /** What the rules see of the goals in force: their ratings as dated points. */
  activeGoals: ActiveGoalContext[];
  criteria: readonly EndingCriterionRecord[];
  settings: Settings;
}

export function caseRuleContext(facts: CaseFacts, today: IsoDate, settings: Settings): CaseRuleContext {
  return {
    today,
    openDate: facts.summary.openDate,
    lastReviewDate: facts.lastReviewDate,
    targetDate: facts.summary.targetDate,
    grouping: facts.summary.grouping,
    activeGoals: facts.goals.map((g) => ({
      id: g.id,
      description: g.description,
      ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })),
    })),
    criteria: facts.criteria,
    settings,
  };
}
