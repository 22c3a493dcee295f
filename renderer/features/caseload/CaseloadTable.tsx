import { memo, type KeyboardEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { FlagList, Tag } from '../../components/Tag';
import { useCaseloadSort, useCaseloadViewActions, type SortKey } from '../../stores/caseload-view';
import { GoalSparklines } from './GoalSparkline';

interface Props {
  rows: readonly CaseloadRow[];
  caption: string;
  /** The row that Tab lands on and the arrows move from. */
  highlightedCaseId: string | null;
  onOpen(caseId: string): void;
}

const COLUMNS: ReadonlyArray<{ key: SortKey | null; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'caseRef', label: 'Case ref' },
  { key: 'grouping', label: 'Grouping' },
  { key: 'weeksOpen', label: 'Weeks open' },
  { key: 'nextReview', label: 'Next review' },
  { key: 'targetDate', label: 'Target date' },
  { key: null, label: 'Goals' },
  { key: 'flags', label: 'Flags' },
];

/** Focuses the link of the highlighted row (from the search box's ArrowDown). */
export function focusHighlightedRow(): void {
  document.querySelector<HTMLElement>('a[data-row-link][tabindex="0"]')?.focus();
}

/**
 * The caseload table. One row's name link is in the Tab order (roving focus); ArrowUp/ArrowDown,
 * Home and End move it; Enter follows the link and opens the case.
 */
export function CaseloadTable({ rows, caption, highlightedCaseId, onOpen }: Props) {
  const sort = useCaseloadSort();
  const { sortBy, highlight } = useCaseloadViewActions();

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]'));
    const current = links.findIndex((link) => link === document.activeElement);
    if (current < 0) return;
    event.preventDefault();
    const last = links.length - 1;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowDown' ? Math.min(current + 1, last) : Math.max(current - 1, 0);
    const row = rows[next];
    if (!row) return;
    highlight(row.caseId);
    links[next]?.focus();
  };

  return (
    <div className="table-container caseload-table-container">
      <table className="table caseload-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th
                scope="col"
                key={label}
                aria-sort={key && sort.key === key ? sort.direction : undefined}
                className={key ? 'sortable' : undefined}
              >
                {key ? (
                  <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                    {label}
                    <span className="sort-button__icon" aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row) => (
            <CaseloadTableRow
              key={row.caseId}
              row={row}
              highlighted={row.caseId === highlightedCaseId}
              onHighlight={highlight}
              onOpen={onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: CaseloadRow;
  highlighted: boolean;
  onHighlight(caseId: string): void;
  onOpen(caseId: string): void;
}

/** One case. Memoised: a search keystroke or an arrow press re-renders only the rows that changed. */
const CaseloadTableRow = memo(function CaseloadTableRow({ row, highlighted, onHighlight, onOpen }: RowProps) {
  return (
    <tr className={highlighted ? 'is-highlighted' : undefined}>
      <th scope="row">
        <a
          href={`#case-${row.caseId}`}
          data-row-link=""
          tabIndex={highlighted ? 0 : -1}
          onFocus={() => onHighlight(row.caseId)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row.caseId);
          }}
        >
          {row.name}
        </a>
      </th>
      <td className="nowrap">{row.caseRef}</td>
      <td>{row.grouping ? GROUPING_SHORT_LABELS[row.grouping] : <span className="muted">Not recorded</span>}</td>
      <td className="numeric">{row.weeksOpen}</td>
      <td>
        {row.nextReviewDate ? formatUkDate(row.nextReviewDate) : <span className="muted">Not set</span>}
        {row.reviewBadge === 'overdue' ? (
          <>
            {' '}
            <Tag tone="urgent">Overdue</Tag>
          </>
        ) : row.reviewBadge === 'soon' ? (
          <>
            {' '}
            <Tag tone="info">Due soon</Tag>
          </>
        ) : null}
      </td>
      <td>{row.targetDate ? formatUkDate(row.targetDate) : <span className="muted">Not set</span>}</td>
      <td>
        <GoalSparklines scores={row.goalScores} />
      </td>
      <td className="caseload-table__flags">
        {row.flags.length > 0 ? <FlagList flags={row.flags} /> : <span className="muted">None</span>}
      </td>
    </tr>
  );
});
