/**
 * What the shared cross-field rules of a review, revision or ending need to know about the case, read
 * from the database inside the write's transaction: the goals in force with every rating so far, the
 * ending criteria in force, the last review, the team's settings and today.
 */
import type { IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import type { ActiveGoalContext } from '../../../shared/ipc/schemas/review';
import type { CaseSummary, EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { listActiveGoals } from '../../db/repos/goals';
import { listCriteriaInForce } from '../../db/repos/plans';
import { lastReviewDate } from '../../db/repos/reviews';
import { loadSettings } from '../../db/repos/settings';
import type { Db } from '../../db/sql';

export interface CaseRuleFacts {
  today: IsoDate;
  openDate: IsoDate;
  lastReviewDate: IsoDate | null;
  settings: Settings;
  /** Goals in force, by position, with their ratings. */
  goals: GoalRecord[];
  /** What the rules see of those goals. */
  activeGoals: ActiveGoalContext[];
  criteria: EndingCriterionRecord[];
}

export function caseRuleFacts(db: Db, current: CaseSummary, today: IsoDate): CaseRuleFacts {
  const goals = listActiveGoals(db, current.id);
  return {
    today,
    openDate: current.openDate,
    lastReviewDate: lastReviewDate(db, current.id),
    settings: loadSettings(db),
    goals,
    activeGoals: goals.map((g) => ({
      id: g.id,
      description: g.description,
      ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })),
    })),
    criteria: listCriteriaInForce(db, current.id),
  };
}
