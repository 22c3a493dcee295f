/** The team view as CSV (docs/team-view.md): one row per open case, in the urgency order and rank shown on screen. */
import { formatUkDate, type IsoDate } from '../../shared/dates';
import { GROUPING_LABELS } from '../../shared/domain/groupings';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import type { ExportFile, TeamCaseRow } from '../../shared/ipc/types';
import { toCsv, type CsvValue } from './csv';
import { teamCsvFileName } from './file-names';

export const TEAM_CSV_HEADER = [
  'Rank',
  'Case ref',
  'Name',
  'NHS number',
  'Date of birth',
  'Clinician',
  'Grouping',
  'Open date',
  'Weeks open',
  'Next review',
  'Target date',
  'Flags',
  'Flag reasons',
  'Goals (first → latest)',
] as const;

export interface TeamCsvInput {
  teamName: string;
  /** Set when the view was drilled down to one clinician. */
  clinicianName: string | null;
  today: IsoDate;
  /** Already in urgency order, ranked. */
  rows: readonly TeamCaseRow[];
}

function cells(r: TeamCaseRow): CsvValue[] {
  return [
    r.rank,
    r.caseRef,
    r.name,
    r.nhsNumber ? formatNhsNumber(r.nhsNumber) : '',
    formatUkDate(r.dateOfBirth),
    r.leadClinicianName,
    r.grouping ? GROUPING_LABELS[r.grouping] : 'Not recorded',
    formatUkDate(r.openDate),
    r.weeksOpen,
    formatUkDate(r.nextReviewDate),
    formatUkDate(r.targetDate),
    r.flags.map((f) => f.label).join('; '),
    // Reasons hold semicolons of their own, so each goes on its own line within the cell.
    r.flags.map((f) => `${f.label}: ${f.reason}`).join('\n'),
    r.goalScores.map((g) => `${g.first} → ${g.latest}`).join('; '),
  ];
}

export function buildTeamCsv(input: TeamCsvInput): ExportFile {
  return {
    fileName: teamCsvFileName(input.teamName, input.clinicianName, input.today),
    mimeType: 'text/csv;charset=utf-8',
    encoding: 'utf8',
    content: toCsv(TEAM_CSV_HEADER, input.rows.map(cells)),
  };
}
