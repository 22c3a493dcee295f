import { useCallback, useRef } from 'react';
import { canSeeTeamView, TEAM_VIEW_FORBIDDEN_MESSAGE } from '../../../shared/domain/team-access';
import type { Clinician } from '../../../shared/ipc/types';
import { useApiData } from '../../hooks/use-api-data';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../lib/form-errors';
import { focusPageHeading, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useSearchShortcut } from '../../hooks/use-search-shortcut';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile } from '../../stores/session';
import { useTeamMode } from '../../stores/sync';
import { EndingsSection } from './EndingsSection';
import { TeamCasesPanel } from './TeamCasesPanel';
import { TeamOverviewSections } from './TeamOverviewSections';
import { TeamSyncNotice } from './TeamSyncNotice';
import { useTeamOverview } from './use-team-overview';

export const TEAM_HEADING = 'Team caseload review';

/** The team lead's review of the team's open cases (route 'team'), optionally one clinician's. */
export function TeamPage({ clinicianId }: { clinicianId?: string | undefined }) {
  const profile = useProfile();
  // Main's own rule and words, said before asking when the profile is not a lead.
  if (!profile || !canSeeTeamView(profile)) return <NotForYou message={TEAM_VIEW_FORBIDDEN_MESSAGE} />;
  return <TeamView profile={profile} clinicianId={clinicianId} />;
}

function NotForYou({ message }: { message: string }) {
  const { navigate } = useNavigationActions();
  // In team mode the role comes from the team server: Settings has nothing to change.
  const teamMode = useTeamMode();
  usePageTitle(TEAM_HEADING);
  return (
    <>
      <PageHeading>{TEAM_HEADING}</PageHeading>
      <div className="inset" role="alert">
        <p>{teamMode ? 'The team view is for team leads. Your role is granted by your service admin.' : message}</p>
      </div>
      <p hidden={teamMode}>
        <a
          href="#settings"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'settings' });
          }}
        >
          Go to Settings
        </a>
      </p>
    </>
  );
}

function TeamView({ profile, clinicianId }: { profile: Clinician; clinicianId: string | undefined }) {
  const form = useFormErrors();
  usePageTitle(TEAM_HEADING, form.errors.length > 0);
  const { navigate } = useNavigationActions();
  const searchRef = useRef<HTMLInputElement>(null);
  const { data: cases, reload } = useApiData(
    (api) => api.team.cases(clinicianId ? { clinicianId } : {}),
    `team-cases:${clinicianId ?? 'all'}`,
  );
  const { data: team } = useApiData((api) => api.clinicians.list({ teamId: profile.teamId }), `clinicians:${profile.teamId}`);
  const overview = useTeamOverview(clinicianId);

  useSearchShortcut(searchRef);

  const choose = useCallback(
    (id: string | undefined) => navigate(id ? { name: 'team', clinicianId: id } : { name: 'team' }),
    [navigate],
  );
  // The button pressed is replaced while the clinician's figures load: the heading takes focus instead.
  const drillDown = useCallback(
    (id: string) => {
      choose(id);
      focusPageHeading();
    },
    [choose],
  );
  const openCase = useCallback(
    (caseId: string) => navigate({ name: 'case', caseId, from: clinicianId ? { name: 'team', clinicianId } : { name: 'team' } }),
    [navigate, clinicianId],
  );

  if (cases.status === 'error' && cases.error.code === 'forbidden') return <NotForYou message={cases.error.message} />;

  const teamName = cases.status === 'ready' ? cases.value.team.name : profile.teamName;
  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading caption={teamName}>{TEAM_HEADING}</PageHeading>
      <TeamSyncNotice />
      <TeamCasesPanel
        cases={cases}
        onRetry={reload}
        searchRef={searchRef}
        clinicians={team.status === 'ready' ? team.value : []}
        clinicianId={clinicianId}
        onClinician={choose}
        onOpen={openCase}
      />
      {overview.data.status === 'loading' ? <Loading what="the team's figures" /> : null}
      {overview.data.status === 'error' ? <LoadProblem message={overview.data.error.message} onRetry={overview.reload} /> : null}
      {overview.data.status === 'ready' ? (
        <>
          <TeamOverviewSections overview={overview.data.value} clinicianId={clinicianId} onDrillDown={drillDown} />
          <EndingsSection overview={overview.data.value} form={form} showPeriod={overview.showPeriod} />
        </>
      ) : null}
    </>
  );
}
