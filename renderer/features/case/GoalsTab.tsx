import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { GBO_CHANGE_LABELS, GBO_RELIABLE_CHANGE, goalProgress, type GboChange } from '../../../shared/domain/gbo';
import { isGoalStuck } from '../../../shared/domain/flags';
import type { Settings } from '../../../shared/domain/settings';
import type { CaseDetail, GoalRecord } from '../../../shared/ipc/types';
import { Tag, type TagTone } from '../../components/Tag';
import { GoalChart } from './GoalChart';
import { goalEnd, goalName } from './goal-labels';
import { GoalRatingsTable } from './GoalRatingsTable';

/** The wording the NHS England CYP outcome metric's threshold is explained with, everywhere. */
export const GBO_THRESHOLD_NOTE =
  'A change of 3 or more points between the first and latest rating counts as meaningful (NHS England CYP outcome metric)';

const CHANGE_TONE: Record<GboChange, TagTone> = { improved: 'neutral', no_reliable_change: 'info', deteriorated: 'warning' };

const on = (date: IsoDate | null) => (date ? ` on ${formatUkDate(date)}` : '');

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function GoalProgressItem({ goal, goals, stuckWeeks, caseOpen }: { goal: GoalRecord; goals: readonly GoalRecord[]; stuckWeeks: number; caseOpen: boolean }) {
  const progress = goalProgress(goal.ratings);
  const end = goalEnd(goal, goals);
  const replaces = goal.replacesGoalId ? goals.find((g) => g.id === goal.replacesGoalId) : undefined;
  const stuck = caseOpen && !end && isGoalStuck(goal.ratings.map((r) => ({ date: r.ratedOn, score: r.score })), stuckWeeks);
  return (
    <li className="goal-progress__item">
      <h4 className="heading-s">
        {goalName(goal)}
        {end ? (
          <>
            {' '}
            <Tag tone="info">{end.kind === 'reworded' ? 'Reworded' : end.kind === 'dropped' ? 'Dropped' : 'Achieved'}</Tag>
          </>
        ) : null}
      </h4>
      {end?.kind === 'reworded' ? (
        <p>
          Reworded{on(end.on)} as {goalName(end.by)}.
        </p>
      ) : null}
      {end && end.kind !== 'reworded' ? (
        <p>
          {end.kind === 'dropped' ? 'Dropped' : 'Achieved'}
          {on(end.on)}.
        </p>
      ) : null}
      {replaces ? <p>Rewords {goalName(replaces)}.</p> : null}
      {!progress ? (
        <p>Not rated yet.</p>
      ) : goal.ratings.length === 1 ? (
        <p>Rated once so far ({progress.first}): change is judged from the next rating.</p>
      ) : (
        <p>
          First → latest: {progress.first} → {progress.latest} ({signed(progress.latest - progress.first)}){' '}
          <Tag tone={CHANGE_TONE[progress.change]}>{GBO_CHANGE_LABELS[progress.change]}</Tag>
        </p>
      )}
      {stuck ? (
        <p className="goal-progress__stuck">
          <Tag tone="warning">Stuck</Tag> Moved less than {GBO_RELIABLE_CHANGE} points over at least {stuckWeeks} weeks: the next
          review records what was agreed about it.
        </p>
      ) : null}
    </li>
  );
}

/**
 * Goal Based Outcomes over time: the chart and its table, then each goal's first → latest rating
 * judged with the national threshold of 3. Dropped and reworded goals stay visible, marked, so the
 * record of what was worked on is complete.
 */
export function GoalsTab({ detail, settings }: { detail: CaseDetail; settings: Settings }) {
  const { goals } = detail;
  const caseOpen = detail.summary.status === 'open';
  return (
    <section aria-labelledby="goals-heading">
      <h2 className="heading-l" id="goals-heading">
        Goals
      </h2>
      {goals.length === 0 ? (
        <p>Goals are set when the plan is agreed.</p>
      ) : (
        <>
          <p className="inset">{GBO_THRESHOLD_NOTE}</p>
          <GoalChart goals={goals} />
          <GoalRatingsTable goals={goals} />
          <h3 className="heading-m">Change from first to latest rating</h3>
          <ul className="goal-progress">
            {goals.map((g) => (
              <GoalProgressItem key={g.id} goal={g} goals={goals} stuckWeeks={settings.goalsStuckWeeks} caseOpen={caseOpen} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
