import type { RefObject } from 'react';
import type { Clinician } from '../../../shared/ipc/types';
import {
  useCaseloadClinician,
  useCaseloadFlagFilter,
  useCaseloadGroupingFilter,
  useCaseloadSearch,
  useCaseloadViewActions,
} from '../../stores/caseload-view';
import { CaseFilters, SEARCH_LABEL } from '../../components/CaseFilters';
import { Select } from '../../components/fields';

export { SEARCH_LABEL };

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  /** Colleagues whose caseload can be shown (a team lead's view); none = just mine. */
  clinicians: readonly Clinician[];
  profileId: string;
  /** The down arrow and Enter in the search box: the page moves into (and opens from) its list. */
  onArrowDown(): void;
  onEnter(): void;
}

/** Search box (the `/` key jumps here), flag and grouping filters, and whose caseload. */
export function CaseloadControls({ searchRef, clinicians, profileId, onArrowDown, onEnter }: Props) {
  const filters = { search: useCaseloadSearch(), flag: useCaseloadFlagFilter(), grouping: useCaseloadGroupingFilter() };
  const clinicianId = useCaseloadClinician();
  const actions = useCaseloadViewActions();

  return (
    <div className="caseload-controls">
      <CaseFilters
        idPrefix="caseload"
        searchAt="start"
        searchRef={searchRef}
        onArrowDown={onArrowDown}
        onEnter={onEnter}
        filters={filters}
        actions={actions}
      />
      {clinicians.length > 1 ? (
        <Select
          path="caseload-clinician"
          label="Clinician"
          value={clinicianId ?? profileId}
          options={clinicians.map((c) => ({ value: c.id, label: c.id === profileId ? `${c.name} (you)` : c.name }))}
          onChange={(id) => actions.setClinician(id === profileId ? null : id)}
        />
      ) : null}
    </div>
  );
}
