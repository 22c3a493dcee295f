import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { SpacerRow } from '../../components/SpacerRow';
import { rowMoveTarget } from '../../components/row-keys';
import { FlagList, Tag } from '../../components/Tag';
import { useWindowRows } from '../../components/use-window-rows';
import { useCaseloadSort, useCaseloadViewActions, type SortKey } from '../../stores/caseload-view';
import { GoalSparklines } from './GoalSparkline';

interface Props {
  rows: readonly CaseloadRow[];
  caption: string;
  /** The case the keyboard was last on; the Tab stop is there while it is listed, else on the first row. */
  highlightedCaseId: string | null;
  onOpen(caseId: string): void;
}

const COLUMNS: ReadonlyArray<{ key: SortKey | null; label: string; className: string }> = [
  { key: 'name', label: 'Name', className: 'name' },
  { key: 'caseRef', label: 'Case ref', className: 'case-ref' },
  { key: 'grouping', label: 'Grouping', className: 'grouping' },
  { key: 'weeksOpen', label: 'Weeks open', className: 'weeks-open' },
  { key: 'nextReview', label: 'Next review', className: 'next-review' },
  { key: 'targetDate', label: 'Target date', className: 'target-date' },
  { key: null, label: 'Goals', className: 'goals' },
  { key: 'flags', label: 'Flags', className: 'flags' },
];

/** A row's height (px) until rows have been measured: a case with one flag whose reason takes two lines. */
export const CASELOAD_ROW_ESTIMATE = 90;

/** Focuses the link of the row holding the Tab stop (from the search box's ArrowDown). */
export function focusHighlightedRow(): void {
  document.querySelector<HTMLElement>('a[data-row-link][tabindex="0"]')?.focus();
}

/** Focuses one case's row link if it is rendered as the Tab stop; whether it was. */
export function focusCaseRow(caseId: string): boolean {
  const link = document.querySelector<HTMLElement>(`tr[data-case-id="${CSS.escape(caseId)}"] a[data-row-link][tabindex="0"]`);
  link?.focus();
  return link !== null;
}

/**
 * The caseload table, every case in one list. Only the rows near the viewport are in the DOM (a
 * caseload of 5,000 would otherwise be laid out and painted whole on every search keystroke), with
 * aria-rowcount and aria-rowindex telling assistive technology the true size and each row's place.
 * The page scrolls as it always has; there is no box to scroll inside. One row's name link is the
 * Tab stop; Up/Down/Home/End/PageUp/PageDown move it (bringing the row into view) and Enter opens the case.
 */
export function CaseloadTable({ rows, caption, highlightedCaseId, onOpen }: Props) {
  const sort = useCaseloadSort();
  const { sortBy, highlight } = useCaseloadViewActions();
  const keys = useMemo(() => rows.map((r) => r.caseId), [rows]);
  const indexById = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  const highlightedIndex = highlightedCaseId === null ? undefined : indexById.get(highlightedCaseId);
  const rovingIndex = highlightedIndex ?? (rows.length > 0 ? 0 : null);
  const v = useWindowRows({ keys, estimate: CASELOAD_ROW_ESTIMATE, pinnedIndex: rovingIndex });

  // Focus follows the keys once the target row is rendered (End may go far outside the rendered rows).
  const pendingFocus = useRef<number | null>(null);
  const tryFocus = useCallback(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = v.bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`);
    const link = row?.querySelector<HTMLElement>('a[data-row-link]');
    if (!row || !link) return;
    pendingFocus.current = null;
    link.focus({ preventScroll: true });
    // The whole row, not just its link, into view; jsdom has no scrollIntoView.
    row.scrollIntoView?.({ block: 'nearest' });
  }, [v.bodyRef]);
  useLayoutEffect(() => tryFocus());

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = rowMoveTarget(event, 'a[data-row-link]', rows.length, v.pageSize);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (!row) return;
    pendingFocus.current = next;
    highlight(row.caseId);
    tryFocus();
  };

  return (
    <div className="table-container caseload-table-container">
      <table className="table caseload-table" aria-rowcount={rows.length + 1}>
        <caption className="table__caption">{caption}</caption>
        <colgroup>
          {COLUMNS.map(({ label, className }) => (
            <col key={label} className={`caseload-table__col--${className}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map(({ key, label }) => (
              <th
                scope="col"
                key={label}
                aria-sort={key && sort.key === key ? sort.direction : undefined}
                className={key ? 'sortable' : undefined}
              >
                {key ? (
                  <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                    <SortLabel label={label} icon={sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'} />
                  </button>
                ) : (
                  label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={v.bodyRef} onKeyDown={onKeyDown}>
          {v.items.map((item) => {
            if (item.kind === 'gap') return <SpacerRow key={item.key} height={item.height} columns={COLUMNS.length} />;
            const row = rows[item.index]!;
            return (
              <CaseloadTableRow
                key={row.caseId}
                row={row}
                index={item.index}
                tabStop={item.index === rovingIndex}
                onHighlight={highlight}
                onOpen={onOpen}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A header label that may wrap (the columns are narrow), keeping the sort arrow on the line of the
 * last word rather than alone on a line of its own.
 */
function SortLabel({ label, icon }: { label: string; icon: string }) {
  const cut = label.lastIndexOf(' ') + 1;
  return (
    <>
      {label.slice(0, cut)}
      <span className="nowrap">
        {label.slice(cut)}
        <span className="sort-button__icon" aria-hidden="true">
          {icon}
        </span>
      </span>
    </>
  );
}

interface RowProps {
  row: CaseloadRow;
  index: number;
  /** This row's link is the table's Tab stop (and the row is marked while the table has focus). */
  tabStop: boolean;
  onHighlight(caseId: string): void;
  onOpen(caseId: string): void;
}

/** One case. Memoised: a search keystroke or an arrow press re-renders only the rows that changed. */
const CaseloadTableRow = memo(function CaseloadTableRow({ row, index, tabStop, onHighlight, onOpen }: RowProps) {
  return (
    <tr className={tabStop ? 'is-highlighted' : undefined} aria-rowindex={index + 2} data-row-index={index} data-case-id={row.caseId}>
      <th scope="row">
        <a
          href={`#case-${row.caseId}`}
          data-row-link=""
          tabIndex={tabStop ? 0 : -1}
          onFocus={() => onHighlight(row.caseId)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row.caseId);
          }}
        >
          {row.name}
        </a>
      </th>
      <td className="caseload-table__case-ref">{row.caseRef}</td>
      <td>{row.grouping ? GROUPING_SHORT_LABELS[row.grouping] : <span className="muted">Not recorded</span>}</td>
      <td className="numeric">{row.weeksOpen}</td>
      <td>
        {row.nextReviewDate ? <span className="nowrap">{formatUkDate(row.nextReviewDate)}</span> : <span className="muted">Not set</span>}
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
      <td>{row.targetDate ? <span className="nowrap">{formatUkDate(row.targetDate)}</span> : <span className="muted">Not set</span>}</td>
      <td>
        <GoalSparklines scores={row.goalScores} />
      </td>
      <td className="caseload-table__flags">
        {row.flags.length > 0 ? <FlagList flags={row.flags} /> : <span className="muted">None</span>}
      </td>
    </tr>
  );
});
