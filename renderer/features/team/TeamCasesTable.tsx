import type { ReactNode } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { TeamCaseRow } from '../../../shared/ipc/types';
import { CaseTable, type CaseColumn, type CaseTableClasses } from '../../components/CaseTable';
import { useTeamHighlightedCaseId, useTeamViewActions } from '../../stores/team-view';
import { TeamFlags } from './TeamFlags';

export const TEAM_TABLE_CAPTION = 'Team cases, most urgent first';

const notSet = <span className="muted">Not set</span>;
/** At most two lines, then an ellipsis: styles/team.css gives every row one fixed height. */
const twoLines = (content: ReactNode) => <span className="team-row__two-lines">{content}</span>;

const COLUMNS: ReadonlyArray<CaseColumn<TeamCaseRow>> = [
  { label: 'Rank', colClassName: 'team-table__col--rank', headClassName: 'numeric', className: 'numeric', cell: (r) => r.rank },
  { label: 'Name', colClassName: 'team-table__col--name' },
  { label: 'Case ref', colClassName: 'team-table__col--case-ref', className: 'nowrap', cell: (r) => r.caseRef },
  { label: 'Clinician', colClassName: 'team-table__col--clinician', cell: (r) => twoLines(r.leadClinicianName) },
  {
    label: 'Grouping',
    colClassName: 'team-table__col--grouping',
    cell: (r) => twoLines(r.grouping ? GROUPING_SHORT_LABELS[r.grouping] : <span className="muted">Not recorded</span>),
  },
  { label: 'Weeks open', colClassName: 'team-table__col--weeks-open', headClassName: 'numeric', className: 'numeric', cell: (r) => r.weeksOpen },
  { label: 'Next review', colClassName: 'team-table__col--next-review', className: 'nowrap', cell: (r) => (r.nextReviewDate ? formatUkDate(r.nextReviewDate) : notSet) },
  { label: 'Target date', colClassName: 'team-table__col--target-date', className: 'nowrap', cell: (r) => (r.targetDate ? formatUkDate(r.targetDate) : notSet) },
  { label: 'Flags', colClassName: 'team-table__col--flags', cell: (r) => <TeamFlags flags={r.flags} /> },
];

const CLASSES: CaseTableClasses = {
  container: 'team-table',
  scroller: 'team-table__scroller',
  table: 'team-table__table',
  row: 'team-row',
  link: 'team-row__two-lines',
};

/** The estimate until a row is measured; styles/team.css gives every row one fixed height (5rem). */
const ROW_HEIGHT = 80;

/** The team's cases, most urgent first, in a scroll box of their own under a sticky header. */
export function TeamCasesTable({ rows, onOpen }: { rows: readonly TeamCaseRow[]; onOpen(caseId: string): void }) {
  const highlighted = useTeamHighlightedCaseId();
  const { highlight } = useTeamViewActions();
  return (
    <CaseTable
      rows={rows}
      columns={COLUMNS}
      caption={TEAM_TABLE_CAPTION}
      classes={CLASSES}
      rowEstimate={ROW_HEIGHT}
      overscan={8 * ROW_HEIGHT}
      highlightedCaseId={highlighted}
      onHighlight={highlight}
      onOpen={onOpen}
    />
  );
}
