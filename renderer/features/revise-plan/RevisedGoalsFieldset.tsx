import { MAX_GOALS } from '../../../shared/domain/gbo';
import { GoalList } from '../plan/GoalList';
import { needsFirstRating, newRevisedGoal, type RevisedGoal } from './revise-draft';

interface Props {
  goals: RevisedGoal[];
  onChange(goals: RevisedGoal[]): void;
  messageFor(path: string): string | undefined;
}

function wordingHint(goal: RevisedGoal): string | undefined {
  if (goal.goalId === null) return 'A new goal: give its first rating.';
  if (needsFirstRating(goal))
    return `Reworded: "${goal.original ?? ''}" ends and is kept in the history; this becomes a new goal, so give its first rating.`;
  return undefined;
}

/** The goals as they will be after the revision: kept, reworded, removed or added (up to three). */
export function RevisedGoalsFieldset({ goals, onChange, messageFor }: Props) {
  return (
    <GoalList
      goals={goals}
      onChange={onChange}
      messageFor={messageFor}
      newGoal={newRevisedGoal}
      wordingHint={wordingHint}
      needsFirstRating={needsFirstRating}
      hint={
        <>
          Keep, reword or remove each goal, or add one (up to {MAX_GOALS}), in the young person&apos;s own words. A
          removed or reworded goal stays in the case history with its ratings.
        </>
      }
    />
  );
}
