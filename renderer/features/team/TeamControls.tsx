import type { RefObject } from 'react';
import type { Clinician } from '../../../shared/ipc/types';
import { CaseFilters, SEARCH_LABEL } from '../../components/CaseFilters';
import { focusHighlightedRow } from '../../components/CaseTable';
import { Select } from '../../components/fields';
import { useTeamFlagFilter, useTeamGroupingFilter, useTeamSearch, useTeamViewActions } from '../../stores/team-view';

export const TEAM_SEARCH_LABEL = SEARCH_LABEL;

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  clinicians: readonly Clinician[];
  clinicianId: string | undefined;
  onClinician(clinicianId: string | undefined): void;
}

/**
 * Whose cases (asks main again: the figures change too), then flag, grouping and search, which work
 * on the rows already loaded. The `/` key jumps to the search box; ArrowDown from it enters the table.
 */
export function TeamControls({ searchRef, clinicians, clinicianId, onClinician }: Props) {
  const filters = { search: useTeamSearch(), flag: useTeamFlagFilter(), grouping: useTeamGroupingFilter() };
  const actions = useTeamViewActions();

  const clinicianOptions = [{ value: '', label: 'All clinicians' }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))];

  return (
    <div className="caseload-controls team-controls">
      <Select path="team-clinician" label="Clinician" value={clinicianId ?? ''} options={clinicianOptions} onChange={(id) => onClinician(id || undefined)} />
      <CaseFilters idPrefix="team" searchAt="end" searchRef={searchRef} onArrowDown={focusHighlightedRow} filters={filters} actions={actions} />
    </div>
  );
}
