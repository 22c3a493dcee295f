import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SpacerRow } from './SpacerRow';
import { rowMoveTarget } from '../lib/row-keys';
import { useWindowRows, type WindowRows } from '../hooks/use-window-rows';

/** What every case row has: its id (the row's key and the link's target) and the name its link shows. */
export interface CaseTableRow {
  caseId: string;
  name: string;
}

/** One column, declared by the table's user. */
export interface CaseColumn<Row> {
  label: string;
  /** The class of the column's <col> (its width). */
  colClassName: string;
  headClassName?: string;
  /** The key the header's sort button sorts by (with the table's `sort`); none for a column not sorted. */
  sortKey?: string;
  /** The cell's content; absent for the row header, the case's name as the link that opens the case. */
  cell?: (row: Row) => ReactNode;
  className?: string;
}

export interface CaseTableSort {
  key: string;
  direction: 'ascending' | 'descending';
  onSort(key: string): void;
}

/** Class names, which give each table its look (styles/caseload.css, styles/team.css). */
export interface CaseTableClasses {
  container: string;
  /** Given for a table that scrolls inside its own box, under a sticky header; else the page scrolls. */
  scroller?: string;
  table: string;
  row?: string;
  link?: string;
}

interface Props<Row extends CaseTableRow> {
  rows: readonly Row[];
  columns: ReadonlyArray<CaseColumn<Row>>;
  caption: string;
  classes: CaseTableClasses;
  /** A row's height (px) until rows have been measured. */
  rowEstimate: number;
  /** Pixels of rows rendered beyond each edge of the viewport. */
  overscan?: number;
  sort?: CaseTableSort;
  /** The case the keyboard was last on; the Tab stop is there while it is listed, else on the first row. */
  highlightedCaseId: string | null;
  onHighlight(caseId: string): void;
  onOpen(caseId: string): void;
}

const LINK = 'a[data-row-link]';

/** Focuses the link of the row holding the Tab stop (from the search box's ArrowDown). */
export function focusHighlightedRow(): void {
  document.querySelector<HTMLElement>(`${LINK}[tabindex="0"]`)?.focus();
}

/** Focuses one case's row link if it is rendered as the Tab stop; whether it was. */
export function focusCaseRow(caseId: string): boolean {
  const link = document.querySelector<HTMLElement>(`tr[data-case-id="${CSS.escape(caseId)}"] ${LINK}[tabindex="0"]`);
  link?.focus();
  return link !== null;
}

/**
 * A table of cases, windowed (use-window-rows.ts): only the rows near the viewport are in the DOM, with
 * aria-rowcount and aria-rowindex telling assistive technology the true size and each row's place.
 * One row's name link is the Tab stop; Up/Down/Home/End/PageUp/PageDown move it (bringing the row into
 * view) and Enter opens the case. A table in a scroll box goes back to its top when its rows change.
 */
export function CaseTable<Row extends CaseTableRow>(props: Props<Row>) {
  const { rows, columns, caption, classes, highlightedCaseId, onHighlight, onOpen } = props;
  const keys = useMemo(() => rows.map((r) => r.caseId), [rows]);
  const indexById = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  const highlightedIndex = highlightedCaseId === null ? undefined : indexById.get(highlightedCaseId);
  const rovingIndex = highlightedIndex ?? (rows.length > 0 ? 0 : null);
  const boxed = classes.scroller !== undefined;
  const v = useWindowRows({ keys, estimate: props.rowEstimate, overscan: props.overscan, pinnedIndex: rovingIndex, resetKey: boxed ? rows : undefined });

  const { onKeyDown, onFocusRow } = useRowKeys(rows, v, onHighlight);

  const table = (
    <table className={`table ${classes.table}`} aria-rowcount={rows.length + 1}>
      <caption className="table__caption">{caption}</caption>
      <colgroup>
        {columns.map((c) => (
          <col key={c.label} className={c.colClassName} />
        ))}
      </colgroup>
      <thead ref={boxed ? v.headRef : undefined}>
        <tr aria-rowindex={1}>
          {columns.map((c) => (
            <HeaderCell key={c.label} column={c} sort={props.sort} />
          ))}
        </tr>
      </thead>
      <tbody ref={v.bodyRef} onKeyDown={onKeyDown}>
        {v.items.map((item) => {
          if (item.kind === 'gap') return <SpacerRow key={item.key} height={item.height} columns={columns.length} />;
          const row = rows[item.index]!;
          const tabStop = item.index === rovingIndex;
          return <CaseTableRowView key={row.caseId} {...{ row, columns, classes, tabStop, onFocusRow, onOpen }} index={item.index} />;
        })}
      </tbody>
    </table>
  );
  return (
    <div className={classes.container}>
      {boxed ? (
        <div className={classes.scroller} ref={v.scrollerRef}>
          {table}
        </div>
      ) : (
        table
      )}
    </div>
  );
}

