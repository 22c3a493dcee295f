/**
 * The team view's exports as a reader opens them: the CSV parsed and checked row by row against
 * team:cases of the same scope, and the supervision pack's text without its page furniture.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import type { TeamCases } from '../../../shared/ipc/types';
import { TEAM_CSV_HEADER } from '../../../main/export/team-csv';
import { captureDownload, parseCsv, readText } from './downloads';
import { pressButton } from './keyboard';

/** Whitespace collapsed, for text that wraps differently on screen, in a PDF and in the services. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The CSV's columns, in order: main's own list (main/export/team-csv.ts), so the page's file is checked against it. */
export const CSV_HEADER: readonly string[] = TEAM_CSV_HEADER;
const UK_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** The file-name slug the brief describes: lower case, [a-z0-9-] only. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** pdftotext output without the lines every page repeats (marking, page numbers). */
export function stripPageFurniture(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(OFFICIAL-SENSITIVE: PERSONAL|Page \d+ of \d+)\s*$/.test(line))
    .join('\n');
}

/** A cell as the brief says the CSV writes it: a leading = + - @ tab or CR neutralised with a quote. */
export function csvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * "Download CSV": the file name, the header, one row per open case of `scope` in its order, each
 * row's cells as team:cases says (dates dd/mm/yyyy, NHS number 3-3-4), no formula-like cell. Returns
 * the data rows.
 */
export async function checkCsvDownload(page: Page, scope: TeamCases, teamSlug: string, today: IsoDate): Promise<string[][]> {
  const saved = await captureDownload(page, '"Download CSV"', () =>
    pressButton(page, page.locator('main').getByRole('button', { name: 'Download CSV', exact: true }), '"Download CSV"'),
  );
  expect(saved.fileName).toMatch(new RegExp(`^thrive-team-${teamSlug}(-[a-z0-9-]+)?-${today}\\.csv$`));
  const [header, ...rows] = parseCsv(readText(saved.file)).filter((r) => r.some((cell) => cell !== ''));
  expect(header).toEqual(CSV_HEADER);
  expect(rows.length, `one CSV row per open case of ${scope.clinician?.name ?? 'the team'}`).toBe(scope.rows.length);
  const col = (name: string): number => CSV_HEADER.indexOf(name);
  expect(rows.map((r) => r[col('Case ref')])).toEqual(scope.rows.map((r) => r.caseRef));
  rows.forEach((cells, i) => {
    const want = scope.rows[i]!;
    expect(cells.length).toBe(CSV_HEADER.length);
    expect(cells[col('Rank')]).toBe(String(want.rank));
    expect(cells[col('Name')]).toBe(csvCell(want.name));
    expect(cells[col('Clinician')]).toBe(csvCell(want.leadClinicianName));
    expect(cells[col('NHS number')]).toBe(want.nhsNumber ? formatNhsNumber(want.nhsNumber) : '');
    for (const [column, value] of [
      ['Date of birth', want.dateOfBirth],
      ['Open date', want.openDate],
      ['Next review', want.nextReviewDate],
      ['Target date', want.targetDate],
    ] as const) {
      const cell = cells[col(column)] ?? '';
      if (value) {
        expect(cell, `${want.caseRef} ${column}`).toMatch(UK_DATE);
        expect(cell).toBe(formatUkDate(value));
      } else expect(cell, `${want.caseRef} ${column}`).toBe('');
    }
    for (const flag of want.flags) {
      expect(cells[col('Flags')]).toContain(flag.label);
      expect(flat(cells[col('Flag reasons')] ?? '')).toContain(flat(flag.reason));
    }
    for (const cell of cells) expect(cell, 'no cell a spreadsheet would run as a formula').not.toMatch(/^[=+\-@\t\r]/);
  });
  return rows;
}
