/** Turns a case's stored facts into the shared flag rules' input: the one mapping both screens use. */
import { computeFlags, type Flag, type GoalRatingPoint } from '../../../shared/domain/flags';
import type { Settings } from '../../../shared/domain/settings';
import type { IsoDate } from '../../../shared/dates';
import type { CaseFactsRow } from '../../db/repos/caseload';

export interface ActiveGoalRatings {
  description: string;
  ratings: GoalRatingPoint[];
}

export function caseFlags(facts: CaseFactsRow, goals: readonly ActiveGoalRatings[], settings: Settings, today: IsoDate): Flag[] {
  return computeFlags(
    {
      status: facts.status,
      openDate: facts.open_date,
      grouping: facts.grouping,
      hasCompletePlan: facts.plan_complete === 1,
      nextReviewDate: facts.next_review_date,
      targetDate: facts.target_date,
      lastReviewDate: facts.last_review_date,
      targetDiscussedOn: facts.target_discussed_on,
      goals,
      missingCurrentViews: facts.missing_current_views,
      // A grouping or plan but no Current View at open: an imported case (H24).
      openingCurrentViewMissing: (facts.grouping !== null || facts.plan_complete === 1) && facts.opening_grouping === null,
    },
    settings,
    today,
  );
}
