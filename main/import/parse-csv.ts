/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too); a field in double
 * quotes may hold commas, line breaks and doubled quotes (""). Each record keeps the number a spreadsheet
 * shows for its row (header = 1), which is what problems are reported by; a record whose quoted field
 * spans lines is still one row.
 */

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is 1. */
  line: number;
  cells: string[];
}

export type ParsedCsv = { ok: true; records: CsvRecord[] } | { ok: false; error: string };

export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteOpenedOnLine = 0;
  let physicalLine = 1;
  let record = 1;
  let afterQuote = false;
  const n = text.length;

  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: record, cells });
    cells = [];
    cell = '';
    record++;
  };

  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) physicalLine++;
        cell += ch;
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      physicalLine++;
      endRecord();
      afterQuote = false;
    } else if (ch === '"' && cell === '' && !afterQuote) {
      quoted = true;
      quoteOpenedOnLine = physicalLine;
    } else {
      // A stray quote inside an unquoted field (or text after a closing quote) is kept as text, as
      // spreadsheets do, rather than refusing the file.
      cell += ch;
    }
  }
  if (quoted) {
    return {
      ok: false,
      error: `Line ${quoteOpenedOnLine} of the file opens a quoted cell (") that is never closed, so the rest of the file cannot be read. Check that line in a text editor, or save the file from the spreadsheet again.`,
    };
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { ok: true, records };
}

/** A record with nothing in any cell (a blank line, or ",,,," from a spreadsheet). */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.cells.every((c) => c.trim() === '');
}
