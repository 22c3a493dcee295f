/**
 * Geometry of the goals chart: where each rating, axis tick, threshold line and label goes, in SVG
 * user units. Kept apart from the component so the arithmetic (and the label spacing that keeps
 * numbers readable) is plain data.
 */
import { daysBetween, formatUkDate, type IsoDate } from '../../../shared/dates';
import { GBO_MAX, GBO_MIN, GBO_RELIABLE_CHANGE, goalProgress } from '../../../shared/domain/gbo';
import type { GoalRecord } from '../../../shared/ipc/types';
import { goalEnd, ratingsInOrder, type GoalEnd } from './goal-labels';

export const CHART = { width: 760, height: 340, left: 56, right: 628, top: 20, bottom: 280 } as const;
/** Space kept clear inside the plot so the first and last points are not on the axes. */
const INSET = 20;
const LABEL_GAP = 13;

export interface ChartPoint {
  x: number;
  y: number;
  score: number;
  date: IsoDate;
  labelX: number;
  labelY: number;
}

export interface ChartSeries {
  goal: GoalRecord;
  /** Which of the chart's four styles (colour, marker shape) it is drawn in: see chartStyles. */
  styleIndex: number;
  end: GoalEnd | null;
  points: ChartPoint[];
}

export interface ThresholdLine {
  styleIndex: number;
  y: number;
  label: string;
  labelY: number;
}

export interface ChartLayout {
  yTicks: Array<{ value: number; y: number }>;
  xTicks: Array<{ x: number; label: string }>;
  series: ChartSeries[];
  thresholds: ThresholdLine[];
}

export const yOf = (score: number): number => CHART.bottom - ((score - GBO_MIN) / (GBO_MAX - GBO_MIN)) * (CHART.bottom - CHART.top);

/** Moves labels (sorted top to bottom) apart so none overlaps the one above, staying inside [min, max]. */
export function spreadLabels(ys: readonly number[], min: number, max: number, gap = LABEL_GAP): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k]!, k === 0 ? min : placed[k - 1]! + gap);
  for (let k = placed.length - 1; k >= 0; k--) placed[k] = Math.min(placed[k]!, k === placed.length - 1 ? max : placed[k + 1]! - gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

function dateScale(dates: readonly IsoDate[]): (date: IsoDate) => number {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || first === last) return () => (CHART.left + CHART.right) / 2;
  const span = daysBetween(first, last);
  const width = CHART.right - CHART.left - 2 * INSET;
  return (date) => CHART.left + INSET + (daysBetween(first, date) / span) * width;
}

/** Date ticks at rating dates, skipping any that would crowd the one before. */
function xTicks(dates: readonly IsoDate[], x: (d: IsoDate) => number): ChartLayout['xTicks'] {
  const ticks: ChartLayout['xTicks'] = [];
  let lastX = -Infinity;
  for (const date of [...new Set(dates)].sort()) {
    const at = x(date);
    if (at - lastX < 84) continue;
    ticks.push({ x: at, label: formatUkDate(date) });
    lastX = at;
  }
  return ticks;
}

/**
 * Colours and marker shapes: goals in force take the first three styles in goal order; a reworded
 * goal keeps the style of the wording that replaced it (it is the same aim, reworded), and dropped
 * goals share the fourth, drawn dashed and hollow so they read as history.
 */
export function chartStyles(goals: readonly GoalRecord[]): (goal: GoalRecord) => number {
  const inForce = goals.filter((g) => !goalEnd(g, goals)).sort((a, b) => a.position - b.position);
  const DROPPED = 3;
  return (goal) => {
    let current = goal;
    for (let hops = 0; hops < goals.length; hops++) {
      const end = goalEnd(current, goals);
      if (!end) return inForce.indexOf(current) % DROPPED;
      if (end.kind !== 'reworded') return DROPPED;
      current = end.by;
    }
    return DROPPED;
  };
}

export function layoutGoalChart(goals: readonly GoalRecord[]): ChartLayout {
  const rated = goals.filter((g) => g.ratings.length > 0);
  const dates = rated.flatMap((g) => g.ratings.map((r) => r.ratedOn));
  const x = dateScale(dates);

  const styleOf = chartStyles(goals);
  const series: ChartSeries[] = rated.map((goal) => ({
    goal,
    styleIndex: styleOf(goal),
    end: goalEnd(goal, goals),
    points: ratingsInOrder(goal).map((r) => ({ x: x(r.ratedOn), y: yOf(r.score), score: r.score, date: r.ratedOn, labelX: x(r.ratedOn), labelY: 0 })),
  }));

  // Value labels sit just above their point; points of different goals on the same day share a
  // column, so their labels are spread apart vertically.
  const byX = new Map<number, ChartPoint[]>();
  for (const p of series.flatMap((s) => s.points)) byX.set(p.x, [...(byX.get(p.x) ?? []), p]);
  for (const column of byX.values()) {
    const ys = spreadLabels(
      column.map((p) => p.y - 9),
      CHART.top - 6,
      CHART.bottom + 18,
    );
    column.forEach((p, i) => {
      p.labelY = ys[i]!;
      // A label pushed onto its own point moves beside it instead.
      if (Math.abs(p.labelY - p.y) < 6) p.labelX = p.x + 12;
    });
  }

  // Threshold lines: 3 points either side of each goal-in-force's first rating (the NHS England CYP
  // outcome metric's meaningful change), for goals still being worked on.
  const raw: Array<Omit<ThresholdLine, 'labelY'>> = [];
  for (const s of series) {
    const progress = s.end ? null : goalProgress(s.goal.ratings);
    if (!progress) continue;
    const up = progress.first + GBO_RELIABLE_CHANGE;
    const down = progress.first - GBO_RELIABLE_CHANGE;
    if (up <= GBO_MAX) raw.push({ styleIndex: s.styleIndex, y: yOf(up), label: `Goal ${s.goal.position} +${GBO_RELIABLE_CHANGE}` });
    if (down >= GBO_MIN) raw.push({ styleIndex: s.styleIndex, y: yOf(down), label: `Goal ${s.goal.position} −${GBO_RELIABLE_CHANGE}` });
  }
  const labelYs = spreadLabels(
    raw.map((t) => t.y + 4),
    CHART.top + 4,
    CHART.bottom + 4,
  );
  const thresholds = raw.map((t, i) => ({ ...t, labelY: labelYs[i]! }));

  const yTicks = [0, 2, 4, 6, 8, 10].map((value) => ({ value, y: yOf(value) }));
  return { yTicks, xTicks: xTicks(dates, x), series, thresholds };
}
