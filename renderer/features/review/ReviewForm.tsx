import { useCallback, type FormEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import {
  CRITERION_PROGRESS,
  CRITERION_PROGRESS_LABELS,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  type CriterionProgress,
  type ReviewDecision,
} from '../../../shared/domain/lifecycle';
import { PARTICIPANT_LABELS, PARTICIPANTS, type Participant } from '../../../shared/ipc/schemas/plan';
import { explicitDiscussionReason, RecordReviewArgs, reviewRules } from '../../../shared/ipc/schemas/review';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { CaseFormErrors, CaseFormFrame, caseCaption, type CaseFormLoaded } from '../../components/case-form';
import { activeGoals, criteriaInForce, goalsForRules, lastReviewDate } from '../../components/case-records';
import { CriterionRadios } from '../../components/CriterionRadios';
import { DateInput } from '../../components/DateInput';
import { DraftNotice } from '../../components/DraftNotice';
import { fieldId } from '../../components/field-ids';
import { CheckboxGroup, ErrorMessage, RadioGroup, TextArea, TextInput } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { GoalScoreInputs } from '../../components/GoalScoreInputs';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft } from '../../components/use-draft';
import { useUnsavedChanges } from '../../components/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { CurrentViewSection, type CurrentViewValue } from '../current-view/CurrentViewSection';
import { ExplicitDiscussionField } from './ExplicitDiscussionField';
import { NoPlanNotice } from './NoPlanNotice';
import {
  groupingAfter,
  initialReviewDraft,
  nextReviewDefault,
  restoreReviewDraft,
  REVIEW_LABELS,
  reviewDateOf,
  toReviewInput,
  validRatings,
  type ReviewDraft,
} from './review-draft';

const TITLE = 'Record a review';
const PARTICIPANT_OPTIONS = PARTICIPANTS.map((value) => ({ value, label: PARTICIPANT_LABELS[value] }));
const PROGRESS_OPTIONS = CRITERION_PROGRESS.map((value) => ({ value, label: CRITERION_PROGRESS_LABELS[value] }));
const DECISION_HINTS: Partial<Record<ReviewDecision, string>> = {
  revise_plan: 'After saving the review you go on to revise the plan.',
  move_to_ending: 'Say how the ending will be worked towards.',
  change_grouping: 'Choose the new grouping in the Current View at review above.',
};
const DECISION_OPTIONS = REVIEW_DECISIONS.map((value) => ({ value, label: REVIEW_DECISION_LABELS[value], hint: DECISION_HINTS[value] }));

/** A review (docs/product.md#review): ratings, criteria progress, the Current View and grouping, a decision. */
export function ReviewForm({ caseId }: { caseId: string }) {
  return (
    <CaseFormFrame
      caseId={caseId}
      title={TITLE}
      draftKind="review"
      notReady={(detail) => (detail.plan ? null : <NoPlanNotice caseId={caseId} what="recording a review" />)}
    >
      {(loaded) => <ReviewEditor {...loaded} />}
    </CaseFormFrame>
  );
}

