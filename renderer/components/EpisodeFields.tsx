/**
 * The fields that start an episode of care, asked the same way whether a case is opened or a closed
 * one is re-opened: when it was referred, when the episode opens, and its lead clinician. Declared
 * once here, with what they send and what happens once the episode is open.
 */
import type { IpcResult } from '../../shared/ipc/result';
import type { CaseSummary, Clinician } from '../../shared/ipc/types';
import { request, type Api } from '../api/client';
import { useApiData } from '../hooks/use-api-data';
import { useNavigationActions } from '../stores/navigation';
import { useProfile, useSessionActions } from '../stores/session';
import { DateInput } from './DateInput';
import { Select } from './fields';
import { readUkDate, type FormErrors } from '../lib/form-errors';
import type { Draft } from '../hooks/use-draft';
import type { BoundField } from '../hooks/use-draft-fields';

export interface EpisodeDraft {
  referralDate: string;
  openDate: string;
  leadClinicianId: string;
}

/** The episode's fields in the order they are shown. */
export const EPISODE_FIELDS = ['referralDate', 'openDate', 'leadClinicianId'] as const;

const REFERRAL_DATE_LABEL = 'Referral date';

/** A blank episode: the lead clinician is the person signed in until they choose someone else. */
export function blankEpisode(profile: Clinician | null, openDate = ''): EpisodeDraft {
  return { referralDate: '', openDate, leadClinicianId: profile?.id ?? '' };
}

/** What the episode's fields send, and the form's own wording for a date that cannot be read. */
export function readEpisode(draft: EpisodeDraft, openDateLabel: string) {
  const referral = readUkDate(draft.referralDate, REFERRAL_DATE_LABEL);
  const open = readUkDate(draft.openDate, openDateLabel);
  return {
    input: { referralDate: referral.value, openDate: open.value, leadClinicianId: draft.leadClinicianId },
    messages: { referralDate: referral.message, openDate: open.message },
  };
}

type BindEpisode = <K extends keyof EpisodeDraft>(key: K) => BoundField<EpisodeDraft[K]>;

/** Referral date, open date (named as the form calls it) and lead clinician. */
export function EpisodeFields({ bind, openDateLabel }: { bind: BindEpisode; openDateLabel: string }) {
  const profile = useProfile();
  const teamId = profile?.teamId ?? '';
  const { data: clinicians } = useApiData((api) => api.clinicians.list({ teamId }), `clinicians:${teamId}`);
  return (
    <>
      <DateInput {...bind('referralDate')} label={REFERRAL_DATE_LABEL} />
      <DateInput {...bind('openDate')} label={openDateLabel} />
      <Select
        {...bind('leadClinicianId')}
        label="Lead clinician"
        hint="The one named person who coordinates the plan"
        options={leadClinicianOptions(clinicians.status === 'ready' ? clinicians.value : [], profile)}
      />
    </>
  );
}

/** The team's clinicians, the profile first; the profile alone until the list arrives. */
function leadClinicianOptions(team: readonly Clinician[], profile: Clinician | null) {
  const people = profile ? [profile, ...team.filter((c) => c.id !== profile.id)] : [...team];
  return people.map((c) => ({ value: c.id, label: profile && c.id === profile.id ? `${c.name} (you)` : c.name }));
}

/**
 * Saves a form that opens an episode: the caseload is refreshed quietly and the clinician goes
 * straight on to the new episode's Current View at open.
 */
export function useSaveEpisode(form: FormErrors, draft: Pick<Draft<unknown>, 'whileSaving'>) {
  const { navigateAfterSave } = useNavigationActions();
  const { load } = useSessionActions();
  return (open: (api: Api) => Promise<IpcResult<CaseSummary>>) =>
    form.save(async () => {
      const opened = await draft.whileSaving(() => request(open));
      form.clear();
      void load({ quiet: true });
      navigateAfterSave({ name: 'current-view', caseId: opened.id });
    });
}
