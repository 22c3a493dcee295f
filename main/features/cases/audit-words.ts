/**
 * What the audit trail says when a review or an ending is recorded (main/features/review/record-review.ts,
 * main/features/cases/close-case.ts): goals and criteria named in their words as they stood, and the
 * entry of the Current View completed with it. Said once so the History reads the two alike.
 */
import type { CaseSummary } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import type { WriteContext } from '../write-context';
import type { CaseRuleFacts } from './rule-context';

/** Rows that name a goal or a criterion by id, given their words too (ids alone mean nothing later). */
export function inTheirWords(facts: Pick<CaseRuleFacts, 'goals' | 'criteria'>) {
  const goalText = new Map(facts.goals.map((g) => [g.id, g.description]));
  const criterionText = new Map(facts.criteria.map((c) => [c.id, c.text]));
  return {
    goals: <R extends { goalId: string }>(rows: readonly R[]) => rows.map((r) => ({ ...r, description: goalText.get(r.goalId) ?? null })),
    criteria: <R extends { criterionId: string }>(rows: readonly R[]) =>
      rows.map((r) => ({ ...r, text: criterionText.get(r.criterionId) ?? null })),
  };
}

/** The fields every audit entry of this write shares. */
export function auditBase(w: WriteContext, current: Pick<CaseSummary, 'id' | 'youngPersonId'>, at: string) {
  return { at, actorId: w.actor, caseId: current.id, youngPersonId: current.youngPersonId };
}

/** The entry of a Current View completed as part of a review or an ending (its grouping before, and it). */
export function auditEmbeddedCurrentView(
  w: WriteContext,
  base: ReturnType<typeof auditBase>,
  entry: { currentViewId: string; groupingBefore: CaseSummary['grouping']; after: Record<string, unknown> },
): void {
  appendAudit(w.db, {
    ...base,
    action: 'current_view.record',
    entity: 'current_view',
    entityId: entry.currentViewId,
    before: { grouping: entry.groupingBefore },
    after: entry.after,
  });
}
