import type { KeyboardEvent, RefObject } from 'react';
import { FLAG_CODES, FLAG_LABELS } from '../../../shared/domain/flags';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { Clinician } from '../../../shared/ipc/types';
import { Select } from '../../components/fields';
import {
  useTeamFlagFilter,
  useTeamGroupingFilter,
  useTeamSearch,
  useTeamViewActions,
  type FlagFilter,
  type GroupingFilter,
} from '../../stores/team-view';
import { focusTeamRovingRow } from './TeamCasesTable';

const FLAG_OPTIONS: ReadonlyArray<{ value: FlagFilter; label: string }> = [
  { value: '', label: 'All cases' },
  { value: 'needs_action', label: 'Any flag that needs action' },
  ...FLAG_CODES.map((code) => ({ value: code, label: FLAG_LABELS[code] })),
  { value: 'none', label: 'No flags' },
];

const GROUPING_OPTIONS: ReadonlyArray<{ value: GroupingFilter; label: string }> = [
  { value: '', label: 'All groupings' },
  ...GROUPING_CODES.map((code) => ({ value: code, label: GROUPING_LABELS[code] })),
  { value: 'not_recorded', label: 'Not recorded yet' },
];

export const TEAM_SEARCH_LABEL = 'Search by name, case reference or NHS number';

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
  const search = useTeamSearch();
  const flag = useTeamFlagFilter();
  const grouping = useTeamGroupingFilter();
  const { setSearch, setFlag, setGrouping } = useTeamViewActions();

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusTeamRovingRow();
    }
  };

  const clinicianOptions = [{ value: '', label: 'All clinicians' }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))];

  return (
    <div className="caseload-controls team-controls">
      <Select path="team-clinician" label="Clinician" value={clinicianId ?? ''} options={clinicianOptions} onChange={(id) => onClinician(id || undefined)} />
      <Select path="team-flag" label="Flag" value={flag} options={FLAG_OPTIONS} onChange={setFlag} />
      <Select path="team-grouping" label="Grouping" value={grouping} options={GROUPING_OPTIONS} onChange={setGrouping} />
      <div className="form-group caseload-controls__search">
        <label className="label" htmlFor="team-search">
          {TEAM_SEARCH_LABEL}
        </label>
        <div className="hint" id="team-search-hint">
          Press / to come back here, and the down arrow to move into the list.
        </div>
        <input
          className="input"
          id="team-search"
          type="search"
          ref={searchRef}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-describedby="team-search-hint"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </div>
  );
}
