import type { KeyboardEvent, RefObject } from 'react';
import { FLAG_CODES, FLAG_LABELS } from '../../shared/domain/flags';
import { GROUPING_CODES, GROUPING_LABELS } from '../../shared/domain/groupings';
import type { FlagFilter, GroupingFilter } from '../stores/caseload-view';
import { Select } from './fields';

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
  /** Prefixes the ids (`<prefix>-search`, `<prefix>-flag`, `<prefix>-grouping`), so two lists never share one. */
  idPrefix: string;
  /** Where the search box goes among the filters: each page keeps its own reading order. */
  searchAt: 'start' | 'end';
  /** The page's `/` shortcut focuses this box; the shortcut itself lives with the page. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** ArrowDown from the search box: the page moves focus into its own list. */
  onArrowDown(): void;
  /** Enter in the search box (a page whose list may still be loading keeps it for the list). */
  onEnter?(): void;
  /** The page's own view store (caseload and team filter separately), read and written here. */
  filters: { search: string; flag: FlagFilter; grouping: GroupingFilter };
  actions: { setSearch(search: string): void; setFlag(flag: FlagFilter): void; setGrouping(grouping: GroupingFilter): void };
}

/**
 * The search box and the flag and grouping filters shared by a clinician's caseload and the team's
 * cases. Renders no wrapper: the caller puts these beside its own "whose cases" select.
 */
export function CaseFilters({ idPrefix, searchAt, searchRef, onArrowDown, onEnter, filters, actions }: Props) {
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Enter') {
      onEnter?.();
    }
  };

  const searchBox = (
    <div className="form-group caseload-controls__search">
      <label className="label" htmlFor={`${idPrefix}-search`}>
        {SEARCH_LABEL}
      </label>
      <div className="hint" id={`${idPrefix}-search-hint`}>
        Press / to come back here, and the down arrow to move into the list.
      </div>
      <input
        className="input"
        id={`${idPrefix}-search`}
        type="search"
        ref={searchRef}
        value={filters.search}
        onChange={(e) => actions.setSearch(e.target.value)}
        onKeyDown={onSearchKeyDown}
        aria-describedby={`${idPrefix}-search-hint`}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );

  return (
    <>
      {searchAt === 'start' ? searchBox : null}
      <Select path={`${idPrefix}-flag`} label="Flag" value={filters.flag} options={FLAG_OPTIONS} onChange={actions.setFlag} />
      <Select path={`${idPrefix}-grouping`} label="Grouping" value={filters.grouping} options={GROUPING_OPTIONS} onChange={actions.setGrouping} />
      {searchAt === 'end' ? searchBox : null}
    </>
  );
}
