import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { LIKELIHOOD_LABELS, PARTICIPANT_LABELS } from '../../../shared/ipc/schemas/plan';
import type { GoalRecord, PlanRecord } from '../../../shared/ipc/types';
import { SummaryRow } from '../../components/SummaryList';
import { goalsInForceOn } from './goal-labels';

function participants(plan: PlanRecord): string {
  return plan.sdm.participants
    .map((p) => (p === 'other' && plan.sdm.otherParticipants ? `Others: ${plan.sdm.otherParticipants}` : PARTICIPANT_LABELS[p]))
    .join('; ');
}

/**
 * One version of the THRIVE plan, in the order it was agreed: the goals it worked on (in the young
 * person's words), outcome, ending criteria, likelihood, contingency.
 */
export function PlanSummary({ plan, goals }: { plan: PlanRecord; goals: readonly GoalRecord[] }) {
  const c = plan.sdm.collaborate;
  const inForce = goalsInForceOn(goals, plan.agreedDate);
  return (
    <dl className="summary-list">
      <SummaryRow label={plan.versionNo > 1 ? 'Date revised' : 'Date agreed'}>
        {formatUkDate(plan.agreedDate)} by {plan.createdByName}
      </SummaryRow>
      <SummaryRow label="THRIVE grouping">{GROUPING_LABELS[plan.grouping]}</SummaryRow>
      <SummaryRow label="Goals">
        {inForce.length > 0 ? (
          <ol className="list list--plain">
            {inForce.map((g) => (
              <li key={g.id}>
                Goal {g.position}: <span className="goal-words">&ldquo;{g.description}&rdquo;</span>
              </li>
            ))}
          </ol>
        ) : (
          'No goals set'
        )}
      </SummaryRow>
      <SummaryRow label="What success would look like">
        <span className="preserve-lines">{plan.agreedOutcome}</span>
      </SummaryRow>
      <SummaryRow label="Ending criteria">
        <ol className="list list--number">
          {plan.endingCriteria.map((criterion) => (
            <li key={criterion.id}>{criterion.text}</li>
          ))}
        </ol>
      </SummaryRow>
      <SummaryRow label="How likely by the target date">
        {LIKELIHOOD_LABELS[plan.likelihood]}
        {plan.likelihoodNote ? `: ${plan.likelihoodNote}` : ''}
      </SummaryRow>
      <SummaryRow label="Target date">{formatUkDate(plan.targetDate)}</SummaryRow>
      <SummaryRow label="If not achieved by the target date">
        <span className="preserve-lines">{plan.contingency ?? 'Not recorded'}</span>
      </SummaryRow>
      <SummaryRow label="Agreed review date">{formatUkDate(plan.reviewDate)}</SummaryRow>
      {plan.riskSupportSummary ? (
        <SummaryRow label="Risk-support plan summary">
          <span className="preserve-lines">{plan.riskSupportSummary}</span>
        </SummaryRow>
      ) : null}
      <SummaryRow label="Who took part">{participants(plan)}</SummaryRow>
      <SummaryRow label="Options considered">
        <span className="preserve-lines">{plan.sdm.optionsConsidered}</span>
      </SummaryRow>
      <SummaryRow label="Decision aid used">{plan.sdm.decisionAid ?? 'None recorded'}</SummaryRow>
      <SummaryRow label="CollaboRATE">
        {c ? `Understanding ${c.understand}, listening ${c.listen}, including ${c.include} (each out of 9)` : 'Not recorded'}
      </SummaryRow>
    </dl>
  );
}
