/** Reading CSV files back in tests: RFC 4180 via the import's own parser, and base64 for import calls. */
import { expect } from 'vitest';
import { CSV_BOM } from '../../main/export/csv';
import { parseCsv } from '../../main/import/parse-csv';

/** Header and rows of an exported file (BOM removed, every line ends CRLF). */
export function readCsv(content: string): { header: string[]; rows: string[][] } {
  const text = content.startsWith(CSV_BOM) ? content.slice(1) : content;
  expect(text.endsWith('\r\n'), 'the file ends with CRLF').toBe(true);
  const parsed = parseCsv(text);
  if (!parsed.ok) expect.fail(parsed.error);
  const [header, ...rows] = parsed.records.map((r) => r.cells);
  return { header: header!, rows };
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A row as header → value. */
export function byHeader(header: readonly string[], row: readonly string[]): Record<string, string> {
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
}
