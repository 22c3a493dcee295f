import type { ComponentType } from 'react';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { isAdvice, LIKELIHOOD_LABELS, LIKELIHOODS, PLAN_FIELD_LABELS as LABEL } from '../../../shared/ipc/schemas/plan';
import { DateInput } from '../../components/DateInput';
import { RadioGroup, TextArea, TextInput } from '../../components/fields';
import type { PlanFieldsDraft } from './plan-draft';
import { SharedDecisionFieldset } from './SharedDecisionFieldset';

const LIKELIHOOD_OPTIONS = LIKELIHOODS.map((value) => ({ value, label: LIKELIHOOD_LABELS[value] }));

type WithCriteria<C> = PlanFieldsDraft & { endingCriteria: C[] };

interface Props<C> {
  draft: WithCriteria<C>;
  onChange(patch: Partial<WithCriteria<C>>): void;
  messageFor(path: string): string | undefined;
  grouping: GroupingCode;
  settings: Settings;
  /** Each form edits the ending criteria its own way (a revision keeps, rewords or drops them). */
  Criteria: ComponentType<{ criteria: C[]; onChange(criteria: C[]): void; messageFor(path: string): string | undefined }>;
  labels: { targetDate: string; reviewDate: string };
  /** The contingency hint unless it is optional (Getting Advice and Signposting, Thriving). */
  contingencyHint: string;
  /** The first plan also stops its review date following the date agreed. */
  onReviewDateChange?(reviewDate: string): void;
  reviewDateHint?: string | undefined;
}

/** The fields a first plan and a revised plan share: outcome and ending, review, shared decision making. */
export function PlanFields<C>({ draft, onChange, messageFor, grouping, settings, Criteria, labels, ...props }: Props<C>) {
  const advice = isAdvice(grouping);
  const text = (key: 'agreedOutcome' | 'likelihoodNote' | 'contingency' | 'riskSupportSummary') => ({
    path: key,
    value: draft[key],
    onChange: (value: string) => onChange({ [key]: value }),
    error: messageFor(key),
  });

  return (
    <>
      <h2 className="heading-l">Agreed outcome and ending</h2>
      <TextArea {...text('agreedOutcome')} label={LABEL.agreedOutcome} rows={4} />
      <Criteria
        criteria={draft.endingCriteria}
        onChange={(endingCriteria) => onChange({ endingCriteria })}
        messageFor={messageFor}
      />
      <RadioGroup
        path="likelihood"
        label={LABEL.likelihood}
        options={LIKELIHOOD_OPTIONS}
        value={draft.likelihood}
        onChange={(likelihood) => onChange({ likelihood })}
        error={messageFor('likelihood')}
        inline
      />
      <TextInput {...text('likelihoodNote')} label={`${LABEL.likelihoodNote} (optional)`} width={30} />
      <DateInput
        path="targetDate"
        label={labels.targetDate}
        value={draft.targetDate}
        onChange={(targetDate) => onChange({ targetDate })}
        error={messageFor('targetDate')}
      />
      <TextArea
        {...text('contingency')}
        label="If not achieved by the target date (contingency)"
        hint={
          advice
            ? 'What will happen if the outcome is not reached by then. Optional for Getting Advice and Signposting.'
            : props.contingencyHint
        }
      />
      <h2 className="heading-l">Review</h2>
      <DateInput
        path="reviewDate"
        label={labels.reviewDate}
        value={draft.reviewDate}
        onChange={props.onReviewDateChange ?? ((reviewDate) => onChange({ reviewDate }))}
        error={messageFor('reviewDate')}
        extraHint={props.reviewDateHint}
      />
      {grouping === 'getting_risk_support' ? (
        <TextArea
          {...text('riskSupportSummary')}
          label={LABEL.riskSupportSummary}
          hint={`Who does what, with which agencies, and how risk is shared. Getting Risk Support is reviewed at least every ${settings.riskSupportMaxWeeks} weeks.`}
          rows={4}
        />
      ) : null}
      <SharedDecisionFieldset draft={draft} onChange={onChange} messageFor={messageFor} />
    </>
  );
}
