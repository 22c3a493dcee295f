/**
 * The fake API's caseload import (import:template, import:preview, import:commit), checking a CSV the
 * way main does so the import screen meets real answers: bytes decoded as strict UTF-8, the header
 * matched with suggestMapping (the user's mapping on top), required columns missing, and each row
 * checked and reported by its line in the file (the header is line 1): missing values, impossible
 * dates, bad NHS numbers, references repeated in the file. Rows already in the app (same case
 * reference, then NHS number) are skipped; the import is all or nothing.
 */
import { parseUkDate } from '../../shared/dates';
import { IMPORT_COLUMNS, suggestMapping } from '../../shared/domain/import-template';
import { checkNhsNumber, normaliseNhsNumber } from '../../shared/domain/nhs-number';
import type { ImportFileInput } from '../../shared/ipc/schemas/import';
import type { ImportPreview, ImportResult, ImportRowProblem } from '../../shared/ipc/import-types';
import { AppError } from '../../shared/ipc/result';
import type { ExportFile } from '../../shared/ipc/types';
import { seedCase } from './fake-seed';
import type { FakeState } from './fake-state';

export const FAKE_NOT_UTF8_MESSAGE = 'This file is not UTF-8 text. In your spreadsheet, save it as "CSV UTF-8" and choose it again.';
export const FAKE_EMPTY_FILE_MESSAGE = 'This file is empty. Choose the caseload CSV file.';
export const FAKE_NOT_IMPORTABLE_MESSAGE = 'The file has problems, so nothing has been imported. Check it again and fix what it lists.';

interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 with quoted cells that may hold commas, quotes and line breaks; each record with its first line. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

const headerOf = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;

export function previewImport(s: FakeState, a: ImportFileInput): ImportPreview {
  const empty: ImportPreview = {
    fileName: a.fileName,
    headers: [],
    mapping: {},
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
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(a.contentBase64)).replace(/^\uFEFF/, '');
  } catch {
    return { ...empty, fileError: FAKE_NOT_UTF8_MESSAGE };
  }
  const records = parseCsv(text);
  const header = records[0];
  if (!header) return { ...empty, fileError: FAKE_EMPTY_FILE_MESSAGE };
  const headers = header.cells.map((h) => h.trim());
  const mapping = suggestMapping(headers);
  for (const [key, chosen] of Object.entries(a.mapping ?? {})) {
    // A header the file does not have (a stale choice) counts as "not in this file".
    mapping[key] = typeof chosen === 'string' && headers.includes(chosen) ? chosen : null;
  }
  const used = new Set(Object.values(mapping).filter((h): h is string => h !== null));
  const rows = records.slice(1);
  const preview: ImportPreview = {
    ...empty,
    headers,
    mapping,
    missingColumns: IMPORT_COLUMNS.filter((c) => c.required && mapping[c.key] === null).map((c) => ({ key: c.key, header: c.header })),
    ignoredHeaders: headers.filter((h) => !used.has(h)),
    rowsRead: rows.length,
  };
  if (preview.missingColumns.length > 0) return preview;

  const team = s.clinicians.filter((c) => c.teamId === s.me().teamId);
  const existing = [...s.cases.values()];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const get = (key: string) => {
      const h = mapping[key];
      return h ? (row.cells[headers.indexOf(h)] ?? '').trim() : '';
    };
    const reasons: string[] = [];
    const required = (key: string) => {
      const value = get(key);
      if (value === '') reasons.push(`${headerOf(key)}: missing`);
      return value;
    };
    const date = (key: string) => {
      const value = required(key);
      if (value === '') return null;
      const iso = parseUkDate(value);
      if (!iso) reasons.push(`${headerOf(key)}: ${value} is not a real date (use dd/mm/yyyy)`);
      return iso;
    };
    const caseRef = required('caseRef');
    const name = required('name');
    if (/^[=+\-@]/.test(name)) reasons.push(`Name: starts with "${name[0]}", which a spreadsheet would run as a formula`);
    date('dateOfBirth');
    const referral = date('referralDate');
    const openDate = date('openDate');
    if (referral && openDate && openDate < referral) reasons.push('Open date: before the referral date');
    const lead = required('leadClinician');
    const nhsText = get('nhsNumber');
    const nhs = nhsText ? checkNhsNumber(nhsText) : null;
    if (nhs && !nhs.ok) reasons.push(`NHS number: ${nhs.message}`);
    const seenOn = caseRef ? firstLineOf.get(caseRef.toLowerCase()) : undefined;
    if (seenOn !== undefined) reasons.push(`Case ref: ${caseRef} is also on line ${seenOn}`);
    else if (caseRef) firstLineOf.set(caseRef.toLowerCase(), row.line);

    if (reasons.length > 0) {
      const problem: ImportRowProblem = { line: row.line, caseRef: caseRef || null, reasons };
      preview.badRows.push(problem);
      continue;
    }
    const byRef = existing.find((c) => c.summary.caseRef.toLowerCase() === caseRef.toLowerCase());
    const byNhs = nhs?.ok ? existing.find((c) => c.summary.nhsNumber === nhs.value) : undefined;
    const match = byRef ?? byNhs;
    if (match) {
      preview.alreadyPresent.push({ line: row.line, caseRef, name, matchedBy: byRef ? 'case_ref' : 'nhs_number', existingCaseRef: match.summary.caseRef });
      continue;
    }
    preview.toCreate.push({ line: row.line, caseRef, name, openDate: openDate!, leadClinician: lead, goals: 0, plan: false });
    const known = team.some((c) => c.name.toLowerCase() === lead.toLowerCase());
    if (!known && !preview.newClinicians.some((n) => n.toLowerCase() === lead.toLowerCase())) preview.newClinicians.push(lead);
  }
  preview.canImport = preview.toCreate.length > 0 && preview.badRows.length === 0;
  return preview;
}

