import { formatUkDate, formatUkDateTime } from '../../../shared/dates';
import { classifyGboChange, GBO_CHANGE_LABELS, goalProgress } from '../../../shared/domain/gbo';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { CRITERION_FINAL_STATUS_LABELS, ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import type { CaseDetail, EndingRecord } from '../../../shared/ipc/types';
import { SummaryRow } from '../../components/SummaryList';
import { Tag } from '../../components/Tag';
import { goalName } from './goal-labels';

const Text = ({ value }: { value: string | null }) =>
  value ? <span className="preserve-lines">{value}</span> : <span className="muted">None recorded</span>;

function reason(ending: EndingRecord): string {
  const label = ENDING_REASON_LABELS[ending.reason];
  return ending.reason === 'other' && ending.reasonOther ? `${label}: ${ending.reasonOther}` : label;
}

/** The ending summary: why and how the case ended, where each criterion and goal got to, and what continues. */
export function EndingTab({ detail }: { detail: CaseDetail }) {
  const ending = detail.ending;
  if (!ending) {
    return (
      <section aria-labelledby="ending-heading">
        <h2 className="heading-l" id="ending-heading">
          Ending
        </h2>
        <p>Not ended yet.</p>
      </section>
    );
  }
  const closingView = ending.currentViewId ? detail.currentViews.find((v) => v.id === ending.currentViewId) : undefined;
  return (
    <section aria-labelledby="ending-heading">
      <h2 className="heading-l" id="ending-heading">
        Ending
      </h2>
      <dl className="summary-list">
        <SummaryRow label="Ending date">{formatUkDate(ending.endingDate)}</SummaryRow>
        <SummaryRow label="Reason for ending">{reason(ending)}</SummaryRow>
        <SummaryRow label="MHSDS closure code">{ending.mhsdsCode ?? <span className="muted">Not recorded</span>}</SummaryRow>
        <SummaryRow label="Ending criteria">
          <ul className="list list--plain">
            {ending.criteriaStatus.map((s) => {
              const criterion = detail.criteria.find((c) => c.id === s.criterionId);
              return (
                <li key={s.criterionId}>
                  {criterion ? `“${criterion.text}”` : 'A criterion no longer on record'}: <strong>{CRITERION_FINAL_STATUS_LABELS[s.status]}</strong>
                </li>
              );
            })}
          </ul>
        </SummaryRow>
        <SummaryRow label="Final goal ratings (0 to 10)">
          <ul className="list list--plain">
            {ending.finalRatings.map((r) => {
              const goal = detail.goals.find((g) => g.id === r.goalId);
              // Judged against the goal's first rating: the final rating is the "latest" of the metric.
              const first = goal ? goalProgress(goal.ratings)?.first : undefined;
              return (
                <li key={r.goalId}>
                  {goal ? goalName(goal) : 'A goal no longer on record'}: <strong>{r.score}</strong>
                  {first !== undefined ? (
                    <>
                      {' '}
                      (first {first} → final {r.score}) <Tag tone="info">{GBO_CHANGE_LABELS[classifyGboChange(first, r.score)]}</Tag>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </SummaryRow>
        <SummaryRow label="Current View at close">
          {closingView ? (
            `THRIVE grouping at close: ${GROUPING_LABELS[closingView.grouping]} (completed ${formatUkDate(closingView.completedDate)})`
          ) : (
            <Tag tone="warning">Current View missing</Tag>
          )}
        </SummaryRow>
        <SummaryRow label="Continuing support">
          <Text value={ending.continuingSupport} />
        </SummaryRow>
        <SummaryRow label="Signposting">
          <Text value={ending.signposting} />
        </SummaryRow>
        <SummaryRow label="Wellbeing plan the young person keeps">
          <Text value={ending.wellbeingPlan} />
        </SummaryRow>
        <SummaryRow label="Was the ending discussed from the start?">{ending.discussedFromStart ? 'Yes' : 'No'}</SummaryRow>
        <SummaryRow label="Recorded by">
          {ending.createdByName} on {formatUkDateTime(ending.createdAt)}
        </SummaryRow>
      </dl>
    </section>
  );
}
