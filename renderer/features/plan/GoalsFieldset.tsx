import { MAX_GOALS } from '../../../shared/domain/gbo';
import { GoalList } from './GoalList';
import { newRow } from '../../lib/draft-shape';
import { GOAL_ROW, type GoalDraft } from './plan-draft';

interface Props {
  goals: GoalDraft[];
  onChange(goals: GoalDraft[]): void;
  messageFor(path: string): string | undefined;
  /** Getting Advice plans may have one goal or none. */
  goalsOptional: boolean;
}

/** Up to three goals in the young person's words, each with its first GBO rating. */
export function GoalsFieldset({ goals, onChange, messageFor, goalsOptional }: Props) {
  return (
    <GoalList
      goals={goals}
      onChange={onChange}
      messageFor={messageFor}
      newGoal={() => newRow(GOAL_ROW)}
      hint={
        <>
          Up to {MAX_GOALS} goals, in the young person&apos;s own words. Rate each from 0 (no progress towards the goal)
          to 10 (goal reached).{goalsOptional ? ' A Getting Advice and Signposting plan can have one goal or none.' : ''}
        </>
      }
    />
  );
}