/** All or nothing: anything the preview would report stops the import before a single case is written. */
export function commitImport(s: FakeState, a: ImportFileInput): ImportResult {
  const preview = previewImport(s, a);
  if (preview.fileError) throw new AppError('validation', preview.fileError, [{ path: 'contentBase64', message: preview.fileError }]);
  if (!preview.canImport) throw new AppError('conflict', FAKE_NOT_IMPORTABLE_MESSAGE);
  const me = s.me();
  let cliniciansAdded = 0;
  const caseIds = preview.toCreate.map((row) => {
    const record = bytesRow(a, preview, row.line);
    let lead = s.clinicians.find((c) => c.teamId === me.teamId && c.name.toLowerCase() === row.leadClinician.toLowerCase());
    if (!lead) {
      lead = s.addClinician(row.leadClinician, 'clinician', me.teamId);
      cliniciansAdded += 1;
    }
    const nhs = record('nhsNumber');
    return seedCase(s, {
      name: row.name,
      caseRef: row.caseRef,
      dateOfBirth: parseUkDate(record('dateOfBirth'))!,
      nhsNumber: nhs ? normaliseNhsNumber(nhs) : null,
      referralDate: parseUkDate(record('referralDate'))!,
      openDate: row.openDate,
      leadClinicianId: lead.id,
    });
  });
  return { created: caseIds.length, skipped: preview.alreadyPresent.length, cliniciansAdded, caseIds };
}

/** One row's value by template column, read again from the file for the commit. */
function bytesRow(a: ImportFileInput, preview: ImportPreview, line: number): (key: string) => string {
  const text = new TextDecoder().decode(bytesOf(a.contentBase64)).replace(/^\uFEFF/, '');
  const row = parseCsv(text).find((r) => r.line === line)!;
  return (key) => {
    const h = preview.mapping[key];
    return h ? (row.cells[preview.headers.indexOf(h)] ?? '').trim() : '';
  };
}

/** The template: the header row the app writes, ready to fill in. */
export function importTemplate(): ExportFile {
  return {
    fileName: 'thrive-import-template.csv',
    mimeType: 'text/csv;charset=utf-8',
    encoding: 'utf8',
    content: `\uFEFF${IMPORT_COLUMNS.map((c) => c.header).join(',')}\r\n`,
  };
}