function ReviewEditor({ detail, saved, reload, today, settings }: CaseFormLoaded) {
  const { navigateAfterSave } = useNavigationActions();
  const { markDirty } = useUnsavedChanges();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const caseGrouping = detail.summary.grouping ?? detail.plan?.grouping ?? 'getting_help';
  const goals = activeGoals(detail);
  const criteria = criteriaInForce(detail);
  const autosave = useDraft<ReviewDraft>({
    kind: 'review',
    caseId,
    saved,
    initial: () => initialReviewDraft(today, caseGrouping, settings),
    restore: restoreReviewDraft,
  });
  const { value: draft, setValue } = autosave;
  usePageTitle(TITLE, form.errors.length > 0);

  /** Applies a change; the next review date follows the review date and grouping until edited. */
  const change = useCallback(
    (patch: (d: ReviewDraft) => Partial<ReviewDraft>) => {
      setValue((d) => {
        const next = { ...d, ...patch(d) };
        if (next.nextReviewDateTouched) return next;
        const follow = nextReviewDefault(next.reviewDate, groupingAfter(next, caseGrouping), settings);
        return follow ? { ...next, nextReviewDate: follow } : next;
      });
      markDirty();
    },
    [setValue, markDirty, caseGrouping, settings],
  );
  const onCurrentView = useCallback(
    (update: (v: CurrentViewValue) => CurrentViewValue) => change((d) => ({ currentView: update(d.currentView) })),
    [change],
  );
  const text = (key: 'endingPlan' | 'notes' | 'otherAttendees') => ({
    path: key,
    value: draft[key],
    onChange: (value: string) => change(() => ({ [key]: value })),
    error: form.messageFor(key),
  });

  const ruleContext = {
    today,
    openDate: detail.summary.openDate,
    lastReviewDate: lastReviewDate(detail),
    targetDate: detail.summary.targetDate ?? detail.plan?.targetDate ?? null,
    grouping: detail.summary.grouping,
    activeGoals: goalsForRules(detail),
    criteria: criteria.map(({ id, text: t }) => ({ id, text: t })),
    settings,
  };
  // Worked out as the clinician types: a passed target date or a stuck goal makes the discussion required.
  const discussionReason = explicitDiscussionReason(
    { reviewDate: reviewDateOf(draft), goalRatings: validRatings(draft, goals) },
    ruleContext,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const { input, toFormErrors } = toReviewInput(draft, { caseId, caseVersion: detail.summary.version, goals, criteria });
    const checked = validateWith(RecordReviewArgs, input, reviewRules, ruleContext);
    if (!checked.ok) return form.fail(toFormErrors(checked.fields));
    await form.save(async () => {
      const review = await autosave.whileSaving(() => request((api) => api.review.record(checked.value)));
      form.clear();
      navigateAfterSave(
        review.decision === 'revise_plan' ? { name: 'revise-plan', caseId, reviewId: review.id } : { name: 'case', caseId, tab: 'reviews' },
      );
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
          THRIVE grouping: <strong>{GROUPING_LABELS[caseGrouping]}</strong>. Target date:{' '}
          <strong>{formatUkDate(ruleContext.targetDate) || 'not set'}</strong>.
          {ruleContext.lastReviewDate ? ` Last review ${formatUkDate(ruleContext.lastReviewDate)}.` : ' No review held yet.'}
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DateInput
          path="reviewDate"
          label={REVIEW_LABELS.reviewDate}
          value={draft.reviewDate}
          onChange={(reviewDate) => change(() => ({ reviewDate }))}
          error={form.messageFor('reviewDate')}
        />
        <CheckboxGroup<Participant>
          path="attendees"
          label="Who attended"
          hint="Select all that apply."
          options={PARTICIPANT_OPTIONS}
          values={draft.attendees}
          onChange={(attendees) => change(() => ({ attendees }))}
          error={form.messageFor('attendees')}
          conditional={{ other: <TextInput {...text('otherAttendees')} label="Who else attended" width={30} /> }}
        />

        <h2 className="heading-l">Goals</h2>
        {goals.length > 0 ? (
          <>
            <p className="hint">
              Rate each goal with the young person from 0 (no progress towards the goal) to 10 (goal reached).
            </p>
            <GoalScoreInputs
              list="goalRatings"
              goals={goals}
              values={draft.ratings}
              onChange={(id, t) => change((d) => ({ ratings: { ...d.ratings, [id]: t } }))}
              label={(n) => `Goal ${n} rating (0 to 10)`}
              messageFor={form.messageFor}
            />
          </>
        ) : (
          <p>This plan has no goals to rate.</p>
        )}

        <h2 className="heading-l">Ending criteria</h2>
        <p className="hint">How far each agreed ending criterion has been met so far.</p>
        <CriterionRadios<CriterionProgress>
          list="criteriaProgress"
          criteria={criteria}
          values={draft.criteria}
          options={PROGRESS_OPTIONS}
          onChange={(id, v) => change((d) => ({ criteria: { ...d.criteria, [id]: v } }))}
          messageFor={form.messageFor}
        />

        <section className={cvError ? 'form-group form-group--error' : undefined} aria-labelledby={fieldId('currentView')}>
          <h2 className="heading-l" id={fieldId('currentView')} tabIndex={-1}>
            Current View at review
          </h2>
          {cvError ? <ErrorMessage path="currentView" message={cvError} /> : null}
          <p className="hint">
            Rate each item from what you understand now, and agree the grouping with the family: it may change. If it
            cannot be completed today, leave it all blank: the review is saved with its Current View marked missing,
            to record later.
          </p>
          <CurrentViewSection
            value={draft.currentView}
            onChange={onCurrentView}
            messageFor={form.messageFor}
            pathPrefix="currentView."
            headingLevel={3}
            groupings={GROUPING_CODES}
            groupingLabel="THRIVE grouping agreed with the family"
            groupingHint={`Currently ${GROUPING_LABELS[caseGrouping]}. Choose it with the young person and family: it is a shared decision, not worked out from the ratings.`}
          />
        </section>

        <RadioGroup<ReviewDecision>
          path="decision"
          label="Decision"
          options={DECISION_OPTIONS}
          value={draft.decision}
          onChange={(decision) => change(() => ({ decision }))}
          error={form.messageFor('decision')}
        />
        {draft.decision === 'move_to_ending' ? (
          <TextArea {...text('endingPlan')} label="Ending plan" hint="How the ending will be worked towards, and by when." rows={4} />
        ) : null}
        <ExplicitDiscussionField
          reason={discussionReason}
          value={draft.explicitDiscussion}
          onChange={(explicitDiscussion) => change(() => ({ explicitDiscussion }))}
          error={form.messageFor('explicitDiscussion')}
        />
        <DateInput
          path="nextReviewDate"
          label={REVIEW_LABELS.nextReviewDate}
          value={draft.nextReviewDate}
          onChange={(nextReviewDate) => change(() => ({ nextReviewDate, nextReviewDateTouched: true }))}
          error={form.messageFor('nextReviewDate')}
          extraHint={draft.nextReviewDateTouched ? undefined : 'Set from the date of the review and the review interval; you can change it.'}
        />
        <TextArea {...text('notes')} label="Notes (optional)" rows={4} />
        <button type="submit" className="button">
          Save review
        </button>
      </form>
    </>
  );
}