/**
 * The keys that move the Tab stop (row-keys.ts), and a row's link taking focus: the row is highlighted
 * and brought wholly into view. Focus follows the keys once the target row is rendered (End may go
 * far outside the rendered rows).
 */
function useRowKeys(rows: readonly CaseTableRow[], v: WindowRows, onHighlight: (caseId: string) => void) {
  // Stable for the memoised rows: the latest reveal, called when a row's link takes focus.
  const revealRef = useRef(v.reveal);
  revealRef.current = v.reveal;
  const onFocusRow = useCallback(
    (index: number, caseId: string, link: HTMLElement) => {
      onHighlight(caseId);
      // Not for a click: scrolling the row under the pointer between press and release loses the click.
      if (focusedByKeyboard(link)) revealRef.current(index);
    },
    [onHighlight],
  );

  const pendingFocus = useRef<number | null>(null);
  const tryFocus = useCallback(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = v.bodyRef.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"] ${LINK}`);
    if (!link) return;
    pendingFocus.current = null;
    link.focus({ preventScroll: true });
    // The whole row, not just its link, into view (and clear of a sticky header).
    revealRef.current(index);
  }, [v.bodyRef]);
  useLayoutEffect(() => tryFocus());

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = rowMoveTarget(event, LINK, rows.length, v.pageSize);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (!row) return;
    pendingFocus.current = next;
    onHighlight(row.caseId);
    tryFocus();
  };
  return { onKeyDown, onFocusRow };
}

/** Whether focus came from the keyboard (Tab) rather than the pointer, as the browser judges it. */
function focusedByKeyboard(element: HTMLElement): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

function HeaderCell<Row>({ column, sort }: { column: CaseColumn<Row>; sort: CaseTableSort | undefined }) {
  const key = sort ? column.sortKey : undefined;
  const className = [key ? 'sortable' : '', column.headClassName ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <th scope="col" aria-sort={key && sort?.key === key ? sort.direction : undefined} className={className}>
      {key && sort ? (
        <button type="button" className="sort-button" onClick={() => sort.onSort(key)}>
          <SortLabel label={column.label} icon={sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'} />
        </button>
      ) : (
        column.label
      )}
    </th>
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

interface RowProps<Row> {
  row: Row;
  columns: ReadonlyArray<CaseColumn<Row>>;
  classes: CaseTableClasses;
  index: number;
  /** This row's link is the table's Tab stop (and the row is marked while the table has focus). */
  tabStop: boolean;
  onFocusRow(index: number, caseId: string, link: HTMLElement): void;
  onOpen(caseId: string): void;
}

/** One case. Memoised: a search keystroke or an arrow press re-renders only the rows that changed. */
const CaseTableRowView = memo(function CaseTableRowView<Row extends CaseTableRow>(p: RowProps<Row>) {
  const { row, index, tabStop, classes } = p;
  const className = [classes.row ?? '', tabStop ? 'is-highlighted' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <tr className={className} aria-rowindex={index + 2} data-row-index={index} data-case-id={row.caseId}>
      {p.columns.map((c) =>
        c.cell ? (
          <td key={c.label} className={c.className}>
            {c.cell(row)}
          </td>
        ) : (
          <th scope="row" key={c.label}>
            <a
              className={classes.link}
              href={`#case-${row.caseId}`}
              data-row-link=""
              tabIndex={tabStop ? 0 : -1}
              onFocus={(e) => p.onFocusRow(index, row.caseId, e.currentTarget)}
              onClick={(e) => {
                e.preventDefault();
                p.onOpen(row.caseId);
              }}
            >
              {row.name}
            </a>
          </th>
        ),
      )}
    </tr>
  );
}) as <Row extends CaseTableRow>(p: RowProps<Row>) => ReactNode;
