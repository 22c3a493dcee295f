import { useMemo } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { CaseTable, type CaseColumn, type CaseTableClasses } from '../../components/CaseTable';
import { Tag, FlagList } from '../../components/Tag';
import { useCaseloadSort, useCaseloadViewActions, type SortKey } from '../../stores/caseload-view';
import { GoalSparklines } from './GoalSparkline';

interface Props {
  rows: readonly CaseloadRow[];
  caption: string;
  /** The case the keyboard was last on; the Tab stop is there while it is listed, else on the first row. */
  highlightedCaseId: string | null;
  onOpen(caseId: string): void;
}

const notSet = <span className="muted">Not set</span>;
const date = (d: string | null | undefined) => (d ? <span className="nowrap">{formatUkDate(d)}</span> : notSet);

function nextReview(row: CaseloadRow) {
  const badge = row.reviewBadge === 'overdue' ? <Tag tone="urgent">Overdue</Tag> : row.reviewBadge === 'soon' ? <Tag tone="info">Due soon</Tag> : null;
  return (
    <>
      {date(row.nextReviewDate)}
      {badge ? <> {badge}</> : null}
    </>
  );
}

type Column = CaseColumn<CaseloadRow> & { sortKey?: SortKey };

const COLUMNS: readonly Column[] = [
  { label: 'Name', sortKey: 'name', colClassName: 'caseload-table__col--name' },
  { label: 'Case ref', sortKey: 'caseRef', colClassName: 'caseload-table__col--case-ref', className: 'caseload-table__case-ref', cell: (r) => r.caseRef },
  {
    label: 'Grouping',
    sortKey: 'grouping',
    colClassName: 'caseload-table__col--grouping',
    cell: (r) => (r.grouping ? GROUPING_SHORT_LABELS[r.grouping] : <span className="muted">Not recorded</span>),
  },
  { label: 'Weeks open', sortKey: 'weeksOpen', colClassName: 'caseload-table__col--weeks-open', className: 'numeric', cell: (r) => r.weeksOpen },
  { label: 'Next review', sortKey: 'nextReview', colClassName: 'caseload-table__col--next-review', cell: nextReview },
  { label: 'Target date', sortKey: 'targetDate', colClassName: 'caseload-table__col--target-date', cell: (r) => date(r.targetDate) },
  { label: 'Goals', colClassName: 'caseload-table__col--goals', cell: (r) => <GoalSparklines scores={r.goalScores} /> },
  {
    label: 'Flags',
    sortKey: 'flags',
    colClassName: 'caseload-table__col--flags',
    className: 'caseload-table__flags',
    cell: (r) => (r.flags.length > 0 ? <FlagList flags={r.flags} /> : <span className="muted">None</span>),
  },
];

const CLASSES: CaseTableClasses = { container: 'table-container caseload-table-container', table: 'caseload-table' };

/** A row's height (px) until rows have been measured: a case with one flag whose reason takes two lines. */
const ROW_ESTIMATE = 90;

/**
 * The caseload table, every case in one list, sortable by its headers. The page scrolls as it always
 * has (there is no box to scroll inside) and rows keep their natural height, flag reasons in full.
 */
export function CaseloadTable({ rows, caption, highlightedCaseId, onOpen }: Props) {
  const { key, direction } = useCaseloadSort();
  const { sortBy, highlight } = useCaseloadViewActions();
  const sort = useMemo(() => ({ key, direction, onSort: (k: string) => sortBy(k as SortKey) }), [key, direction, sortBy]);
  return (
    <CaseTable
      rows={rows}
      columns={COLUMNS}
      caption={caption}
      classes={CLASSES}
      rowEstimate={ROW_ESTIMATE}
      sort={sort}
      highlightedCaseId={highlightedCaseId}
      onHighlight={highlight}
      onOpen={onOpen}
    />
  );
}
