// The last table `npm run bench` prints: every performance figure of docs/quality.md#performance, from bench-results.json,
// where each bench stores its lines under "summary" ({figure, value, target, status}). Figures from a
// bench that did not run this time are printed with the date they were measured.
import { existsSync, readFileSync } from 'node:fs';

export function printSummary(resultsFile, startedAt) {
  if (!existsSync(resultsFile)) return;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const rows = [];
  for (const figure of Object.values(results)) {
    if (!Array.isArray(figure.summary)) continue;
    const fresh = Date.parse(figure.measuredAt ?? '') >= startedAt;
    const when = fresh ? '' : ` (measured ${String(figure.measuredAt ?? 'earlier').slice(0, 10)})`;
    for (const line of figure.summary) rows.push([`${line.figure}${when}`, line.value, line.target, line.status]);
  }
  if (rows.length === 0) return;
  const header = ['figure (docs/quality.md#performance)', 'median (min–max)', 'target', ''];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n== Summary (bench-results.json)\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}
