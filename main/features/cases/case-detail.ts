import { weeksBetween, type IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import type { CaseDetail } from '../../../shared/ipc/types';
import { getCaseFacts } from '../../db/repos/caseload';
import { getEpisodeLinks, toCaseSummary } from '../../db/repos/cases';
import { listCurrentViews } from '../../db/repos/current-views';
import { getEnding } from '../../db/repos/endings';
import { listGoalRatingRows, listGoals } from '../../db/repos/goals';
import { listPlanHistory } from '../../db/repos/plans';
import { listReviews } from '../../db/repos/reviews';
import type { Db } from '../../db/sql';
import { caseFlags } from '../caseload/case-flags';

/**
 * Everything the case page shows, in a fixed number of queries however long the case has run: the
 * goal ratings are read once and shared by the goals, the reviews and the ending; names of who
 * recorded what come from joins.
 */
export function buildCaseDetail(db: Db, caseId: string, settings: Settings, today: IsoDate): CaseDetail {
  const facts = getCaseFacts(db, caseId);
  if (!facts) throw new AppError('not_found', 'There is no case with that id');
  const ratingRows = listGoalRatingRows(db, caseId);
  const goals = listGoals(db, caseId, ratingRows);
  const activeGoals = goals
    .filter((g) => g.status === 'active')
    .map((g) => ({ description: g.description, ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })) }));
  const plans = listPlanHistory(db, caseId);
  return {
    summary: toCaseSummary(facts),
    flags: caseFlags(facts, activeGoals, settings, today),
    weeksOpen: weeksBetween(facts.open_date, facts.closed_date ?? today),
    currentViews: listCurrentViews(db, caseId),
    plan: plans.versions.at(-1) ?? null,
    planVersions: plans.versions,
    goals,
    criteria: plans.criteria,
    reviews: listReviews(db, caseId, ratingRows),
    ending: getEnding(db, caseId, ratingRows),
    ...getEpisodeLinks(db, caseId),
  };
}
