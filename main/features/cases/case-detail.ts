import { weeksBetween, type IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import type { CaseDetail } from '../../../shared/ipc/types';
import { getCaseFacts } from '../../db/repos/caseload';
import { toCaseSummary } from '../../db/repos/cases';
import { listCurrentViews } from '../../db/repos/current-views';
import { listGoals } from '../../db/repos/goals';
import { getCurrentPlan } from '../../db/repos/plans';
import type { Db } from '../../db/sql';
import { caseFlags } from '../caseload/case-flags';

export function buildCaseDetail(db: Db, caseId: string, settings: Settings, today: IsoDate): CaseDetail {
  const facts = getCaseFacts(db, caseId);
  if (!facts) throw new AppError('not_found', 'There is no case with that id');
  const goals = listGoals(db, caseId);
  const activeGoals = goals
    .filter((g) => g.status === 'active')
    .map((g) => ({ description: g.description, ratings: g.ratings.map((r) => ({ date: r.ratedOn, score: r.score })) }));
  return {
    summary: toCaseSummary(facts),
    flags: caseFlags(facts, activeGoals, settings, today),
    weeksOpen: weeksBetween(facts.open_date, facts.closed_date ?? today),
    currentViews: listCurrentViews(db, caseId),
    plan: getCurrentPlan(db, caseId),
    goals,
  };
}
