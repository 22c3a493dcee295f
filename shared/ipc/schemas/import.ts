/** Caseload import (docs/exports.md, "Import"): the file travels as bytes so main, not the browser, checks its encoding. */
import { z } from 'zod';
import { IMPORT_COLUMNS } from '../../domain/import-template';

/** A 10,000-case caseload CSV is about 5 MB; anything over this is not a caseload report. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);
export const IMPORT_TOO_LARGE_MESSAGE = `This file is larger than ${MAX_IMPORT_MB} MB, which is too big for a caseload CSV. Check it is the right file, or split it into smaller files.`;

const columnKeys = IMPORT_COLUMNS.map((c) => c.key) as [string, ...string[]];

export const ImportFileArgs = z.strictObject({
  fileName: z.string().trim().min(1, 'Choose a CSV file').max(260, 'The file name is too long'),
  /** The file's bytes, base64. */
  contentBase64: z
    .string({ error: 'Choose a CSV file' })
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, IMPORT_TOO_LARGE_MESSAGE),
  /**
   * Template column key → the file's header to read it from (null = not in this file). Omitted: the
   * automatic match (suggestMapping). Given: used as is for the keys it has, automatic for the rest.
   */
  mapping: z.partialRecord(z.enum(columnKeys), z.string().max(200).nullable()).optional(),
});
export type ImportFileInput = z.input<typeof ImportFileArgs>;
