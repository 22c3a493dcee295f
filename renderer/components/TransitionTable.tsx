import { GROUPING_CODES, GROUPING_LABELS, OPENING_GROUPINGS, type GroupingCode } from '../../shared/domain/groupings';
import type { GroupingTransition } from '../../shared/ipc/types';
import type { Bar } from './BarChart';

/** The groupings a transition table lists as rows: every opening grouping, plus any other `from` in the data. */
function rowGroupings(transitions: readonly GroupingTransition[]): GroupingCode[] {
  const present = new Set(transitions.map((t) => t.from));
  return GROUPING_CODES.filter((g) => OPENING_GROUPINGS.includes(g) || present.has(g));
}

export function countOf(transitions: readonly GroupingTransition[], from: GroupingCode, to: GroupingCode): number {
  return transitions.filter((t) => t.from === from && t.to === to).reduce((sum, t) => sum + t.count, 0);
}

/** The chart's bars: one per movement that happened ("Getting Help → Thriving"), in table order. */
export function transitionBars(transitions: readonly GroupingTransition[]): Bar[] {
  return rowGroupings(transitions).flatMap((from) =>
    GROUPING_CODES.flatMap((to) => {
      const value = countOf(transitions, from, to);
      return value > 0
        ? [{ key: `${from}-${to}`, label: `${GROUPING_LABELS[from]} → ${GROUPING_LABELS[to]}`, value, tone: from === to ? ('neutral' as const) : ('default' as const) }]
        : [];
    }),
  );
}

/**
 * A transition table: one row per grouping at the start (row headers), one column per grouping at
 * the end (column headers), the number of cases in each cell, and totals. Headers carry scope so a
 * screen reader announces "Getting Help, Now: Thriving, 4" for a cell.
 */
export function TransitionTable({
  caption,
  transitions,
  fromLabel,
  toLabel,
}: {
  caption: string;
  transitions: readonly GroupingTransition[];
  /** e.g. "At open". */
  fromLabel: string;
  /** e.g. "Now" or "At close". */
  toLabel: string;
}) {
  const rows = rowGroupings(transitions);
  const total = transitions.reduce((sum, t) => sum + t.count, 0);
  return (
    <div className="table-container">
      <table className="table transition-table">
        <caption className="table__caption table__caption--s">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {fromLabel} <span aria-hidden="true">↓</span> {toLabel.toLowerCase()} <span aria-hidden="true">→</span>
            </th>
            {GROUPING_CODES.map((to) => (
              <th scope="col" className="numeric" key={to}>
                <span className="visually-hidden">{toLabel}: </span>
                {GROUPING_LABELS[to]}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((from) => (
            <tr key={from}>
              <th scope="row">
                <span className="visually-hidden">{fromLabel}: </span>
                {GROUPING_LABELS[from]}
              </th>
              {GROUPING_CODES.map((to) => {
                const n = countOf(transitions, from, to);
                return (
                  <td className={`numeric${from === to ? ' transition-table__same' : ''}`} key={to}>
                    {n}
                  </td>
                );
              })}
              <td className="numeric">{transitions.filter((t) => t.from === from).reduce((sum, t) => sum + t.count, 0)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {GROUPING_CODES.map((to) => (
              <td className="numeric" key={to}>
                {transitions.filter((t) => t.to === to).reduce((sum, t) => sum + t.count, 0)}
              </td>
            ))}
            <td className="numeric">{total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
