import { classifyGboChange, GBO_MAX } from '../../../shared/domain/gbo';

const HEIGHT = 14;
const y = (score: number) => HEIGHT - 2 - (score / GBO_MAX) * (HEIGHT - 4);

/**
 * Goal movement at a glance: a short line from the first to the latest rating of each goal, with
 * the numbers beside it ("3→5"). The chart is an image named by its title ("Goal 1: first rating 3,
 * latest 5."), which screen readers read and a pointer shows on hover. Not visually hidden text: that
 * is an absolutely positioned, clipped box per goal, and a caseload page holds hundreds of goals,
 * each such box costing the browser a layer to lay out and paint. Drawn with SVG attributes, not
 * inline styles, so the page's CSP needs no 'unsafe-inline'.
 */
export function GoalSparklines({ scores }: { scores: ReadonlyArray<{ first: number; latest: number }> }) {
  if (scores.length === 0) return <span className="muted">No goals</span>;
  return (
    <ul className="sparklines">
      {scores.map((s, i) => (
        <li className={`sparkline sparkline--${classifyGboChange(s.first, s.latest)}`} key={i}>
          <svg className="sparkline__chart" width="24" height={HEIGHT} viewBox={`0 0 24 ${HEIGHT}`} role="img" focusable="false">
            {/* One text node (a template string): JSX interpolation makes one per piece. */}
            <title>{`Goal ${i + 1}: first rating ${s.first}, latest ${s.latest}.`}</title>
            <line x1="2" y1={y(s.first)} x2="22" y2={y(s.latest)} />
            <circle cx="22" cy={y(s.latest)} r="2" />
          </svg>
          <span aria-hidden="true">{`${s.first}→${s.latest}`}</span>
        </li>
      ))}
    </ul>
  );
}
