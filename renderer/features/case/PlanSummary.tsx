import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import { LIKELIHOOD_LABELS, PARTICIPANT_LABELS } from '../../../shared/ipc/schemas/plan';
import type { PlanRecord } from '../../../shared/ipc/types';
import { SummaryRow } from '../../components/SummaryList';

function participants(plan: PlanRecord): string {
  return plan.sdm.participants
    .map((p) => (p === 'other' && plan.sdm.otherParticipants ? `Others: ${plan.sdm.otherParticipants}` : PARTICIPANT_LABELS[p]))
    .join('; ');
}

/** The agreed THRIVE plan, in the order it was agreed: outcome, ending, likelihood, contingency. */
export function PlanSummary({ plan }: { plan: PlanRecord }) {
  const c = plan.sdm.collaborate;
  return (
    <dl className="summary-list">
      <SummaryRow label="Date agreed">
        {formatUkDate(plan.agreedDate)} by {plan.createdByName}
      </SummaryRow>
      <SummaryRow label="THRIVE grouping">{GROUPING_LABELS[plan.grouping]}</SummaryRow>
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
