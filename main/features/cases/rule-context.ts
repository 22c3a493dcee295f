/**
 * The rule context of a review, revision or ending (shared/ipc/rule-context.ts), read from the
 * database inside the write's transaction, with the goal records the write itself goes on to use.
 */
import type { IsoDate } from '../../../shared/dates';
import { caseRuleContext, type CaseRuleContext } from '../../../shared/ipc/rule-context';
import type { CaseSummary, GoalRecord } from '../../../shared/ipc/types';
import { listActiveGoals } from '../../db/repos/goals';
import { listCriteriaInForce } from '../../db/repos/plans';
import { lastReviewDate } from '../../db/repos/reviews';
import { loadSettings } from '../../db/repos/settings';
import type { Db } from '../../db/sql';

export interface CaseRuleFacts extends CaseRuleContext {
  /** Goals in force, by position, with their ratings. */
  goals: GoalRecord[];
}

export function caseRuleFacts(db: Db, current: CaseSummary, today: IsoDate): CaseRuleFacts {
  const goals = listActiveGoals(db, current.id);
  const facts = { summary: current, goals, criteria: listCriteriaInForce(db, current.id), lastReviewDate: lastReviewDate(db, current.id) };
  return { ...caseRuleContext(facts, today, loadSettings(db)), goals };
}
