import { useCallback, type FormEvent } from 'react';
import { GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import { request } from '../../api/client';
import { CaseFormErrors, CaseFormFrame, caseCaption, type CaseFormLoaded } from '../../components/case-form';
import { DateInput } from '../../components/DateInput';
import { DraftNotice } from '../../components/DraftNotice';
import { TextArea } from '../../components/fields';
import { useFormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft } from '../../hooks/use-draft';
import { useUnsavedChanges } from '../../hooks/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { PlanFields } from '../plan/PlanFields';
import { NoPlanNotice } from '../review/NoPlanNotice';
import { checkRevision, initialReviseDraft, REVISE_LABELS, restoreReviseDraft, type ReviseDraft } from './revise-draft';
import { RevisedCriteriaFieldset } from './RevisedCriteriaFieldset';
import { RevisedGoalsFieldset } from './RevisedGoalsFieldset';

const TITLE = 'Revise the THRIVE plan';

/** Revising the plan (usually at a review): a new version of the plan, the old one kept in the history. */
export function RevisePlanForm({ caseId, reviewId }: { caseId: string; reviewId?: string | undefined }) {
  return (
    <CaseFormFrame
      caseId={caseId}
      title={TITLE}
      draftKind="plan_revision"
      notReady={(detail) => (detail.plan ? null : <NoPlanNotice caseId={caseId} what="revising it" />)}
    >
      {(loaded) => <ReviseEditor {...loaded} reviewId={reviewId ?? null} />}
    </CaseFormFrame>
  );
}

/** The revision's typing, autosaved, starting from the plan in force. */
function useReviseDraft({ detail, saved, today, settings }: Omit<CaseFormLoaded, 'reload'>, grouping: GroupingCode) {
  const { markDirty } = useUnsavedChanges();
  const autosave = useDraft<ReviseDraft>({
    kind: 'plan_revision',
    caseId: detail.summary.id,
    saved,
    initial: () => initialReviseDraft(detail, today, grouping, settings),
    restore: restoreReviseDraft(detail),
  });
  const { setValue } = autosave;
  const change = useCallback(
    (patch: Partial<ReviseDraft>) => {
      setValue((d) => ({ ...d, ...patch }));
      markDirty();
    },
    [setValue, markDirty],
  );
  return { autosave, draft: autosave.value, change };
}

function ReviseEditor({ detail, saved, reload, today, settings, reviewId }: CaseFormLoaded & { reviewId: string | null }) {
  const { navigateAfterSave } = useNavigationActions();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const grouping = detail.summary.grouping ?? detail.plan?.grouping ?? 'getting_help';
  const { autosave, draft, change } = useReviseDraft({ detail, saved, today, settings }, grouping);
  usePageTitle(TITLE, form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = checkRevision(draft, detail, { reviewId, grouping, today, settings });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      await autosave.whileSaving(() => request((api) => api.plan.revise(checked.value)));
      form.clear();
      navigateAfterSave({ name: 'case', caseId, tab: 'plan' });
    });
  };

  return (
    <>
      <CaseFormErrors form={form} caseId={caseId} onReload={reload} />
      <PageHeading caption={caseCaption(detail)}>{TITLE}</PageHeading>
      <DraftNotice draft={autosave} />
      <div className="inset">
        <p>
          THRIVE grouping: <strong>{GROUPING_LABELS[grouping]}</strong>. The plan in force is shown below: change what
          was agreed. The current version is kept in the case history.
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DateInput
          path="revisedDate"
          label={REVISE_LABELS.revisedDate}
          value={draft.revisedDate}
          onChange={(revisedDate) => change({ revisedDate })}
          error={form.messageFor('revisedDate')}
        />
        <TextArea
          path="reason"
          label="Why the plan is being revised"
          rows={3}
          value={draft.reason}
          onChange={(reason) => change({ reason })}
          error={form.messageFor('reason')}
        />
        <RevisedGoalsFieldset goals={draft.goals} onChange={(goals) => change({ goals })} messageFor={form.messageFor} />
        <PlanFields
          draft={draft}
          onChange={change}
          messageFor={form.messageFor}
          grouping={grouping}
          settings={settings}
          Criteria={RevisedCriteriaFieldset}
          labels={REVISE_LABELS}
          contingencyHint="What will happen if the outcome is not reached by then."
        />
        <button type="submit" className="button">
          Save revised plan
        </button>
      </form>
    </>
  );
}
