import { useCallback, type FormEvent } from 'react';
import type { GroupingCode } from '../../../shared/domain/groupings';
import { REVIEW_DECISION_LABELS, REVIEW_DECISIONS, type ReviewDecision } from '../../../shared/domain/lifecycle';
import { PARTICIPANT_LABELS, PARTICIPANTS, type Participant } from '../../../shared/ipc/schemas/plan';
import { explicitDiscussionReason } from '../../../shared/ipc/schemas/review';
import { request } from '../../api/client';
import { CaseFormErrors, CaseFormFrame, caseCaption, type CaseFormLoaded } from '../../components/case-form';
import { activeGoals, criteriaInForce, ruleContextOf } from '../../lib/case-records';
import { DateInput } from '../../components/DateInput';
import { DraftNotice } from '../../components/DraftNotice';
import { CheckboxGroup, RadioGroup, TextArea, TextInput } from '../../components/fields';
import { useFormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft } from '../../hooks/use-draft';
import { useUnsavedChanges } from '../../hooks/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import type { CurrentViewValue } from '../current-view/CurrentViewSection';
import { ExplicitDiscussionField } from './ExplicitDiscussionField';
import { NoPlanNotice } from './NoPlanNotice';
import {
  groupingAfter,
  initialReviewDraft,
  nextReviewDefault,
  restoreReviewDraft,
  REVIEW_LABELS,
  reviewDateOf,
  checkReview,
  validRatings,
  type ReviewDraft,
} from './review-draft';
import { ReviewCurrentView, ReviewProgress, ReviewSituation } from './ReviewSections';

const TITLE = 'Record a review';
const PARTICIPANT_OPTIONS = PARTICIPANTS.map((value) => ({ value, label: PARTICIPANT_LABELS[value] }));
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

interface DecisionProps {
  draft: ReviewDraft;
  change(patch: () => Partial<ReviewDraft>): void;
  messageFor(path: string): string | undefined;
  discussionReason: string | null;
}

/** What was decided: with "move to ending", the ending plan; when needed, the explicit discussion. */
function ReviewDecisionFields({ draft, change, messageFor, discussionReason }: DecisionProps) {
  return (
    <>
      <RadioGroup<ReviewDecision>
        path="decision"
        label="Decision"
        options={DECISION_OPTIONS}
        value={draft.decision}
        onChange={(decision) => change(() => ({ decision }))}
        error={messageFor('decision')}
      />
      {draft.decision === 'move_to_ending' ? (
        <TextArea
          path="endingPlan"
          value={draft.endingPlan}
          onChange={(endingPlan) => change(() => ({ endingPlan }))}
          error={messageFor('endingPlan')}
          label="Ending plan"
          hint="How the ending will be worked towards, and by when."
          rows={4}
        />
      ) : null}
      <ExplicitDiscussionField
        reason={discussionReason}
        value={draft.explicitDiscussion}
        onChange={(explicitDiscussion) => change(() => ({ explicitDiscussion }))}
        error={messageFor('explicitDiscussion')}
      />
    </>
  );
}

/** The review's typing, autosaved; the next review date follows the review date and grouping until edited. */
function useReviewDraft({ detail, saved, today, settings }: CaseFormLoaded, caseGrouping: GroupingCode) {
  const { markDirty } = useUnsavedChanges();
  const autosave = useDraft<ReviewDraft>({
    kind: 'review',
    caseId: detail.summary.id,
    saved,
    initial: () => initialReviewDraft(today, caseGrouping, settings),
    restore: restoreReviewDraft,
  });
  const { setValue } = autosave;
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
  return { autosave, draft: autosave.value, change, onCurrentView };
}

function ReviewEditor(loaded: CaseFormLoaded) {
  const { detail, reload, today, settings } = loaded;
  const { navigateAfterSave } = useNavigationActions();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const caseGrouping = detail.summary.grouping ?? detail.plan?.grouping ?? 'getting_help';
  const [goals, criteria] = [activeGoals(detail), criteriaInForce(detail)];
  const { autosave, draft, change, onCurrentView } = useReviewDraft(loaded, caseGrouping);
  usePageTitle(TITLE, form.errors.length > 0);
  const text = (key: 'notes' | 'otherAttendees') => ({
    path: key,
    value: draft[key],
    onChange: (value: string) => change(() => ({ [key]: value })),
    error: form.messageFor(key),
  });

  const ruleContext = ruleContextOf(detail, today, settings);
  // Worked out as the clinician types: a passed target date or a stuck goal makes the discussion required.
  const discussionReason = explicitDiscussionReason(
    { reviewDate: reviewDateOf(draft), goalRatings: validRatings(draft, goals) },
    ruleContext,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = checkReview(draft, { caseId, caseVersion: detail.summary.version, goals, criteria }, ruleContext);
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      const review = await autosave.whileSaving(() => request((api) => api.review.record(checked.value)));
      form.clear();
      navigateAfterSave(
        review.decision === 'revise_plan' ? { name: 'revise-plan', caseId, reviewId: review.id } : { name: 'case', caseId, tab: 'reviews' },
      );
    });
  };

  return (
    <>
      <CaseFormErrors form={form} caseId={caseId} onReload={reload} />
      <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
      <DraftNotice draft={autosave} />
      <ReviewSituation grouping={caseGrouping} context={ruleContext} />
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
        <ReviewProgress goals={goals} criteria={criteria} draft={draft} change={change} messageFor={form.messageFor} />
        <ReviewCurrentView value={draft.currentView} onChange={onCurrentView} messageFor={form.messageFor} caseGrouping={caseGrouping} />
        <ReviewDecisionFields draft={draft} change={change} messageFor={form.messageFor} discussionReason={discussionReason} />
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
