/**
 * Search and filters over case rows, shared by the caseload and the team view: pure and fast. Each
 * row's search text is prepared once per load (searchIndex), so a keystroke over 5,000 cases is a few
 * substring checks per row, and filtering keeps the order the rows are given in.
 */
import { normaliseNhsNumber } from '../../shared/domain/nhs-number';
import { needsAction } from '../../shared/domain/urgency';
import type { CaseloadRow } from '../../shared/ipc/types';
import type { FlagFilter, GroupingFilter } from '../stores/caseload-view';

export interface SearchableRow<R extends CaseloadRow = CaseloadRow> {
  row: R;
  /** Name and case reference, lower case, with a separator no query can contain. */
  text: string;
  /** NHS number digits only ('' when not known). */
  nhs: string;
}

export function searchIndex<R extends CaseloadRow>(rows: readonly R[]): SearchableRow<R>[] {
  return rows.map((row) => ({
    row,
    // NFC on both sides: a name stored before names were normalised, or a query typed decomposed, still
    // matches (shared/text.ts normaliseText).
    text: `${row.name}\u0000${row.caseRef}`.normalize('NFC').toLowerCase(),
    nhs: row.nhsNumber ? normaliseNhsNumber(row.nhsNumber) : '',
  }));
}

export interface CaseFilterValues {
  search: string;
  flag: FlagFilter;
  grouping: GroupingFilter;
}

function flagTest(flag: FlagFilter): ((row: CaseloadRow) => boolean) | null {
  if (flag === '') return null;
  if (flag === 'needs_action') return (row) => needsAction(row.flags);
  if (flag === 'none') return (row) => row.flags.length === 0;
  return (row) => row.flags.some((f) => f.code === flag);
}

function groupingTest(grouping: GroupingFilter): ((row: CaseloadRow) => boolean) | null {
  if (grouping === '') return null;
  if (grouping === 'not_recorded') return (row) => row.grouping === null;
  return (row) => row.grouping === grouping;
}

/** Name or case reference contain the text; or the text's digits (spaces and hyphens ignored) are part of the NHS number. */
function searchTest(search: string): ((r: SearchableRow) => boolean) | null {
  const q = search.normalize('NFC').trim().toLowerCase();
  if (q === '') return null;
  const digits = normaliseNhsNumber(q);
  const byNhs = /^\d+$/.test(digits);
  return (r) => r.text.includes(q) || (byNhs && r.nhs.includes(digits));
}

/**
 * The rows that pass every filter, in the order of `index` (built from `all`). Unfiltered, `all`
 * itself comes back, so nothing downstream recomputes.
 */
export function filterCases<R extends CaseloadRow>(index: readonly SearchableRow<R>[], all: readonly R[], f: CaseFilterValues): readonly R[] {
  const bySearch = searchTest(f.search);
  const byFlag = flagTest(f.flag);
  const byGrouping = groupingTest(f.grouping);
  if (!bySearch && !byFlag && !byGrouping) return all;
  const out: R[] = [];
  for (const r of index) {
    if (bySearch && !bySearch(r)) continue;
    if (byFlag && !byFlag(r.row)) continue;
    if (byGrouping && !byGrouping(r.row)) continue;
    out.push(r.row);
  }
  return out;
}
