/** The import template: the header row of cases.csv's template columns, with a BOM so Excel reads it as UTF-8. */
import { IMPORT_COLUMNS } from '../../../shared/domain/import-template';
import type { ExportFile } from '../../../shared/ipc/types';
import { toCsv } from '../../export/csv';

export const IMPORT_TEMPLATE_FILE_NAME = 'thrive-import-template.csv';

export function importTemplate(): ExportFile {
  return {
    fileName: IMPORT_TEMPLATE_FILE_NAME,
    mimeType: 'text/csv;charset=utf-8',
    encoding: 'utf8',
    content: toCsv(
      IMPORT_COLUMNS.map((c) => c.header),
      [],
    ),
  };
}
