import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { TeamCaseRow } from '../../../shared/ipc/types';
import { SpacerRow } from '../../components/SpacerRow';
import { rowMoveTarget } from '../../components/row-keys';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { useTeamHighlightedCaseId, useTeamViewActions } from '../../stores/team-view';
import { TeamFlags } from './TeamFlags';

export const TEAM_TABLE_CAPTION = 'Team cases, most urgent first';

const COLUMNS = ['Rank', 'Name', 'Case ref', 'Clinician', 'Grouping', 'Weeks open', 'Next review', 'Target date', 'Flags'] as const;

/** The estimate until a row is measured; styles/team.css gives every row one fixed height (5rem). */
export const TEAM_ROW_HEIGHT = 80;

/** Focuses the row that holds the table's Tab stop (from the search box's ArrowDown). */
export function focusTeamRovingRow(): void {
  document.querySelector<HTMLElement>('a[data-team-row-link][tabindex="0"]')?.focus();
}

interface Props {
  rows: readonly TeamCaseRow[];
  onOpen(caseId: string): void;
}

/**
 * The team's cases as one table, virtualised: only the rows near the viewport of its scroll box are
 * in the DOM (aria-rowcount and aria-rowindex tell assistive technology the true size and place).
 * One row's name link is the Tab stop; Up/Down/Home/End/PageUp/PageDown move it, scrolling the row
 * into view, and Enter follows the link to the case.
 */
export function TeamCasesTable({ rows, onOpen }: Props) {
  const highlighted = useTeamHighlightedCaseId();
  const { highlight } = useTeamViewActions();
  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.caseId, i])), [rows]);
  const highlightedIndex = highlighted === null ? undefined : indexById.get(highlighted);
  const rovingIndex = highlightedIndex ?? (rows.length > 0 ? 0 : null);
  const v = useVirtualRows({ count: rows.length, rowHeight: TEAM_ROW_HEIGHT, pinnedIndex: rovingIndex, resetKey: rows });

  // Focus follows the keys once the target row is rendered (it may be far outside the window).
  const pendingFocus = useRef<number | null>(null);
  const tryFocus = useCallback(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = v.bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"] a[data-team-row-link]`);
    if (!link) return;
    pendingFocus.current = null;
    link.focus();
  }, [v.bodyRef]);
  useLayoutEffect(() => tryFocus());

  // Stable for the memoised rows: the latest scroll function, read when a row takes focus.
  const scrollToIndexRef = useRef(v.scrollToIndex);
  scrollToIndexRef.current = v.scrollToIndex;
  const onRowFocus = useCallback(
    (index: number, caseId: string) => {
      highlight(caseId);
      scrollToIndexRef.current(index);
    },
    [highlight],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = rowMoveTarget(event, 'a[data-team-row-link]', rows.length, v.pageSize);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (!row) return;
    pendingFocus.current = next;
    highlight(row.caseId);
    v.scrollToIndex(next);
    tryFocus();
  };

  return (
    <div className="team-table">
      <div className="team-table__scroller" ref={v.scrollerRef} onScroll={v.onScroll}>
        <table className="table team-table__table" aria-rowcount={rows.length + 1}>
          <caption className="table__caption">{TEAM_TABLE_CAPTION}</caption>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c} className={`team-table__col--${c.toLowerCase().replace(/\s+/g, '-')}`} />
            ))}
          </colgroup>
          <thead ref={v.headRef}>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th scope="col" key={c} className={c === 'Rank' || c === 'Weeks open' ? 'numeric' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={v.bodyRef} onKeyDown={onKeyDown}>
            {v.items.map((item) => {
              if (item.kind === 'gap') return <SpacerRow key={item.key} height={item.height} columns={COLUMNS.length} />;
              const row = rows[item.index]!;
              return (
                <TeamRow
                  key={row.caseId}
                  row={row}
                  index={item.index}
                  tabStop={item.index === rovingIndex}
                  highlighted={item.index === highlightedIndex}
                  onFocusRow={onRowFocus}
                  onOpen={onOpen}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  row: TeamCaseRow;
  index: number;
  tabStop: boolean;
  highlighted: boolean;
  onFocusRow(index: number, caseId: string): void;
  onOpen(caseId: string): void;
}

/** One case. Memoised: a keystroke in the search box or an arrow press re-renders only rows that changed. */
const TeamRow = memo(function TeamRow({ row, index, tabStop, highlighted, onFocusRow, onOpen }: RowProps) {
  return (
    <tr className={`team-row${highlighted ? ' is-highlighted' : ''}`} aria-rowindex={index + 2} data-row-index={index}>
      <td className="numeric">{row.rank}</td>
      <th scope="row">
        <a
          className="team-row__two-lines"
          href={`#case-${row.caseId}`}
          data-team-row-link=""
          tabIndex={tabStop ? 0 : -1}
          onFocus={() => onFocusRow(index, row.caseId)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(row.caseId);
          }}
        >
          {row.name}
        </a>
      </th>
      <td className="nowrap">{row.caseRef}</td>
      <td>
        <span className="team-row__two-lines">{row.leadClinicianName}</span>
      </td>
      <td>
        <span className="team-row__two-lines">
          {row.grouping ? GROUPING_SHORT_LABELS[row.grouping] : <span className="muted">Not recorded</span>}
        </span>
      </td>
      <td className="numeric">{row.weeksOpen}</td>
      <td className="nowrap">{row.nextReviewDate ? formatUkDate(row.nextReviewDate) : <span className="muted">Not set</span>}</td>
      <td className="nowrap">{row.targetDate ? formatUkDate(row.targetDate) : <span className="muted">Not set</span>}</td>
      <td>
        <TeamFlags flags={row.flags} />
      </td>
    </tr>
  );
});
