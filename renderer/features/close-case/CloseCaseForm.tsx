import { type FormEvent } from 'react';
import { CloseCaseArgs, closeCaseRules } from '../../../shared/ipc/schemas/cases-close-reopen';
import type { CaseDetail } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { CaseFormFrame, CaseFormHead, type CaseFormLoaded } from '../../components/case-form';
import { activeGoals, criteriaInForce, lastReviewDate } from '../../lib/case-records';
import { useFormErrors, type FormErrors } from '../../lib/form-errors';
import { usePageTitle } from '../../components/page';
import { useDraft, type Draft } from '../../hooks/use-draft';
import { useDraftFields } from '../../hooks/use-draft-fields';
import { useNavigationActions } from '../../stores/navigation';
import { initialEndingDraft, restoreEndingDraft, toEndingInput, type EndingDraft } from './close-case-draft';
import { AfterTheEnding, CriteriaMet, CurrentViewAtClose, FinalRatings, WhyEnded } from './EndingSections';

const TITLE = 'End the case';

/** Ending the case. Once closed the case is read-only; it can be re-opened as a new episode. */
export function CloseCaseForm({ caseId }: { caseId: string }) {
  return (
    <CaseFormFrame caseId={caseId} title={TITLE} draftKind="ending">
      {(loaded) => <EndingEditor {...loaded} />}
    </CaseFormFrame>
  );
}

function EndingEditor({ detail, saved, reload, today }: CaseFormLoaded) {
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const autosave = useDraft<EndingDraft>({
    kind: 'ending',
    caseId,
    saved,
    initial: () => initialEndingDraft(today),
    restore: restoreEndingDraft,
  });
  const fields = useDraftFields(autosave, form);
  const submit = useCloseCase(detail, today, autosave, form);
  const draft = autosave.value;
  usePageTitle(TITLE, form.errors.length > 0);

  return (
    <>
      <CaseFormHead title={TITLE} detail={detail} form={form} draft={autosave} onReload={reload}>
        Closing the case makes it read-only. It needs the Current View at close and a final rating for every active goal.
        If help is needed again later, the case is re-opened as a new episode.
      </CaseFormHead>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <WhyEnded fields={fields} draft={draft} />
        <CriteriaMet fields={fields} draft={draft} criteria={criteriaInForce(detail)} messageFor={form.messageFor} />
        <FinalRatings fields={fields} draft={draft} goals={activeGoals(detail)} messageFor={form.messageFor} />
        <CurrentViewAtClose fields={fields} draft={draft} grouping={detail.summary.grouping} messageFor={form.messageFor} />
        <AfterTheEnding fields={fields} />
        <button type="submit" className="button">
          Close the case
        </button>
      </form>
    </>
  );
}

/**
 * Checks the ending with the same rules as main (so every missing piece is shown at once), then
 * closes the case and goes to its Ending tab.
 */
function useCloseCase(detail: CaseDetail, today: string, autosave: Draft<EndingDraft>, form: FormErrors) {
  const { navigateAfterSave } = useNavigationActions();
  const caseId = detail.summary.id;
  return async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const goals = activeGoals(detail);
    const criteria = criteriaInForce(detail);
    const { input, toFormErrors } = toEndingInput(autosave.value, { caseId, caseVersion: detail.summary.version, goals, criteria });
    const checked = validateWith(CloseCaseArgs, input, closeCaseRules, {
      today,
      openDate: detail.summary.openDate,
      lastReviewDate: lastReviewDate(detail),
      activeGoals: goals.map(({ id, description }) => ({ id, description })),
      criteria: criteria.map(({ id, text }) => ({ id, text })),
    });
    if (!checked.ok) return form.fail(toFormErrors(checked.fields));
    await form.save(async () => {
      await autosave.whileSaving(() => request((api) => api.cases.close(checked.value)));
      form.clear();
      navigateAfterSave({ name: 'case', caseId, tab: 'ending' });
    });
  };
}
