import { type FormEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { ReopenCaseArgs, reopenCaseRules } from '../../../shared/ipc/schemas/cases-close-reopen';
import type { CaseDetail } from '../../../shared/ipc/types';
import { validateWith } from '../../../shared/ipc/validate';
import { CaseFormFrame, CaseFormHead, type CaseFormLoaded } from '../../components/case-form';
import { asFields, strings } from '../../lib/draft-payload';
import { blankEpisode, EPISODE_FIELDS, EpisodeFields, readEpisode, useSaveEpisode, type EpisodeDraft } from '../../components/EpisodeFields';
import { TextArea } from '../../components/fields';
import { inFormOrder, useFormErrors, withMessages } from '../../lib/form-errors';
import { usePageTitle } from '../../components/page';
import { useDraft } from '../../hooks/use-draft';
import { useDraftFields } from '../../hooks/use-draft-fields';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile } from '../../stores/session';

const TITLE = 'Re-open as a new episode';
const OPEN_DATE_LABEL = 'Re-open date';

interface ReopenDraft extends EpisodeDraft {
  reason: string;
}
/** The form's fields in the order they are shown (errors follow it); each is kept in the draft. */
const FIELDS = [...EPISODE_FIELDS, 'reason'] as const;

/**
 * Re-opening a closed case: a new episode, linked to the old one, which stays as it was. The new
 * episode starts like a new case, with the Current View at open.
 */
export function ReopenCaseForm({ caseId }: { caseId: string }) {
  return (
    <CaseFormFrame
      caseId={caseId}
      title={TITLE}
      draftKind="reopen"
      needs="closed"
      notReady={(detail) => (detail.summary.status === 'closed' && !detail.nextEpisodeId ? null : <NotClosed detail={detail} />)}
    >
      {(loaded) => <ReopenEditor {...loaded} />}
    </CaseFormFrame>
  );
}

/** Only a closed case that has not been re-opened already can be re-opened. */
function NotClosed({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  const { status } = detail.summary;
  const next = detail.nextEpisodeId;
  return (
    <>
      <p>
        {status === 'open'
          ? 'This case is open: only a closed case can be re-opened.'
          : 'This case has already been re-opened as a new episode.'}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => navigate({ name: 'case', caseId: status === 'open' || !next ? detail.summary.id : next })}
      >
        {status === 'open' || !next ? 'Go to the case' : 'Go to the new episode'}
      </button>
    </>
  );
}

function ReopenEditor({ detail, saved, reload, today }: CaseFormLoaded) {
  const profile = useProfile();
  const form = useFormErrors();
  const caseId = detail.summary.id;
  const closedDate = detail.summary.closedDate ?? today;
  const autosave = useDraft<ReopenDraft>({
    kind: 'reopen',
    caseId,
    saved,
    initial: () => ({ ...blankEpisode(profile, formatUkDate(today)), reason: '' }),
    restore: (payload, blank) => ({ ...blank, ...strings(asFields(payload), blank, FIELDS) }),
  });
  const { bind } = useDraftFields(autosave, form);
  const saveEpisode = useSaveEpisode(form, autosave);
  usePageTitle(TITLE, form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const episode = readEpisode(autosave.value, OPEN_DATE_LABEL);
    const input = { caseId, caseVersion: detail.summary.version, ...episode.input, reason: autosave.value.reason };
    const checked = validateWith(ReopenCaseArgs, input, reopenCaseRules, { today, closedDate });
    if (!checked.ok) return form.fail(inFormOrder(withMessages(checked.fields, episode.messages), FIELDS));
    await saveEpisode((api) => api.cases.reopen(checked.value));
  };

  return (
    <>
      <CaseFormHead title={TITLE} detail={detail} form={form} draft={autosave} onReload={reload}>
        Episode {detail.summary.episodeNo} ended on {formatUkDate(detail.summary.closedDate)} and stays as it was. The new
        episode is linked to it and starts with the Current View at open, then a new plan.
      </CaseFormHead>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <EpisodeFields bind={bind} openDateLabel={OPEN_DATE_LABEL} />
        <TextArea {...bind('reason')} label="Why the case is being re-opened" rows={4} />
        <button type="submit" className="button">
          Re-open case
        </button>
      </form>
    </>
  );
}
