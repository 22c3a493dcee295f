import { useId } from 'react';

export type BarTone = 'default' | 'good' | 'neutral' | 'bad' | 'urgent' | 'warning' | 'info';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Colour hint; the label always says what the bar is, so colour is never the only signal. */
  tone?: BarTone;
}

export const BAR_CHART = { width: 720, rowHeight: 46, labelGap: 18, barHeight: 18, valueRoom: 64 } as const;

/** Where each bar sits: the label on its own line above the bar, so long labels never collide. */
export function layoutBars(bars: readonly Bar[]): Array<Bar & { y: number; barY: number; barWidth: number }> {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const room = BAR_CHART.width - BAR_CHART.valueRoom;
  return bars.map((b, i) => {
    const y = i * BAR_CHART.rowHeight;
    return { ...b, y, barY: y + BAR_CHART.labelGap + 4, barWidth: max > 0 ? Math.round((b.value / max) * room) : 0 };
  });
}

/** "Getting Help: 12 cases; Thriving: 0 cases." */
export function describeBars(bars: readonly Bar[], unit: { one: string; many: string }): string {
  if (bars.length === 0) return 'No figures to show.';
  return `${bars.map((b) => `${b.label}: ${b.value} ${b.value === 1 ? unit.one : unit.many}`).join('; ')}.`;
}

/**
 * A horizontal bar chart drawn with SVG elements and attributes only (no inline styles: the CSP
 * forbids them; colours come from CSS classes). Every bar is labelled with its value. To assistive
 * technology it is one image with a name and a description listing every value; the page shows a
 * table with the same numbers with it, which is where the figures are meant to be read from.
 */
export function BarChart({
  title,
  bars,
  unit = { one: 'case', many: 'cases' },
}: {
  /** The accessible name, e.g. "Chart of open cases by flag". */
  title: string;
  bars: readonly Bar[];
  unit?: { one: string; many: string };
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const laid = layoutBars(bars);
  const height = Math.max(BAR_CHART.rowHeight, bars.length * BAR_CHART.rowHeight);
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${BAR_CHART.width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{`${describeBars(bars, unit)} The table with this chart gives the same figures.`}</desc>
      {laid.map((b) => (
        <g key={b.key} className={`bar-chart__row bar-chart__row--${b.tone ?? 'default'}`}>
          <text className="bar-chart__label" x={0} y={b.y + 14}>
            {b.label}
          </text>
          <line className="bar-chart__baseline" x1={0} y1={b.barY} x2={0} y2={b.barY + BAR_CHART.barHeight} />
          {b.barWidth > 0 ? <rect className="bar-chart__bar" x={0} y={b.barY} width={b.barWidth} height={BAR_CHART.barHeight} /> : null}
          <text className="bar-chart__value" x={b.barWidth + 8} y={b.barY + 14}>
            {b.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
