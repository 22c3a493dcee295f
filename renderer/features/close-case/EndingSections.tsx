/** The sections of the ending form, in the order they are asked. */
import { useCallback } from 'react';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import {
  CRITERION_FINAL_STATUS,
  CRITERION_FINAL_STATUS_LABELS,
  ENDING_REASON_LABELS,
  ENDING_REASONS,
  type CriterionFinalStatus,
  type EndingReason,
} from '../../../shared/domain/lifecycle';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { CriterionRadios } from '../../components/CriterionRadios';
import { DateInput } from '../../components/DateInput';
import { fieldId } from '../../lib/field-ids';
import { ErrorMessage, RadioGroup, TextArea, TextInput } from '../../components/fields';
import { GoalScoreInputs } from '../../components/GoalScoreInputs';
import type { DraftFields } from '../../hooks/use-draft-fields';
import { CurrentViewSection, type CurrentViewValue } from '../current-view/CurrentViewSection';
import { ENDING_DATE_LABEL, type EndingDraft } from './close-case-draft';

const REASON_OPTIONS = ENDING_REASONS.map((value) => ({ value, label: ENDING_REASON_LABELS[value] }));
const STATUS_OPTIONS = CRITERION_FINAL_STATUS.map((value) => ({ value, label: CRITERION_FINAL_STATUS_LABELS[value] }));
const YES_NO = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];

type MessageFor = (path: string) => string | undefined;

interface SectionProps {
  fields: DraftFields<EndingDraft>;
  draft: EndingDraft;
}

/** When the case ended and why, with the trust's closure code. */
export function WhyEnded({ fields: { bind }, draft }: SectionProps) {
  return (
    <>
      <DateInput {...bind('endingDate')} label={ENDING_DATE_LABEL} />
      <RadioGroup<EndingReason> {...bind('reason')} label="Reason for ending" options={REASON_OPTIONS} />
      {draft.reason === 'other' ? <TextInput {...bind('reasonOther')} label="Other reason" width={30} /> : null}
      <TextInput
        {...bind('mhsdsCode')}
        label="MHSDS closure code (optional)"
        hint="The referral closure reason code your trust reports, two digits from 01 to 09."
        width={3}
        inputMode="numeric"
        autoComplete="off"
      />
    </>
  );
}

/** Whether each ending criterion agreed in the plan was met. */
export function CriteriaMet({ fields: { change }, draft, criteria, messageFor }: SectionProps & { criteria: readonly EndingCriterionRecord[]; messageFor: MessageFor }) {
  return (
    <>
      <h2 className="heading-l">Ending criteria</h2>
      {criteria.length > 0 ? (
        <>
          <p className="hint">Whether each agreed ending criterion was met.</p>
          <CriterionRadios<CriterionFinalStatus>
            list="criteriaStatus"
            criteria={criteria}
            values={draft.criteria}
            options={STATUS_OPTIONS}
            onChange={(id, v) => change((d) => ({ criteria: { ...d.criteria, [id]: v } }))}
            messageFor={messageFor}
          />
        </>
      ) : (
        <p>No ending criteria were agreed for this case.</p>
      )}
    </>
  );
}

/** A final rating for every active goal. */
export function FinalRatings({ fields: { change }, draft, goals, messageFor }: SectionProps & { goals: readonly GoalRecord[]; messageFor: MessageFor }) {
  return (
    <>
      <h2 className="heading-l">Final goal ratings</h2>
      {goals.length > 0 ? (
        <GoalScoreInputs
          list="finalRatings"
          goals={goals}
          values={draft.finalRatings}
          onChange={(id, t) => change((d) => ({ finalRatings: { ...d.finalRatings, [id]: t } }))}
          label={(n) => `Final rating for goal ${n} (0 to 10)`}
          messageFor={messageFor}
        />
      ) : (
        <p>This case has no active goals to rate.</p>
      )}
    </>
  );
}

/**
 * The Current View at close, whose grouping becomes the case's grouping at close. Its own error
 * (the case cannot close without it) sits on the section, which the summary's link focuses.
 */
export function CurrentViewAtClose({
  fields: { change },
  draft,
  grouping,
  messageFor,
}: SectionProps & { grouping: GroupingCode | null; messageFor: MessageFor }) {
  const onCurrentView = useCallback(
    (update: (v: CurrentViewValue) => CurrentViewValue) => change((d) => ({ currentView: update(d.currentView) })),
    [change],
  );
  const error = messageFor('currentView');
  return (
    <section className={error ? 'form-group form-group--error' : undefined} aria-labelledby={fieldId('currentView')}>
      <h2 className="heading-l" id={fieldId('currentView')} tabIndex={-1}>
        Current View at close
      </h2>
      {error ? <ErrorMessage path="currentView" message={error} /> : null}
      <p className="hint">Rate each item from what you understand now, and agree the grouping at close with the family.</p>
      <CurrentViewSection
        value={draft.currentView}
        onChange={onCurrentView}
        messageFor={messageFor}
        pathPrefix="currentView."
        headingLevel={3}
        groupings={GROUPING_CODES}
        groupingLabel="THRIVE grouping at close"
        groupingHint={`${grouping ? `Currently ${GROUPING_LABELS[grouping]}. ` : ''}Often Thriving or Getting Advice and Signposting at the end of help.`}
      />
    </section>
  );
}

/** What continues after the ending, and whether the ending was talked about from the start. */
export function AfterTheEnding({ fields: { bind } }: Pick<SectionProps, 'fields'>) {
  return (
    <>
      <h2 className="heading-l">After the ending</h2>
      <TextArea {...bind('continuingSupport')} label="Continuing support (optional)" hint="Where help continues, for example community support." />
      <TextArea {...bind('signposting')} label="Signposting (optional)" />
      <TextArea {...bind('wellbeingPlan')} label="Wellbeing plan the young person keeps (optional)" rows={4} />
      <RadioGroup<'yes' | 'no'> {...bind('discussedFromStart')} label="Was the ending discussed from the start?" options={YES_NO} inline />
    </>
  );
}
