import type { ReactNode } from 'react';
import type { Bar } from './BarChart';

/**
 * A bar chart's table equivalent: one row per bar, its label as the row header, the same number.
 * `extra` adds columns (e.g. "Need action" beside "Open cases"); `renderLabel` lets a row header hold
 * a control (e.g. a button that drills down) while keeping it the row's header.
 */
export function CountTable<B extends Bar>({
  caption,
  labelHeader,
  valueHeader,
  bars,
  extra = [],
  renderLabel,
  total,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  bars: readonly B[];
  extra?: ReadonlyArray<{ header: string; value(bar: B): ReactNode }>;
  renderLabel?: (bar: B) => ReactNode;
  /** A last row with the sum of the values (only where the values add up to something meaningful). */
  total?: boolean;
}) {
  return (
    <div className="table-container">
      <table className="table table--compact count-table">
        <caption className="table__caption table__caption--s">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="numeric">
              {valueHeader}
            </th>
            {extra.map((e) => (
              <th scope="col" className="numeric" key={e.header}>
                {e.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{renderLabel ? renderLabel(b) : b.label}</th>
              <td className="numeric">{b.value}</td>
              {extra.map((e) => (
                <td className="numeric" key={e.header}>
                  {e.value(b)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="numeric">{bars.reduce((sum, b) => sum + b.value, 0)}</td>
              {extra.map((e) => (
                <td key={e.header} />
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
