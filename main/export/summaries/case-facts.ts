/**
 * Facts about a case read off its CaseDetail (the export model) that the summaries and the family PDFs
 * share: the goals and criteria in force, a goal's ratings in date order, who took part.
 */
import { GBO_RELIABLE_CHANGE, goalProgress, type GoalProgress } from '../../../shared/domain/gbo';
import { PARTICIPANT_LABELS, type Participant } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, EndingCriterionRecord, GoalRatingRecord, GoalRecord } from '../../../shared/ipc/types';

function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  // Stable: goals of one position keep their creation order.
  return [...items].sort((a, b) => a.position - b.position);
}

/** The goals being worked on now (not dropped, reworded away or achieved), in goal order. */
export function goalsInForce(detail: CaseDetail): GoalRecord[] {
  return byPosition(detail.goals.filter((g) => g.status === 'active' && g.endedOn === null));
}

/** The ending criteria in force (not retired by a revision), in order. */
export function criteriaInForce(detail: CaseDetail): EndingCriterionRecord[] {
  return byPosition(detail.criteria.filter((c) => c.retiredAt === null));
}

/** A criterion's wording by id (one retired by a revision too). */
export function criterionText(detail: CaseDetail, criterionId: string): string {
  return detail.criteria.find((c) => c.id === criterionId)?.text ?? 'Ending criterion';
}

/** Said under the goal ratings of a review or an ending: which change counts as meaningful. */
export const MEANINGFUL_CHANGE_NOTE = `A change of ${GBO_RELIABLE_CHANGE} or more points counts as meaningful (NHS England CYP outcome metric).`;

/** A goal's ratings oldest first (ratings of one day keep their recorded order). */
export function ratingsInOrder(goal: GoalRecord): GoalRatingRecord[] {
  return goal.ratings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.ratedOn < b.r.ratedOn ? -1 : a.r.ratedOn > b.r.ratedOn ? 1 : a.i - b.i))
    .map(({ r }) => r);
}

export function progressOf(goal: GoalRecord): GoalProgress | null {
  return goalProgress(goal.ratings.map((r) => ({ ratedOn: r.ratedOn, score: r.score })));
}

export function latestRating(goal: GoalRecord): GoalRatingRecord | null {
  return ratingsInOrder(goal).at(-1) ?? null;
}

/** "Young person, Parent or carer, School nurse": the "Others (say who)" box replaced by who they were. */
export function participantsText(participants: readonly Participant[], others: string | null): string {
  const names = participants.map((p) => (p === 'other' ? (others?.trim() ? others.trim() : 'Others') : PARTICIPANT_LABELS[p]));
  return names.length > 0 ? names.join(', ') : 'not recorded';
}
