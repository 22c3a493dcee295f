import { formatUkDate } from '../../../shared/dates';
import { classifyGboChange, GBO_CHANGE_LABELS, GBO_RELIABLE_CHANGE } from '../../../shared/domain/gbo';
import type { GoalRecord } from '../../../shared/ipc/types';

const CONTEXT_LABELS = { plan: 'When the plan was agreed', review: 'Review', ending: 'Ending', session: 'Session' } as const;

/** Each goal with every rating so far; change is judged first→latest with the national threshold of 3. */
export function GoalsSummary({ goals }: { goals: readonly GoalRecord[] }) {
  if (goals.length === 0) return <p>No goals were set in the plan.</p>;
  return (
    <ol className="goal-list">
      {goals.map((goal) => {
        const ratings = [...goal.ratings].sort((a, b) => (a.ratedOn < b.ratedOn ? -1 : a.ratedOn > b.ratedOn ? 1 : 0));
        const first = ratings[0];
        const latest = ratings[ratings.length - 1];
        return (
          <li className="goal-list__item" key={goal.id}>
            <h3 className="heading-s">Goal {goal.position}</h3>
            <p className="goal-list__words">&ldquo;{goal.description}&rdquo;</p>
            <table className="table table--compact">
              <caption className="visually-hidden">Ratings of goal {goal.position}, 0 to 10</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Rating (0 to 10)</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {ratings.map((r) => (
                  <tr key={r.id}>
                    <td>{formatUkDate(r.ratedOn)}</td>
                    <td>{r.score}</td>
                    <td>{CONTEXT_LABELS[r.context]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {first && latest && ratings.length > 1 ? (
              <p className="hint">
                From {first.score} to {latest.score}: {GBO_CHANGE_LABELS[classifyGboChange(first.score, latest.score)]} (a
                change of {GBO_RELIABLE_CHANGE} or more points counts as meaningful).
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
