/** How goals are named and described on the case page (in the young person's words, never paraphrased). */
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import type { GoalRatingRecord, GoalRecord } from '../../../shared/ipc/types';

/** "Goal 2: “Go to school three days a week”" — the number alone is ambiguous once goals are reworded. */
export function goalName(goal: Pick<GoalRecord, 'position' | 'description'>): string {
  return `Goal ${goal.position}: “${goal.description}”`;
}

export type GoalEnd = { kind: 'reworded'; on: IsoDate | null; by: GoalRecord } | { kind: 'dropped' | 'achieved'; on: IsoDate | null };

/** Why a goal stopped being worked on, or null while it is in force. A reworded goal points to its new wording. */
export function goalEnd(goal: GoalRecord, all: readonly GoalRecord[]): GoalEnd | null {
  const replacement = all.find((g) => g.replacesGoalId === goal.id);
  if (replacement) return { kind: 'reworded', on: goal.endedOn ?? replacement.createdOn, by: replacement };
  if (goal.status === 'dropped') return { kind: 'dropped', on: goal.endedOn };
  if (goal.status === 'achieved') return { kind: 'achieved', on: goal.endedOn };
  return null;
}

/** A short phrase for a goal that is no longer in force: "reworded 23/11/2026". */
export function goalEndPhrase(end: GoalEnd): string {
  const when = end.on ? ` ${formatUkDate(end.on)}` : '';
  return `${end.kind}${when}`;
}

/** The goals a plan version worked on: set by its date and not ended by it. */
export function goalsInForceOn(goals: readonly GoalRecord[], date: IsoDate): GoalRecord[] {
  return goals.filter((g) => g.createdOn <= date && (g.endedOn === null || g.endedOn > date));
}

/** A goal's ratings oldest first (ratings on the same day keep the order main gave). */
export function ratingsInOrder(goal: GoalRecord): GoalRatingRecord[] {
  return goal.ratings
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.ratedOn < b.r.ratedOn ? -1 : a.r.ratedOn > b.r.ratedOn ? 1 : a.i - b.i))
    .map((x) => x.r);
}
