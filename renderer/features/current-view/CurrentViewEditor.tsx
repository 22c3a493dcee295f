import { type FormEvent, type ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { CURRENT_VIEW_REASONS } from '../../../shared/domain/current-view';
import { currentViewRules, RecordOpeningCurrentViewArgs } from '../../../shared/ipc/schemas/current-view';
import type { CaseDetail, DraftRecord } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { caseCaption } from '../../components/case-form';
import { DateInput } from '../../components/DateInput';
import { asFields, choice, str } from '../../lib/draft-payload';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { inFormOrder, readUkDate, useFormErrors, withMessages, type FormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useDraft, type Draft } from '../../hooks/use-draft';
import { useDraftFields } from '../../hooks/use-draft-fields';
import { useNavigationActions, type Route } from '../../stores/navigation';
import { useToday } from '../../stores/session';
import { restoreRatings } from './current-view-draft';
import { fixedDateOf, groupingsFor, titleOf, type Mode } from './current-view-mode';
import { CurrentViewSection, type CurrentViewValue } from './CurrentViewSection';

const ORDER = ['completedDate', 'reason', 'ratings', 'grouping'];
const DATE_LABEL = 'Date completed';

interface OpeningViewDraft extends CurrentViewValue {
  completedDate: string;
}

interface EditorProps {
  detail: CaseDetail;
  mode: Mode;
  back: ReactNode;
  saved: DraftRecord | null;
}

/** The Current View form itself, for a case that still needs this Current View. */
export function CurrentViewEditor({ detail, mode, back, saved }: EditorProps) {
  const title = titleOf(mode);
  const fixedDate = fixedDateOf(mode);
  const form = useFormErrors();
  const draft = useCurrentViewDraft(detail.summary.id, mode, saved);
  const { change, bind } = useDraftFields(draft, form);
  const submit = useRecordCurrentView(detail, mode, draft, form);
  usePageTitle(title, form.errors.length > 0);

  return (
    <>
      {back}
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        maxListed={5}
        moreMessage={(n) => `${n} more problems are shown beside their questions below`}
      />
      <PageHeading caption={caseCaption(detail)}>{title}</PageHeading>
      <DraftNotice draft={draft} />
      <p className="lede">
        Rate each item from what you understand now. A rating records your current understanding and need not imply a
        diagnosis. Choose Not known only when there is too little information to rate at all.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        {fixedDate ? (
          <p>Completed for the review held on {fixedDate}: it takes the review&rsquo;s date.</p>
        ) : (
          <DateInput {...bind('completedDate')} label={DATE_LABEL} />
        )}
        <CurrentViewSection
          value={draft.value}
          onChange={change}
          messageFor={form.messageFor}
          groupings={groupingsFor(mode)}
          groupingLabel="THRIVE grouping agreed with the family"
          groupingHint="Choose it with the young person and family: it is a shared decision, not worked out from the ratings."
        />
        <button type="submit" className="button">
          Save Current View
        </button>
      </form>
    </>
  );
}

/** The form's draft: a review's Current View keeps the review's date whatever the draft says. */
function useCurrentViewDraft(caseId: string, mode: Mode, saved: DraftRecord | null): Draft<OpeningViewDraft> {
  const today = useToday() ?? '';
  const fixedDate = fixedDateOf(mode);
  return useDraft<OpeningViewDraft>({
    kind: 'current_view',
    caseId,
    saved,
    initial: () => ({
      completedDate: fixedDate ?? formatUkDate(today),
      reason: mode.context === 'open' ? 'first_contact' : '',
      grouping: '',
      ratings: {},
    }),
    restore: (payload, blank) => {
      const p = asFields(payload);
      return {
        completedDate: fixedDate ?? str(p.completedDate, blank.completedDate),
        reason: choice(p.reason, CURRENT_VIEW_REASONS, blank.reason),
        grouping: choice(p.grouping, groupingsFor(mode), blank.grouping),
        ratings: restoreRatings(p.ratings),
      };
    },
  });
}

/** Checks the Current View with the same rules as main, records it, and goes on to what comes next. */
function useRecordCurrentView(detail: CaseDetail, mode: Mode, draft: Draft<OpeningViewDraft>, form: FormErrors) {
  const today = useToday() ?? '';
  const { navigateAfterSave } = useNavigationActions();
  const caseId = detail.summary.id;
  return async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const { completedDate, reason, grouping, ratings } = draft.value;
    const date = readUkDate(completedDate, DATE_LABEL);
    const input = {
      caseId,
      reviewId: mode.context === 'review' ? mode.review.id : null,
      completedDate: date.value,
      reason: reason || undefined,
      grouping: grouping || undefined,
      ratings: Object.fromEntries(Object.entries(ratings).filter(([, v]) => v !== undefined)),
    };
    const checked = validateWith(RecordOpeningCurrentViewArgs, input, currentViewRules, {
      today,
      openDate: detail.summary.openDate,
      context: mode.context,
    });
    if (!checked.ok) return form.fail(inFormOrder(withMessages(checked.fields, { completedDate: date.message }), ORDER));
    await form.save(async () => {
      await draft.whileSaving(() => request((api) => api.currentView.record(checked.value)));
      form.clear();
      // An imported case may already hold its plan: then the Current View at open was the last thing missing.
      const next: Route =
        mode.context === 'review'
          ? { name: 'case', caseId, tab: 'reviews' }
          : detail.plan === null
            ? { name: 'plan', caseId }
            : { name: 'case', caseId };
      navigateAfterSave(next);
    });
  };
}
