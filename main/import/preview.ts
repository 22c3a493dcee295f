/**
 * The import preview, pure: file bytes + what the app already holds → what would be created, what is
 * already present, and every problem. import:preview shows it; import:commit runs it again inside its
 * write transaction and writes only when it is clean, so what was previewed is what gets written (or
 * nothing). Lookups are maps built once (one query each), never a query per row: 10,000 rows stay fast.
 */
import type { IsoDate } from '../../shared/dates';
import { IMPORT_COLUMNS, normaliseHeader, REQUIRED_IMPORT_COLUMNS, suggestMapping } from '../../shared/domain/import-template';
import { formatNhsNumber, normaliseNhsNumber } from '../../shared/domain/nhs-number';
import type { Settings } from '../../shared/domain/settings';
import type { ImportAlreadyPresent, ImportPreview, ImportRowProblem } from '../../shared/ipc/import-types';
import { decodeBase64, decodeCsvBytes } from './decode';
import { isBlankRecord, parseCsv, type CsvRecord } from './parse-csv';
import { readImportRow, type ImportRowValue } from './row';

/** What the database already holds that the preview compares rows with. Keys are lower case. */
export interface KnownRecords {
  /** Case reference (lower case) → the reference as stored. */
  caseRefs: ReadonlyMap<string, string>;
  /** NHS number (10 digits) → the case reference of that young person's latest case. */
  nhsNumbers: ReadonlyMap<string, string>;
  /** Clinician name (trimmed, lower case) in the profile's team → id. */
  teamClinicians: ReadonlyMap<string, string>;
}

export interface PreviewInput {
  fileName: string;
  contentBase64: string;
  /** Template key → file header chosen in the mapping step (null: not in this file); missing keys are matched automatically. */
  mapping?: Partial<Record<string, string | null>> | undefined;
  today: IsoDate;
  settings: Settings;
  known: KnownRecords;
}

export interface PreviewOutcome {
  preview: ImportPreview;
  /** The rows to create, in file order (only meaningful when preview.canImport). */
  rows: ImportRowValue[];
}

export function nameKey(name: string): string {
  // NFC: a clinician stored before names were normalised may be spelt decomposed (shared/text.ts).
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

function emptyPreview(fileName: string): ImportPreview {
  return {
    fileName,
    headers: [],
    mapping: Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, null])),
    missingColumns: [],
    ignoredHeaders: [],
    fileError: null,
    rowsRead: 0,
    toCreate: [],
    alreadyPresent: [],
    newClinicians: [],
    badRows: [],
    canImport: false,
  };
}

function fileError(fileName: string, error: string): PreviewOutcome {
  return { preview: { ...emptyPreview(fileName), fileError: error }, rows: [] };
}

/** The automatic match, overridden by the user's choices; a choice naming no header of the file counts as none. */
function resolveMapping(headers: readonly string[], chosen: PreviewInput['mapping']): Record<string, string | null> {
  const mapping = suggestMapping(headers);
  for (const [key, header] of Object.entries(chosen ?? {})) {
    if (header === undefined || !(key in mapping)) continue;
    mapping[key] = header !== null && headers.includes(header) ? header : null;
  }
  return mapping;
}

