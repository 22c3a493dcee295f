/** Results of the import channels (docs/exports.md, "Import"). JSON-safe. */
import type { IsoDate } from '../dates';

export interface ImportRowProblem {
  /** Line in the file, counting the header as line 1 (what a spreadsheet shows as the row number). */
  line: number;
  caseRef: string | null;
  /** Each reason names the column: "Date of birth: 31/02/2012 is not a real date". */
  reasons: string[];
}

export interface ImportCaseToCreate {
  line: number;
  caseRef: string;
  name: string;
  openDate: IsoDate;
  leadClinician: string;
  /** Goals on the row (0 when the row has no plan). */
  goals: number;
  plan: boolean;
}

export interface ImportAlreadyPresent {
  line: number;
  caseRef: string;
  name: string;
  /** How the row was matched to a case already in the app (case reference first, then NHS number). */
  matchedBy: 'case_ref' | 'nhs_number';
  existingCaseRef: string;
}

export interface ImportPreview {
  fileName: string;
  /** Headers in the file, in order. */
  headers: string[];
  /** Template column key → file header used (null: not in the file). */
  mapping: Record<string, string | null>;
  /** Required template columns with no file column: the mapping step must fix these first. */
  missingColumns: Array<{ key: string; header: string }>;
  /** File headers no template column reads (shown so nothing is dropped unnoticed). */
  ignoredHeaders: string[];
  /** A problem with the whole file (encoding, empty, too large, no header): nothing else applies. */
  fileError: string | null;
  /** Data rows read (lines after the header, blank lines not counted). */
  rowsRead: number;
  toCreate: ImportCaseToCreate[];
  alreadyPresent: ImportAlreadyPresent[];
  /** Lead clinicians named in the file who are not in your team yet: they will be added to it. */
  newClinicians: string[];
  badRows: ImportRowProblem[];
  /** True only when there is something to create and no file error, missing column or bad row. */
  canImport: boolean;
}

export interface ImportResult {
  created: number;
  /** Rows matching cases already in the app: left as they are. */
  skipped: number;
  cliniciansAdded: number;
  caseIds: string[];
}

export interface SummaryText {
  /** e.g. "THRIVE plan summary" */
  title: string;
  /** Plain text: headings, dd/mm/yyyy dates, no markup; lines end with \n. */
  text: string;
}
