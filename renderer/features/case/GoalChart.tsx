import { GBO_RELIABLE_CHANGE, goalProgress } from '../../../shared/domain/gbo';
import type { GoalRecord } from '../../../shared/ipc/types';
import { goalEnd, goalEndPhrase, goalName } from './goal-labels';
import { CHART, layoutGoalChart, type ChartSeries } from './goal-chart-layout';

/** Each goal's marker shape, so lines are told apart by shape and dash as well as colour. */
function Marker({ styleIndex, x, y }: { styleIndex: number; x: number; y: number }) {
  const r = 5;
  switch (styleIndex) {
    case 1:
      return <rect className="goal-chart__marker" x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 2:
      return <polygon className="goal-chart__marker" points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
    case 3:
      return <polygon className="goal-chart__marker" points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
    default:
      return <circle className="goal-chart__marker" cx={x} cy={y} r={r} />;
  }
}

/** A small picture of a series' line and marker, for the legend. */
export function SeriesSwatch({ styleIndex, ended }: { styleIndex: number; ended: boolean }) {
  return (
    <svg
      className={`goal-chart-swatch goal-chart__series--${styleIndex}${ended ? ' goal-chart__series--ended' : ''}`}
      width="40"
      height="16"
      viewBox="0 0 40 16"
      aria-hidden="true"
      focusable="false"
    >
      <line className="goal-chart__line" x1="2" y1="8" x2="38" y2="8" />
      <Marker styleIndex={styleIndex} x={20} y={8} />
    </svg>
  );
}

function Series({ s }: { s: ChartSeries }) {
  const last = s.points[s.points.length - 1];
  const classes = `goal-chart__series--${s.styleIndex}${s.end ? ' goal-chart__series--ended' : ''}`;
  return (
    <g className={classes}>
      {s.points.length > 1 ? <polyline className="goal-chart__line" points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} /> : null}
      {s.points.map((p, i) => (
        <g key={i}>
          <Marker styleIndex={s.styleIndex} x={p.x} y={p.y} />
          <text className="goal-chart__value" x={p.labelX} y={p.labelY} textAnchor="middle">
            {p.score}
          </text>
        </g>
      ))}
      {s.end && last ? (
        // Where a dropped or reworded goal stopped: a cross and the word, not just a dashed line.
        <g className="goal-chart__end">
          <line x1={last.x + 6} y1={last.y + 10} x2={last.x + 14} y2={last.y + 18} />
          <line x1={last.x + 14} y1={last.y + 10} x2={last.x + 6} y2={last.y + 18} />
          <text className="goal-chart__end-label" x={last.x + 17} y={last.y + 19}>
            {s.end.kind === 'reworded' ? 'Reworded' : s.end.kind === 'dropped' ? 'Dropped' : 'Achieved'}
          </text>
        </g>
      ) : null}
    </g>
  );
}

function description(goals: readonly GoalRecord[]): string {
  const parts = goals
    .filter((g) => g.ratings.length > 0)
    .map((g) => {
      const p = goalProgress(g.ratings)!;
      const end = goalEnd(g, goals);
      return `${goalName(g)}${end ? ` (${goalEndPhrase(end)})` : ''}: first ${p.first}, latest ${p.latest}.`;
    });
  return [
    'Goal Based Outcome ratings from 0 to 10 over time, one line per goal; dropped and reworded goals have dashed lines ending in a cross.',
    `Dotted lines mark ${GBO_RELIABLE_CHANGE} points either side of each current goal's first rating.`,
    ...parts,
    'The table below lists every rating.',
  ].join(' ');
}

/**
 * GBO ratings over time, drawn with SVG elements and attributes only (no inline styles: the CSP
 * forbids them). The picture is one image to assistive technology, named and described; the
 * table equivalent beside it carries every value.
 */
export function GoalChart({ goals }: { goals: readonly GoalRecord[] }) {
  const layout = layoutGoalChart(goals);
  const ended = layout.series.filter((s) => s.end);
  return (
    <figure className="goal-chart-figure">
      <svg
        className="goal-chart"
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-labelledby="goal-chart-title"
        aria-describedby="goal-chart-desc"
        focusable="false"
      >
        <title id="goal-chart-title">Chart of GBO ratings over time</title>
        <desc id="goal-chart-desc">{description(goals)}</desc>
        <g className="goal-chart__grid">
          {layout.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={CHART.left} y1={t.y} x2={CHART.right} y2={t.y} />
              <text className="goal-chart__tick" x={CHART.left - 8} y={t.y + 4} textAnchor="end">
                {t.value}
              </text>
            </g>
          ))}
        </g>
        <line className="goal-chart__axis" x1={CHART.left} y1={CHART.top} x2={CHART.left} y2={CHART.bottom} />
        <line className="goal-chart__axis" x1={CHART.left} y1={CHART.bottom} x2={CHART.right} y2={CHART.bottom} />
        {layout.xTicks.map((t) => (
          <g key={t.label}>
            <line className="goal-chart__axis" x1={t.x} y1={CHART.bottom} x2={t.x} y2={CHART.bottom + 5} />
            <text className="goal-chart__tick" x={t.x} y={CHART.bottom + 20} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <text className="goal-chart__axis-title" x={16} y={(CHART.top + CHART.bottom) / 2} textAnchor="middle" transform={`rotate(-90 16 ${(CHART.top + CHART.bottom) / 2})`}>
          Rating (0 to 10)
        </text>
        <text className="goal-chart__axis-title" x={(CHART.left + CHART.right) / 2} y={CHART.height - 8} textAnchor="middle">
          Date of rating
        </text>
        {layout.thresholds.map((t, i) => (
          <g className={`goal-chart__series--${t.styleIndex}`} key={i}>
            <line className="goal-chart__threshold" x1={CHART.left} y1={t.y} x2={CHART.right} y2={t.y} />
            <text className="goal-chart__threshold-label" x={CHART.right + 8} y={t.labelY}>
              {t.label}
            </text>
          </g>
        ))}
        {layout.series.map((s) => (
          <Series key={s.goal.id} s={s} />
        ))}
      </svg>
      <figcaption>
        <ul className="goal-chart-legend">
          {layout.series.map((s) => (
            <li className="goal-chart-legend__item" key={s.goal.id}>
              <SeriesSwatch styleIndex={s.styleIndex} ended={!!s.end} />
              <span>
                {goalName(s.goal)}
                {s.end ? ` (${goalEndPhrase(s.end)})` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p className="hint">
          Dotted lines mark {GBO_RELIABLE_CHANGE} points above and below the first rating of each goal still being worked on
          {ended.length > 0 ? '; dashed lines ending in a cross are goals that were dropped or reworded' : ''}.
        </p>
      </figcaption>
    </figure>
  );
}
