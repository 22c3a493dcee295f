/** A caseload as a plain-text table with each flag's reason underneath: for the CLI and terminals. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_SHORT_LABELS } from '../../../shared/domain/groupings';
import type { Caseload, CaseloadRow } from '../../../shared/ipc/types';

const COLUMNS: ReadonlyArray<{ title: string; cell: (row: CaseloadRow) => string }> = [
  { title: 'Name', cell: (r) => r.name },
  { title: 'Case ref', cell: (r) => r.caseRef },
  { title: 'Grouping', cell: (r) => (r.grouping ? GROUPING_SHORT_LABELS[r.grouping] : 'Not recorded') },
  { title: 'Weeks open', cell: (r) => String(r.weeksOpen) },
  {
    title: 'Next review',
    cell: (r) => (r.nextReviewDate ? `${formatUkDate(r.nextReviewDate)}${r.reviewBadge ? ` (${r.reviewBadge === 'overdue' ? 'overdue' : 'due soon'})` : ''}` : '-'),
  },
  { title: 'Target date', cell: (r) => (r.targetDate ? formatUkDate(r.targetDate) : '-') },
  { title: 'Goals', cell: (r) => r.goalScores.map((g) => `${g.first}->${g.latest}`).join(' ') || '-' },
  { title: 'Flags', cell: (r) => r.flags.map((f) => f.label).join(', ') || '-' },
];

export function caseloadAsText(caseload: Caseload): string {
  const { clinician, rows } = caseload;
  const lines = [
    `Caseload of ${clinician.name} (${clinician.teamName}) on ${formatUkDate(caseload.today)}: ${rows.length} open case${rows.length === 1 ? '' : 's'}`,
    '',
  ];
  if (rows.length === 0) return `${lines[0]}\n`;
  const table = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)));
  for (const cells of table) lines.push(cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());

  const flagged = rows.filter((r) => r.flags.length > 0);
  if (flagged.length > 0) {
    lines.push('', 'Why each case is flagged:');
    for (const r of flagged) {
      lines.push(`  ${r.name} (${r.caseRef})`);
      for (const f of r.flags) lines.push(`    ${f.label}: ${f.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
