/**
 * RFC 4180 CSV, read by csv-parse: fields separated by commas, records by CRLF or LF (a lone CR too,
 * even mixed in one file); a field in double quotes may hold commas, line breaks and doubled quotes
 * (""). Each record keeps the number a spreadsheet shows for its row (header = 1), which is what
 * problems are reported by; a record whose quoted field spans lines is still one row. A stray quote
 * inside a field is kept as text, as spreadsheets do, rather than refusing the file.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is 1. */
  line: number;
  cells: string[];
}

export type ParsedCsv = { ok: true; records: CsvRecord[] } | { ok: false; error: string };

const OPTIONS: Options = { relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] };

export function parseCsv(text: string): ParsedCsv {
  try {
    return { ok: true, records: parse(text, OPTIONS).map((cells, i) => ({ line: i + 1, cells })) };
  } catch (error) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    return {
      ok: false,
      error: `Line ${unclosedRowLine(text)} of the file opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Check that line in a text editor, or save the file from the spreadsheet again.`,
    };
  }
}

/** The line (as a text editor counts them) on which the row holding the unclosed quote starts. */
function unclosedRowLine(text: string): number {
  let rowStart = 0;
  try {
    parse(text, { ...OPTIONS, on_record: (record, context) => ((rowStart = context.bytes), record) });
  } catch {
    // Expected: the same unclosed quote; rowStart is where the last whole record ended.
  }
  const before = Buffer.from(text, 'utf8').subarray(0, rowStart).toString('utf8');
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** A record with nothing in any cell (a blank line, or ",,,," from a spreadsheet). */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.cells.every((c) => c.trim() === '');
}
