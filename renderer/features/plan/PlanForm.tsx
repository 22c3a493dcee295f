import { type FormEvent, type ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import type { Settings } from '../../../shared/domain/settings';
import { isAdvice } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, DraftRecord } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import { useApiData } from '../../hooks/use-api-data';
import { DateInput } from '../../components/DateInput';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../lib/form-errors';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useDraft, useSavedDraft } from '../../hooks/use-draft';
import { useUnsavedChanges } from '../../hooks/use-unsaved-changes';
import { useNavigationActions } from '../../stores/navigation';
import { useSettings, useToday } from '../../stores/session';
import { PlanCriteriaFieldset } from './PlanCriteriaFieldset';
import { GoalsFieldset } from './GoalsFieldset';
import {
  checkPlan,
  DATE_LABELS,
  defaultReviewDate,
  initialDraft,
  restorePlanDraft,
  reviewIntervalWeeks,
  type PlanDraft,
} from './plan-draft';
import { PlanFields } from './PlanFields';

const TITLE = 'Agree the THRIVE plan';

/** Agree the THRIVE plan at the start: the ending is agreed at the beginning. */
export function PlanForm({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const saved = useSavedDraft('plan', caseId);
  const settings = useSettings();
  const { navigate } = useNavigationActions();
  usePageTitle(TITLE);

  const back = (
    <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
      Back to caseload
    </BackLink>
  );
  const page = (caption: string | null, body: ReactNode) => (
    <>
      {back}
      <PageHeading caption={caption}>{TITLE}</PageHeading>
      {body}
    </>
  );

  if (data.status === 'error') return page(null, <LoadProblem message={data.error.message} onRetry={reload} />);
  if (data.status === 'loading' || saved.status === 'loading' || !settings) return page(null, <Loading what="the case" />);
  const detail = data.value;
  const caption = `${detail.summary.name}, case ${detail.summary.caseRef}`;
  const openingView = detail.currentViews.find((cv) => cv.context === 'open');
  if (!openingView) {
    return page(
      caption,
      <>
        <p>The plan starts from the THRIVE grouping chosen with the family in the Current View at open.</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'current-view', caseId })}>
          Record Current View at open
        </button>
      </>,
    );
  }
  if (detail.plan) {
    return page(
      caption,
      <>
        <p>A THRIVE plan was agreed for this case on {formatUkDate(detail.plan.agreedDate)}.</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'case', caseId })}>
          Go to the case
        </button>
      </>,
    );
  }
  const grouping = detail.summary.grouping ?? openingView.grouping;
  return <PlanEditor detail={detail} grouping={grouping} settings={settings} back={back} caption={caption} saved={saved.draft} />;
}

interface EditorProps {
  detail: CaseDetail;
  grouping: GroupingCode;
  settings: Settings;
  back: ReactNode;
  caption: string;
  saved: DraftRecord | null;
}

/** The plan's typing, autosaved; the review date follows the date agreed until set by hand. */
function usePlanDraft(detail: CaseDetail, weeks: number, saved: DraftRecord | null) {
  const today = useToday() ?? '';
  const { markDirty } = useUnsavedChanges();
  const autosave = useDraft<PlanDraft>({
    kind: 'plan',
    caseId: detail.summary.id,
    saved,
    initial: () => initialDraft(today, weeks),
    restore: restorePlanDraft,
  });
  const { value: draft, setValue: setDraft } = autosave;
  const change = (patch: Partial<PlanDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    markDirty();
  };
  const changeAgreedDate = (agreedDate: string) => {
    const review = draft.reviewDateTouched ? null : defaultReviewDate(agreedDate, weeks);
    change(review ? { agreedDate, reviewDate: review } : { agreedDate });
  };
  return { autosave, draft, change, changeAgreedDate, today };
}

function PlanEditor({ detail, grouping, settings, back, caption, saved }: EditorProps) {
  const { navigateAfterSave } = useNavigationActions();
  const form = useFormErrors();
  const weeks = reviewIntervalWeeks(grouping, settings);
  const { autosave, draft, change, changeAgreedDate, today } = usePlanDraft(detail, weeks, saved);
  usePageTitle(TITLE, form.errors.length > 0);
  const advice = isAdvice(grouping);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = checkPlan(draft, detail, grouping, { today, settings });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      await autosave.whileSaving(() => request((api) => api.plan.save(checked.value)));
      form.clear();
      navigateAfterSave({ name: 'case', caseId: detail.summary.id });
    });
  };

  return (
    <>
      {back}
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading caption={caption}>{TITLE}</PageHeading>
      <DraftNotice draft={autosave} />
      <div className="inset">
        <p>
          THRIVE grouping: <strong>{GROUPING_LABELS[grouping]}</strong>, chosen with the family in the Current View at
          open.
        </p>
      </div>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DateInput
          path="agreedDate"
          label={DATE_LABELS.agreedDate}
          value={draft.agreedDate}
          onChange={changeAgreedDate}
          error={form.messageFor('agreedDate')}
        />
        <GoalsFieldset
          goals={draft.goals}
          onChange={(goals) => change({ goals })}
          messageFor={form.messageFor}
          goalsOptional={advice}
        />
        <PlanFields
          draft={draft}
          onChange={change}
          messageFor={form.messageFor}
          grouping={grouping}
          settings={settings}
          Criteria={PlanCriteriaFieldset}
          labels={DATE_LABELS}
          contingencyHint="What will happen if the outcome is not reached by then, for example a review with the family to agree a change of plan."
          onReviewDateChange={(reviewDate) => change({ reviewDate, reviewDateTouched: true })}
          reviewDateHint={
            draft.reviewDateTouched
              ? undefined
              : `Set to ${weeks} ${weeks === 1 ? 'week' : 'weeks'} after the date agreed; you can change it.`
          }
        />
        <button type="submit" className="button">
          Agree plan
        </button>
      </form>
    </>
  );
}
