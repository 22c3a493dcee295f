/**
 * Search and filters over the team's cases: pure and fast. The rows arrive in urgency order (main
 * sorts them with shared/domain/urgency.ts) and filtering keeps that order. Each row's search text
 * is prepared once per load, so a keystroke over 5,000 cases is a few substring checks per row.
 */
import { normaliseNhsNumber } from '../../../shared/domain/nhs-number';
import { needsAction as flagsNeedAction } from '../../../shared/domain/urgency';
import type { TeamCaseRow } from '../../../shared/ipc/types';
import type { FlagFilter, GroupingFilter } from '../../stores/team-view';

export interface SearchableRow {
  row: TeamCaseRow;
  /** Name and case reference, lower case, with a separator no query can contain. */
  text: string;
  /** NHS number digits only ('' when not known). */
  nhs: string;
}

export function searchIndex(rows: readonly TeamCaseRow[]): SearchableRow[] {
  return rows.map((row) => ({
    row,
    text: `${row.name}\u0000${row.caseRef}`.toLowerCase(),
    nhs: row.nhsNumber ? normaliseNhsNumber(row.nhsNumber) : '',
  }));
}

export function needsAction(row: TeamCaseRow): boolean {
  return flagsNeedAction(row.flags);
}

export interface TeamFilters {
  search: string;
  flag: FlagFilter;
  grouping: GroupingFilter;
}

function flagTest(flag: FlagFilter): ((row: TeamCaseRow) => boolean) | null {
  if (flag === '') return null;
  if (flag === 'needs_action') return needsAction;
  if (flag === 'none') return (row) => row.flags.length === 0;
  return (row) => row.flags.some((f) => f.code === flag);
}

function groupingTest(grouping: GroupingFilter): ((row: TeamCaseRow) => boolean) | null {
  if (grouping === '') return null;
  if (grouping === 'not_recorded') return (row) => row.grouping === null;
  return (row) => row.grouping === grouping;
}

/**
 * Name or case reference contain the text; or the text's digits (spaces and hyphens ignored) are
 * part of the NHS number — the same rule as the caseload search.
 */
function searchTest(search: string): ((r: SearchableRow) => boolean) | null {
  const q = search.trim().toLowerCase();
  if (q === '') return null;
  const digits = normaliseNhsNumber(q);
  const byNhs = /^\d+$/.test(digits);
  return (r) => r.text.includes(q) || (byNhs && r.nhs.includes(digits));
}

/** The rows that pass every filter, in the order given. Unfiltered, the original array comes back. */
export function filterTeamRows(index: readonly SearchableRow[], all: readonly TeamCaseRow[], f: TeamFilters): readonly TeamCaseRow[] {
  const bySearch = searchTest(f.search);
  const byFlag = flagTest(f.flag);
  const byGrouping = groupingTest(f.grouping);
  if (!bySearch && !byFlag && !byGrouping) return all;
  const out: TeamCaseRow[] = [];
  for (const r of index) {
    if (bySearch && !bySearch(r)) continue;
    if (byFlag && !byFlag(r.row)) continue;
    if (byGrouping && !byGrouping(r.row)) continue;
    out.push(r.row);
  }
  return out;
}
