/**
 * CSV that is safe to open in a spreadsheet (docs/quality.md#exports-are-safe-to-open): RFC 4180 quoting,
 * CRLF line ends, UTF-8 with a byte-order mark (without it Excel on Windows reads "Siân" as "SiÃ¢n"),
 * and every cell that a spreadsheet would run as a formula or DDE command neutralised.
 */

/** A cell starting with one of these is read as a formula (=, +, -, @) or can smuggle one in (tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** UTF-8 byte-order mark: tells spreadsheets the file is UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * Prefixes a single quote to a cell that starts like a formula, so the spreadsheet shows the text as it
 * is ("'=HYPERLINK(…)") instead of running it (OWASP CSV injection guidance).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvValue = string | number | null | undefined;

/** One cell: neutralised, then quoted when it holds a quote, comma or line break (quotes doubled). */
export function csvCell(value: CsvValue): string {
  const text = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: BOM, header row, one line per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `${CSV_BOM}${[header, ...rows].map((r) => `${csvLine(r)}\r\n`).join('')}`;
}
