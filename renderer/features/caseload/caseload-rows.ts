/**
 * The caseload's sort: pure. Its default, by flags, is THE urgency order (shared/domain/urgency.ts),
 * the one `thrive caseload` and the team view use. Search and filters are the team view's too
 * (lib/case-search.ts); the page sorts once per load or sort change and filters the sorted
 * rows, which keeps their order, so a keystroke never sorts.
 */
import { GROUPING_CODES } from '../../../shared/domain/groupings';
import { sortByUrgency } from '../../../shared/domain/urgency';
import type { CaseloadRow } from '../../../shared/ipc/types';
import type { SortDirection, SortKey } from '../../stores/caseload-view';

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
  if (sort.key === 'flags') {
    // Descending is most urgent first; ascending the same list read from the bottom.
    const urgentFirst = sortByUrgency(rows);
    return sort.direction === 'descending' ? urgentFirst : urgentFirst.reverse();
  }
  return sortByColumn(rows, sort.key, sort.direction === 'ascending' ? 1 : -1);
}

function sortByColumn(rows: readonly CaseloadRow[], key: Exclude<SortKey, 'flags'>, dir: number): CaseloadRow[] {
  const compare = (a: CaseloadRow, b: CaseloadRow): number => {
    switch (key) {
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
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byText(a.name, b.name) || byText(a.caseRef, b.caseRef));
}