function lineList(lines: readonly number[]): string {
  return lines.length === 2 ? `lines ${lines[0]} and ${lines[1]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** Marks every line sharing a value (case reference, NHS number) with the other lines that hold it. */
function reportDuplicates(
  values: ReadonlyArray<{ line: number; key: string; shown: string }>,
  problem: (line: number) => ImportRowProblem,
  what: string,
): void {
  const byKey = new Map<string, number[]>();
  for (const v of values) {
    if (v.key === '') continue;
    const lines = byKey.get(v.key) ?? [];
    lines.push(v.line);
    byKey.set(v.key, lines);
  }
  for (const v of values) {
    const lines = byKey.get(v.key);
    if (!lines || lines.length < 2) continue;
    problem(v.line).reasons.push(`${what}: ${v.shown} appears more than once in the file (${lineList(lines)}); each case must be on one row`);
  }
}

/** The file's header and its non-blank records, or why the file cannot be read at all. */
function readFile(input: PreviewInput): { ok: true; headers: string[]; records: CsvRecord[] } | { ok: false; error: string } {
  const bytes = decodeBase64(input.contentBase64);
  if (!bytes.ok) return bytes;
  const decoded = decodeCsvBytes(bytes.bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return parsed;
  const [headerRecord, ...rest] = parsed.records;
  if (!headerRecord || isBlankRecord(headerRecord)) {
    return { ok: false, error: 'The first line of the file must be the header row (Case ref, Name, Date of birth, …). Download the template to see it.' };
  }
  return { ok: true, headers: headerRecord.cells.map((h) => h.trim()), records: rest.filter((r) => !isBlankRecord(r)) };
}

/** Where each template column is in the file: its key → the index of the mapped header, or -1. */
function columnIndexes(headers: readonly string[], mapping: Record<string, string | null>): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  return new Map(IMPORT_COLUMNS.map((c) => [c.key, mapping[c.key] === null ? -1 : (index.get(mapping[c.key]!) ?? -1)]));
}

interface CheckedRows {
  /** Rows that read cleanly, in file order (a duplicate among them still has a problem). */
  valid: ImportRowValue[];
  /** Line → what is wrong with it. */
  problems: Map<number, ImportRowProblem>;
}

/** Every row read and checked on its own, then case references and NHS numbers that appear twice. */
function checkRows(records: readonly CsvRecord[], headers: readonly string[], mapping: Record<string, string | null>, input: PreviewInput): CheckedRows {
  const columnIndex = columnIndexes(headers, mapping);
  const used = new Set(Object.values(mapping));
  // The cases CSV export also lists closed episodes when asked; the import creates open cases only, so a
  // row the file itself marks closed is refused rather than brought back to life as an open case.
  const statusIndex = headers.findIndex((h) => normaliseHeader(h) === 'status');
  const problems = new Map<number, ImportRowProblem>();
  const rawRef = new Map<number, string>();
  const problem = (line: number): ImportRowProblem => {
    let p = problems.get(line);
    if (!p) {
      p = { line, caseRef: rawRef.get(line) || null, reasons: [] };
      problems.set(line, p);
    }
    return p;
  };
  const valid: ImportRowValue[] = [];
  const refs: Array<{ line: number; key: string; shown: string }> = [];
  const nhs: Array<{ line: number; key: string; shown: string }> = [];
  for (const record of records) {
    const cell = (key: string): string => {
      const i = columnIndex.get(key) ?? -1;
      return i < 0 ? '' : (record.cells[i] ?? '');
    };
    const ref = cell('caseRef').trim();
    rawRef.set(record.line, ref);
    refs.push({ line: record.line, key: ref.toLowerCase(), shown: ref });
    const number = normaliseNhsNumber(cell('nhsNumber'));
    nhs.push({ line: record.line, key: /^\d{10}$/.test(number) ? number : '', shown: formatNhsNumber(number) });
    const result = readImportRow(record.line, cell, { today: input.today, settings: input.settings });
    const closed = statusIndex >= 0 && !used.has(headers[statusIndex]!) && normaliseHeader(record.cells[statusIndex] ?? '') === 'closed';
    if (result.ok && !closed) valid.push(result.value);
    else {
      const p = problem(record.line);
      if (!result.ok) p.reasons.push(...result.reasons);
      if (closed) p.reasons.push(`${headers[statusIndex]}: this case is closed, and the import brings in open cases only; remove the row (or export open cases only)`);
    }
  }
  reportDuplicates(refs, problem, 'Case ref');
  reportDuplicates(nhs, problem, 'NHS number');
  return { valid, problems };
}

/** Clean rows split into those to create and those already in the app (by case reference, then NHS number). */
function splitKnown(checked: CheckedRows, known: KnownRecords): { rows: ImportRowValue[]; alreadyPresent: ImportAlreadyPresent[] } {
  const rows: ImportRowValue[] = [];
  const alreadyPresent: ImportAlreadyPresent[] = [];
  for (const v of checked.valid) {
    if (checked.problems.has(v.line)) continue;
    const byRef = known.caseRefs.get(v.caseRef.toLowerCase());
    const byNhs = v.nhsNumber ? known.nhsNumbers.get(v.nhsNumber) : undefined;
    if (byRef !== undefined) alreadyPresent.push({ line: v.line, caseRef: v.caseRef, name: v.name, matchedBy: 'case_ref', existingCaseRef: byRef });
    else if (byNhs !== undefined) alreadyPresent.push({ line: v.line, caseRef: v.caseRef, name: v.name, matchedBy: 'nhs_number', existingCaseRef: byNhs });
    else rows.push(v);
  }
  return { rows, alreadyPresent };
}

/** Lead clinicians named in the rows who are not in the team yet, each once, as first spelt. */
function newCliniciansIn(rows: readonly ImportRowValue[], known: KnownRecords): string[] {
  const newClinicians = new Map<string, string>();
  for (const v of rows) {
    const key = nameKey(v.leadClinician);
    if (!known.teamClinicians.has(key) && !newClinicians.has(key)) newClinicians.set(key, v.leadClinician.trim().replace(/\s+/g, ' '));
  }
  return [...newClinicians.values()];
}

export function buildImportPreview(input: PreviewInput): PreviewOutcome {
  const { fileName } = input;
  const file = readFile(input);
  if (!file.ok) return fileError(fileName, file.error);
  const { headers, records } = file;
  const mapping = resolveMapping(headers, input.mapping);
  const used = new Set(Object.values(mapping).filter((h): h is string => h !== null));
  const missingColumns = REQUIRED_IMPORT_COLUMNS.filter((c) => mapping[c.key] === null).map((c) => ({ key: c.key, header: c.header }));
  const base: ImportPreview = {
    ...emptyPreview(fileName),
    headers,
    mapping,
    missingColumns,
    ignoredHeaders: headers.filter((h) => h !== '' && !used.has(h)),
    rowsRead: records.length,
  };
  if (missingColumns.length > 0) return { preview: base, rows: [] };
  if (records.length === 0) return fileError(fileName, 'The file has a header row but no cases under it.');

  const checked = checkRows(records, headers, mapping, input);
  const { rows, alreadyPresent } = splitKnown(checked, input.known);
  const badRows = [...checked.problems.values()].sort((a, b) => a.line - b.line);
  const preview: ImportPreview = {
    ...base,
    toCreate: rows.map((v) => ({
      line: v.line,
      caseRef: v.caseRef,
      name: v.name,
      openDate: v.openDate,
      leadClinician: v.leadClinician,
      goals: v.plan?.goals.length ?? 0,
      plan: v.plan !== null,
    })),
    alreadyPresent,
    newClinicians: newCliniciansIn(rows, input.known),
    badRows,
    canImport: badRows.length === 0 && rows.length > 0,
  };
  return { preview, rows: badRows.length === 0 ? rows : [] };
}
