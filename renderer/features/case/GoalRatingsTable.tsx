import { formatUkDate } from '../../../shared/dates';
import type { GoalRecord } from '../../../shared/ipc/types';
import { goalEnd, goalEndPhrase, goalName, ratingsInOrder } from './goal-labels';

/** The chart's table equivalent: a row per date, a column per goal (dropped and reworded ones marked). */
export function GoalRatingsTable({ goals }: { goals: readonly GoalRecord[] }) {
  const rated = goals.filter((g) => g.ratings.length > 0);
  const dates = [...new Set(rated.flatMap((g) => g.ratings.map((r) => r.ratedOn)))].sort();
  return (
    <div className="table-container">
      <table className="table goal-ratings-table">
        <caption className="table__caption">GBO ratings over time</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {rated.map((g) => {
              const end = goalEnd(g, goals);
              return (
                <th scope="col" key={g.id}>
                  {goalName(g)}
                  {end ? <span className="goal-ratings-table__ended"> ({goalEndPhrase(end)})</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {dates.map((date) => (
            <tr key={date}>
              <th scope="row" className="nowrap">
                {formatUkDate(date)}
              </th>
              {rated.map((g) => {
                // Two ratings of one goal on one day (e.g. agreed then reviewed) are both shown, in order.
                const scores = ratingsInOrder(g)
                  .filter((r) => r.ratedOn === date)
                  .map((r) => r.score);
                return (
                  <td className="numeric" key={g.id}>
                    {scores.length > 0 ? (
                      scores.join(', ')
                    ) : (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">Not rated</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
