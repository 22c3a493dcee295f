import { useDeferredValue, useMemo, type RefObject } from 'react';
import { needsAction } from '../../../shared/domain/urgency';
import type { Clinician, TeamCases } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import type { ApiData } from '../../hooks/use-api-data';
import { CaseCountLine, NoCasesMatch } from '../../components/CaseListStatus';
import { DownloadButton } from '../../components/DownloadButton';
import { LoadProblem, Loading } from '../../components/page';
import { useTeamFlagFilter, useTeamGroupingFilter, useTeamSearch, useTeamViewActions } from '../../stores/team-view';
import { filterTeamRows, searchIndex } from './team-rows';
import { TeamCasesTable } from './TeamCasesTable';
import { TeamControls } from './TeamControls';

interface Props {
  cases: ApiData<TeamCases>;
  onRetry(): void;
  searchRef: RefObject<HTMLInputElement | null>;
  clinicians: readonly Clinician[];
  clinicianId: string | undefined;
  onClinician(clinicianId: string | undefined): void;
  onOpen(caseId: string): void;
}

const EMPTY: TeamCases['rows'] = [];

/**
 * The count line, the filters, the downloads and the case table. The only part of the team view that
 * follows the search box, so a keystroke re-renders this and nothing else; the search itself is
 * deferred, so the box stays responsive while the list catches up on a large team.
 */
export function TeamCasesPanel({ cases, onRetry, searchRef, clinicians, clinicianId, onClinician, onOpen }: Props) {
  const search = useTeamSearch();
  const flag = useTeamFlagFilter();
  const grouping = useTeamGroupingFilter();
  const { clearFilters } = useTeamViewActions();
  const deferredSearch = useDeferredValue(search);

  const all = cases.status === 'ready' ? cases.value.rows : EMPTY;
  const index = useMemo(() => searchIndex(all), [all]);
  const actionCount = useMemo(() => all.filter((r) => needsAction(r.flags)).length, [all]);
  const rows = useMemo(() => filterTeamRows(index, all, { search: deferredSearch, flag, grouping }), [index, all, deferredSearch, flag, grouping]);

  return (
    <>
      {cases.status === 'ready' ? (
        <>
          {cases.value.clinician ? <p className="team-scope">Caseload of {cases.value.clinician.name}</p> : null}
          <CaseCountLine total={all.length} actionCount={actionCount} shown={rows.length} />
        </>
      ) : null}
      <TeamControls searchRef={searchRef} clinicians={clinicians} clinicianId={clinicianId} onClinician={onClinician} />
      <div className="button-group team-downloads" key={clinicianId ?? 'team'}>
        <DownloadButton label="Download CSV" prepare={() => request((api) => api.team.exportCsv(clinicianId ? { clinicianId } : {}))} />
        {clinicianId ? (
          <DownloadButton label="Download supervision pack (PDF)" prepare={() => request((api) => api.team.supervisionPack({ clinicianId }))} />
        ) : null}
      </div>
      {cases.status === 'loading' ? <Loading what="the team's cases" /> : null}
      {cases.status === 'error' ? <LoadProblem message={cases.error.message} onRetry={onRetry} /> : null}
      {cases.status === 'ready' ? (
        all.length === 0 ? (
          <div className="empty-state">
            <h2 className="heading-m">No open cases</h2>
            <p>{cases.value.clinician ? `${cases.value.clinician.name} has no open cases.` : 'Nobody in the team has an open case.'}</p>
          </div>
        ) : rows.length === 0 ? (
          <NoCasesMatch onClear={clearFilters} />
        ) : (
          <TeamCasesTable rows={rows} onOpen={onOpen} />
        )
      ) : null}
    </>
  );
}
