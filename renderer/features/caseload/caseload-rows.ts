/** Search, filter and sort of caseload rows: pure, so the list stays fast and is tested directly. */
import { FLAG_CODES } from '../../../shared/domain/flags';
import { GROUPING_CODES } from '../../../shared/domain/groupings';
import { normaliseNhsNumber } from '../../../shared/domain/nhs-number';
import type { CaseloadRow } from '../../../shared/ipc/types';
import type { FlagFilter, GroupingFilter, SortDirection, SortKey } from '../../stores/caseload-view';

/** A case needs action when it has any flag but "Review due soon" (a heads-up, not a problem yet). */
export function needsAction(row: CaseloadRow): boolean {
  return row.flags.some((f) => f.severity !== 'info');
}

/** Name or case reference contain the text; or its digits (spaces ignored) are part of the NHS number. */
export function matchesSearch(row: CaseloadRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  if (row.name.toLowerCase().includes(q) || row.caseRef.toLowerCase().includes(q)) return true;
  const digits = normaliseNhsNumber(q);
  return /^\d+$/.test(digits) && !!row.nhsNumber && normaliseNhsNumber(row.nhsNumber).includes(digits);
}

function matchesFlag(row: CaseloadRow, flag: FlagFilter): boolean {
  if (flag === '') return true;
  if (flag === 'needs_action') return needsAction(row);
  if (flag === 'none') return row.flags.length === 0;
  return row.flags.some((f) => f.code === flag);
}

function matchesGrouping(row: CaseloadRow, grouping: GroupingFilter): boolean {
  if (grouping === '') return true;
  if (grouping === 'not_recorded') return row.grouping === null;
  return row.grouping === grouping;
}

export function filterRows(
  rows: readonly CaseloadRow[],
  f: { search: string; flag: FlagFilter; grouping: GroupingFilter },
): CaseloadRow[] {
  return rows.filter((r) => matchesSearch(r, f.search) && matchesFlag(r, f.flag) && matchesGrouping(r, f.grouping));
}

/** Higher is more urgent: the most serious flag first (flags come sorted by severity), then how many. */
function urgency(row: CaseloadRow): number {
  const first = row.flags[0];
  if (!first) return 0;
  return (FLAG_CODES.length - FLAG_CODES.indexOf(first.code)) * 100 + row.flags.length;
}

// One collator for every comparison: localeCompare with options builds a new one per call, which
// made sorting a 5,000-case caseload take seconds.
const byText = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }).compare;

/** Compares two possibly-missing values; missing ones always sort last, whichever the direction. */
function compareMissingLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b) * dir;
}

export function sortRows(rows: readonly CaseloadRow[], sort: { key: SortKey; direction: SortDirection }): CaseloadRow[] {
  const dir = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: CaseloadRow, b: CaseloadRow): number => {
    switch (sort.key) {
      case 'name':
        return byText(a.name, b.name) * dir;
      case 'caseRef':
        return byText(a.caseRef, b.caseRef) * dir;
      case 'grouping':
        return compareMissingLast(a.grouping, b.grouping, (x, y) => GROUPING_CODES.indexOf(x) - GROUPING_CODES.indexOf(y), dir);
      case 'weeksOpen':
        return (a.weeksOpen - b.weeksOpen) * dir;
      case 'nextReview':
        return compareMissingLast(a.nextReviewDate, b.nextReviewDate, byText, dir);
      case 'targetDate':
        return compareMissingLast(a.targetDate, b.targetDate, byText, dir);
      case 'flags':
        return (urgency(a) - urgency(b)) * dir;
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byText(a.name, b.name) || byText(a.caseRef, b.caseRef));
}
