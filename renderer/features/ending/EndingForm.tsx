import { useCallback, type FormEvent } from 'react';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import {
  CRITERION_FINAL_STATUS,
  CRITERION_FINAL_STATUS_LABELS,
  ENDING_REASON_LABELS,
  ENDING_REASONS,
  type CriterionFinalStatus,
  type EndingReason,
} from '../../../shared/domain/lifecycle';
import { CloseCaseArgs, closeCaseRules } from '../../../shared/ipc/schemas/ending';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { CaseFormErrors, CaseFormFrame, caseCaption, type CaseFormLoaded } from '../../components/case-form';
import { activeGoals, criteriaInForce, lastReviewDate } from '../../components/case-records';
import { CriterionRadios } from '../../components/CriterionRadios';
import { DateInput } from '../../components/DateInput';
import { DraftNotice } from '../../components/DraftNotice';
import { fieldId } from '../../components/field-ids';
import { ErrorMessage, RadioGroup, TextArea, TextInput } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { GoalScoreInputs } from '../../components/GoalScoreInputs';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft } from '../../components/use-draft';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { CurrentViewSection, type CurrentViewValue } from '../current-view/CurrentViewSection';
import { ENDING_DATE_LABEL, initialEndingDraft, restoreEndingDraft, toEndingInput, type EndingDraft } from './ending-draft';

const TITLE = 'End the case';
const REASON_OPTIONS = ENDING_REASONS.map((value) => ({ value, label: ENDING_REASON_LABELS[value] }));
const STATUS_OPTIONS = CRITERION_FINAL_STATUS.map((value) => ({ value, label: CRITERION_FINAL_STATUS_LABELS[value] }));
const YES_NO = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];

/** Ending the case (docs/product.md#end). Once closed the case is read-only; it can be re-opened as a new episode. */
export function EndingForm({ caseId }: { caseId: string }) {
  return (
    <CaseFormFrame caseId={caseId} title={TITLE} draftKind="ending">
      {(loaded) => <EndingEditor {...loaded} />}
    </CaseFormFrame>
  );
}

function EndingEditor({ detail, saved, reload, today }: CaseFormLoaded) {
  const { navigateAfterSave } = useNavigationActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const grouping = detail.summary.grouping;
  const goals = activeGoals(detail);
  const criteria = criteriaInForce(detail);
  const autosave = useDraft<EndingDraft>({
    kind: 'ending',
    caseId,
    saved,
    initial: () => initialEndingDraft(today),
    restore: restoreEndingDraft,
  });
  const { value: draft, setValue } = autosave;
  usePageTitle(TITLE, form.errors.length > 0);

  const change = useCallback(
    (patch: (d: EndingDraft) => Partial<EndingDraft>) => {
      setValue((d) => ({ ...d, ...patch(d) }));
      markDirty();
    },
    [setValue, markDirty],
  );
  const onCurrentView = useCallback(
    (update: (v: CurrentViewValue) => CurrentViewValue) => change((d) => ({ currentView: update(d.currentView) })),
    [change],
  );
  const text = (key: 'reasonOther' | 'mhsdsCode' | 'continuingSupport' | 'signposting' | 'wellbeingPlan') => ({
    path: key,
    value: draft[key],
    onChange: (value: string) => change(() => ({ [key]: value })),
    error: form.messageFor(key),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const { input, toFormErrors } = toEndingInput(draft, { caseId, caseVersion: detail.summary.version, goals, criteria });
    const checked = validateWith(CloseCaseArgs, input, closeCaseRules, {
      today,
      openDate: detail.summary.openDate,
      lastReviewDate: lastReviewDate(detail),
      activeGoals: goals.map(({ id, description }) => ({ id, description })),
      criteria: criteria.map(({ id, text: t }) => ({ id, text: t })),
    });
    if (!checked.ok) return form.fail(toFormErrors(checked.fields));
    await form.save(async () => {
      await autosave.whileSaving(() => request((api) => api.cases.close(checked.value)));
      form.clear();
      navigateAfterSave({ name: 'case', caseId, tab: 'ending' });
    });
  };

  const cvError = form.messageFor('currentView');
  return (
    <>
      <CaseFormErrors form={form} caseId={caseId} onReload={reload} />
      <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
      <DraftNotice draft={autosave} />
      <div className="inset">
        <p>
          Closing the case makes it read-only. It needs the Current View at close and a final rating for every active
          goal. If help is needed again later, the case is re-opened as a new episode.
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DateInput
          path="endingDate"
          label={ENDING_DATE_LABEL}
          value={draft.endingDate}
          onChange={(endingDate) => change(() => ({ endingDate }))}
          error={form.messageFor('endingDate')}
        />
        <RadioGroup<EndingReason>
          path="reason"
          label="Reason for ending"
          options={REASON_OPTIONS}
          value={draft.reason}
          onChange={(reason) => change(() => ({ reason }))}
          error={form.messageFor('reason')}
        />
        {draft.reason === 'other' ? <TextInput {...text('reasonOther')} label="Other reason" width={30} /> : null}
        <TextInput
          {...text('mhsdsCode')}
          label="MHSDS closure code (optional)"
          hint="The referral closure reason code your trust reports, two digits from 01 to 09."
          width={3}
          inputMode="numeric"
          autoComplete="off"
        />

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
              messageFor={form.messageFor}
            />
          </>
        ) : (
          <p>No ending criteria were agreed for this case.</p>
        )}

        <h2 className="heading-l">Final goal ratings</h2>
        {goals.length > 0 ? (
          <GoalScoreInputs
            list="finalRatings"
            goals={goals}
            values={draft.finalRatings}
            onChange={(id, t) => change((d) => ({ finalRatings: { ...d.finalRatings, [id]: t } }))}
            label={(n) => `Final rating for goal ${n} (0 to 10)`}
            messageFor={form.messageFor}
          />
        ) : (
          <p>This case has no active goals to rate.</p>
        )}

        <section className={cvError ? 'form-group form-group--error' : undefined} aria-labelledby={fieldId('currentView')}>
          <h2 className="heading-l" id={fieldId('currentView')} tabIndex={-1}>
            Current View at close
          </h2>
          {cvError ? <ErrorMessage path="currentView" message={cvError} /> : null}
          <p className="hint">Rate each item from what you understand now, and agree the grouping at close with the family.</p>
          <CurrentViewSection
            value={draft.currentView}
            onChange={onCurrentView}
            messageFor={form.messageFor}
            pathPrefix="currentView."
            headingLevel={3}
            groupings={GROUPING_CODES}
            groupingLabel="THRIVE grouping at close"
            groupingHint={`${grouping ? `Currently ${GROUPING_LABELS[grouping]}. ` : ''}Often Thriving or Getting Advice and Signposting at the end of help.`}
          />
        </section>

        <h2 className="heading-l">After the ending</h2>
        <TextArea {...text('continuingSupport')} label="Continuing support (optional)" hint="Where help continues, for example community support." />
        <TextArea {...text('signposting')} label="Signposting (optional)" />
        <TextArea {...text('wellbeingPlan')} label="Wellbeing plan the young person keeps (optional)" rows={4} />
        <RadioGroup<'yes' | 'no'>
          path="discussedFromStart"
          label="Was the ending discussed from the start?"
          options={YES_NO}
          value={draft.discussedFromStart}
          onChange={(discussedFromStart) => change(() => ({ discussedFromStart }))}
          error={form.messageFor('discussedFromStart')}
          inline
        />
        <button type="submit" className="button">
          Close the case
        </button>
      </form>
    </>
  );
}
