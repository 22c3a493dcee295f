/**
 * Applying a revision's complete lists of goals and ending criteria (RevisePlanArgs semantics): kept,
 * reworded (a new item linked to the old, which ends), new, and left out (dropped / retired). Nothing
 * is edited in place, so every earlier version can still be shown as it was agreed.
 */
import { MAX_GOALS } from '../../../shared/domain/gbo';
import type { RevisePlanValue } from '../../../shared/ipc/schemas/plan-revise';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import type { AuditEntryInput } from '../../db/repos/audit';
import { endGoal, insertGoal, insertGoalRating } from '../../db/repos/goals';
import { insertCriterion, retireCriterion } from '../../db/repos/plans';
import type { Db } from '../../db/sql';

type AuditEvent = Pick<AuditEntryInput, 'action' | 'entity' | 'entityId' | 'before' | 'after'>;

interface RevisionWrite {
  db: Db;
  caseId: string;
  planId: string;
  revisedDate: string;
  actor: string;
  at: string;
}

/**
 * Goals: the old goals that end (dropped, or replaced by a rewording) are ended first, which frees
 * their positions under goals_one_active_per_position; a rewording then takes its old goal's
 * position and a new goal the lowest free one, in list order. Kept goals keep their position.
 */
export function applyGoalList(w: RevisionWrite, active: readonly GoalRecord[], list: RevisePlanValue['goals']): AuditEvent[] {
  const byId = new Map(active.map((g) => [g.id, g]));
  const listed = new Set(list.flatMap((g) => (g.goalId ? [g.goalId] : [])));
  const reworded = list.flatMap((item) => {
    const old = item.goalId ? byId.get(item.goalId) : undefined;
    return old && old.description !== item.description ? [{ old, item }] : [];
  });
  const dropped = active.filter((g) => !listed.has(g.id));
  const added = list.filter((item) => !item.goalId);

  for (const g of [...dropped, ...reworded.map((r) => r.old)]) endGoal(w.db, g.id, w.revisedDate);

  const events: AuditEvent[] = [];
  const taken = new Set(active.filter((g) => listed.has(g.id)).map((g) => g.position));
  const insert = (description: string, position: number, firstRating: number | null, replacesGoalId: string | null) => {
    const goalId = insertGoal(
      w.db,
      { caseId: w.caseId, planId: w.planId, position, description, createdOn: w.revisedDate, createdBy: w.actor, replacesGoalId },
      w.at,
    );
    // The rules require a first rating for a new or reworded goal; the plan context marks it as the first.
    if (firstRating !== null) {
      insertGoalRating(w.db, { goalId, ratedOn: w.revisedDate, score: firstRating, context: 'plan', createdBy: w.actor }, w.at);
    }
    taken.add(position);
    return goalId;
  };
  for (const { old, item } of reworded) {
    const goalId = insert(item.description, old.position, item.firstRating, old.id);
    events.push({
      action: 'goal.reword',
      entity: 'goal',
      entityId: goalId,
      before: { description: old.description },
      after: { description: item.description, replacesGoalId: old.id, position: old.position, firstRating: item.firstRating, createdOn: w.revisedDate },
    });
  }
  for (const item of added) {
    const position = Array.from({ length: MAX_GOALS }, (_, i) => i + 1).find((p) => !taken.has(p));
    if (position === undefined) throw new Error('No free goal position: the rules allow at most three goals');
    const goalId = insert(item.description, position, item.firstRating, null);
    events.push({
      action: 'goal.add',
      entity: 'goal',
      entityId: goalId,
      after: { description: item.description, position, firstRating: item.firstRating, createdOn: w.revisedDate },
    });
  }
  for (const g of dropped) {
    events.push({
      action: 'goal.drop',
      entity: 'goal',
      entityId: g.id,
      before: { status: 'active', endedOn: null },
      after: { status: 'dropped', endedOn: w.revisedDate, description: g.description, position: g.position },
    });
  }
  return events;
}

/**
 * Ending criteria: kept ones stay in force (and keep their position); a rewording retires the old
 * one and takes its position; a new one goes after every position used so far; one left out retires.
 */
export function applyCriteriaList(
  w: RevisionWrite,
  inForce: readonly EndingCriterionRecord[],
  highestPosition: number,
  list: RevisePlanValue['endingCriteria'],
): AuditEvent[] {
  const byId = new Map(inForce.map((c) => [c.id, c]));
  const listed = new Set(list.flatMap((c) => (c.criterionId ? [c.criterionId] : [])));
  const events: AuditEvent[] = [];
  let next = highestPosition;
  for (const item of list) {
    const old = item.criterionId ? byId.get(item.criterionId) : undefined;
    if (old && old.text === item.text) continue;
    if (old) retireCriterion(w.db, old.id, w.planId, w.at);
    const position = old ? old.position : ++next;
    const id = insertCriterion(w.db, { caseId: w.caseId, planId: w.planId, position, text: item.text }, w.at);
    events.push(
      old
        ? { action: 'criterion.reword', entity: 'ending_criterion', entityId: id, before: { text: old.text }, after: { text: item.text, replacesCriterionId: old.id, position } }
        : { action: 'criterion.add', entity: 'ending_criterion', entityId: id, after: { text: item.text, position } },
    );
  }
  for (const c of inForce.filter((c) => !listed.has(c.id))) {
    retireCriterion(w.db, c.id, w.planId, w.at);
    events.push({
      action: 'criterion.retire',
      entity: 'ending_criterion',
      entityId: c.id,
      before: { status: 'in_force' },
      after: { status: 'retired', text: c.text, position: c.position },
    });
  }
  return events;
}
