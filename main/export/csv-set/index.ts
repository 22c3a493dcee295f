/**
 * The CSV set (docs/product.md#exports-and-import; every column in docs/exports.md): five files built from the case
 * page's own model (CaseDetail), so a CSV never says something the screens do not. Pure: cases in, text
 * out. UTF-8, a header row, CRLF line ends, an optional byte-order mark for Excel, every cell made safe
 * against formula injection (csvCell) and dates as dd/mm/yyyy.
 *
 * `csvSetChunks` yields the file a case at a time, so the CLI can stream a large caseload to disk
 * holding one case in memory; `buildCsvSetFile` joins the chunks into an ExportFile for the app.
 */
import type { IsoDate } from '../../../shared/dates';
import type { CsvFileName } from '../../../shared/ipc/schemas/export';
import type { CaseDetail, ExportFile } from '../../../shared/ipc/types';
import { CSV_BOM, csvLine, type CsvValue } from '../csv';
import { slug } from '../file-names';
import { CASES_HEADER, casesRows, type CasesRowContext } from './cases';
import { CURRENT_VIEWS_HEADER, currentViewRows } from './current-views';
import { ENDINGS_HEADER, endingRows } from './endings';
import { GBO_RATINGS_HEADER, gboRatingRows } from './gbo-ratings';
import { REVIEWS_HEADER, reviewRows } from './reviews';

export type CsvSetContext = CasesRowContext;

interface CsvSetFile {
  header: readonly string[];
  rows: (d: CaseDetail, ctx: CsvSetContext) => CsvValue[][];
}

export const CSV_SET: Record<CsvFileName, CsvSetFile> = {
  cases: { header: CASES_HEADER, rows: casesRows },
  'current-views': { header: CURRENT_VIEWS_HEADER, rows: currentViewRows },
  'gbo-ratings': { header: GBO_RATINGS_HEADER, rows: gboRatingRows },
  reviews: { header: REVIEWS_HEADER, rows: reviewRows },
  endings: { header: ENDINGS_HEADER, rows: endingRows },
};

/** thrive-<file>-<fileStem>-<yyyy-mm-dd>.csv; the stem is slugged again so no user text gets in raw. */
export function csvSetFileName(file: CsvFileName, fileStem: string, today: IsoDate): string {
  return `thrive-${file}-${slug(fileStem, 'caseload')}-${today}.csv`;
}

export interface CsvSetOptions {
  bom: boolean;
  context: CsvSetContext;
}

/** The file as text chunks: BOM and header first, then each case's rows (CRLF after every line). */
export function* csvSetChunks(file: CsvFileName, cases: Iterable<CaseDetail>, opts: CsvSetOptions): Generator<string> {
  const spec = CSV_SET[file];
  yield `${opts.bom ? CSV_BOM : ''}${csvLine(spec.header)}\r\n`;
  for (const d of cases) {
    const rows = spec.rows(d, opts.context);
    if (rows.length > 0) yield rows.map((r) => `${csvLine(r)}\r\n`).join('');
  }
}

export interface CsvSetFileInput extends CsvSetOptions {
  file: CsvFileName;
  fileStem: string;
  today: IsoDate;
  cases: Iterable<CaseDetail>;
}

export function buildCsvSetFile(input: CsvSetFileInput): { file: ExportFile; cases: number } {
  let cases = 0;
  const counted = (function* () {
    for (const d of input.cases) {
      cases++;
      yield d;
    }
  })();
  const content = [...csvSetChunks(input.file, counted, input)].join('');
  return {
    file: { fileName: csvSetFileName(input.file, input.fileStem, input.today), mimeType: 'text/csv;charset=utf-8', encoding: 'utf8', content },
    cases,
  };
}
