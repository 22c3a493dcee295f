import { formatUkDate } from '../../shared/dates';
import type { GoalRecord } from '../../shared/ipc/types';
import { latestRating } from '../lib/case-records';
import { TextInput } from './fields';

interface Props {
  /** 'goalRatings' at a review, 'finalRatings' at close: each input's path is `<list>.goal-<id>`. */
  list: string;
  goals: readonly GoalRecord[];
  values: Readonly<Record<string, string>>;
  onChange(goalId: string, text: string): void;
  label(n: number): string;
  messageFor(path: string): string | undefined;
}

export function goalInputPath(list: string, goalId: string): string {
  return `${list}.goal-${goalId}`;
}

/** A GBO rating for each active goal, each with the goal's own words and its last rating beside it. */
export function GoalScoreInputs({ list, goals, values, onChange, label, messageFor }: Props) {
  return (
    <>
      {goals.map((goal, i) => {
        const last = latestRating(goal);
        const path = goalInputPath(list, goal.id);
        return (
          <TextInput
            key={goal.id}
            path={path}
            label={label(i + 1)}
            hint={
              <>
                <span className="goal-words">{goal.description}</span>
                <br />
                {last ? `Last rating: ${last.score} on ${formatUkDate(last.ratedOn)}.` : 'Not rated yet.'}
              </>
            }
            width={2}
            inputMode="numeric"
            autoComplete="off"
            value={values[goal.id] ?? ''}
            onChange={(text) => onChange(goal.id, text)}
            error={messageFor(path)}
          />
        );
      })}
    </>
  );
}
