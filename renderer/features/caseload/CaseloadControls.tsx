import type { KeyboardEvent, RefObject } from 'react';
import { FLAG_CODES, FLAG_LABELS } from '../../../shared/domain/flags';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { Clinician } from '../../../shared/ipc/types';
import {
  useCaseloadClinician,
  useCaseloadFlagFilter,
  useCaseloadGroupingFilter,
  useCaseloadSearch,
  useCaseloadViewActions,
  type FlagFilter,
  type GroupingFilter,
} from '../../stores/caseload-view';
import { Select } from '../../components/fields';
import { focusHighlightedRow } from './CaseloadTable';

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

export const SEARCH_LABEL = 'Search by name, case reference or NHS number';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  /** Colleagues whose caseload can be shown (a team lead's view); none = just mine. */
  clinicians: readonly Clinician[];
  profileId: string;
}

/** Search box (the `/` key jumps here), flag and grouping filters, and whose caseload. */
export function CaseloadControls({ searchRef, clinicians, profileId }: Props) {
  const search = useCaseloadSearch();
  const flag = useCaseloadFlagFilter();
  const grouping = useCaseloadGroupingFilter();
  const clinicianId = useCaseloadClinician();
  const { setSearch, setFlag, setGrouping, setClinician } = useCaseloadViewActions();

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusHighlightedRow();
    }
  };

  return (
    <div className="caseload-controls">
      <div className="form-group caseload-controls__search">
        <label className="label" htmlFor="caseload-search">
          {SEARCH_LABEL}
        </label>
        <div className="hint" id="caseload-search-hint">
          Press / to come back here, and the down arrow to move into the list.
        </div>
        <input
          className="input"
          id="caseload-search"
          type="search"
          ref={searchRef}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKeyDown}
          aria-describedby="caseload-search-hint"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <Select path="caseload-flag" label="Flag" value={flag} options={FLAG_OPTIONS} onChange={setFlag} />
      <Select path="caseload-grouping" label="Grouping" value={grouping} options={GROUPING_OPTIONS} onChange={setGrouping} />
      {clinicians.length > 1 ? (
        <Select
          path="caseload-clinician"
          label="Clinician"
          value={clinicianId ?? profileId}
          options={clinicians.map((c) => ({ value: c.id, label: c.id === profileId ? `${c.name} (you)` : c.name }))}
          onChange={(id) => setClinician(id === profileId ? null : id)}
        />
      ) : null}
    </div>
  );
}
