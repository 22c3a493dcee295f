/**
 * The import from a file on disk (the CLI: `thrive import csv FILE [--dry-run]`): the same preview and
 * commit as the app, fed the file's bytes. The size is checked before reading, so a 100 MB file is
 * refused without being loaded.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Clock } from '../../../shared/clock';
import type { ImportPreview, ImportResult } from '../../../shared/ipc/import-types';
import { AppError } from '../../../shared/ipc/result';
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES, type ImportFileInput } from '../../../shared/ipc/schemas/import';
import type { Db } from '../../db/sql';
import { requireProfile } from '../export/export-scope';
import type { WriteContext } from '../write-context';
import { commitImport } from './commit-import';
import { previewImport } from './import-preview';

/** The file at `path` as import:preview / import:commit arguments; AppError 'validation' when too large or unreadable. */
export function importArgsFromFile(path: string, mapping?: Record<string, string | null>): ImportFileInput {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError('not_found', `There is no file at ${path}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new AppError('validation', IMPORT_TOO_LARGE_MESSAGE);
  return { fileName: basename(path), contentBase64: readFileSync(path).toString('base64'), ...(mapping ? { mapping } : {}) };
}

/** `--dry-run`: what would be created, skipped and refused; nothing written. */
export function previewImportFile(db: Db, clock: Clock, path: string, mapping?: Record<string, string | null>): ImportPreview {
  return previewImport(db, clock, requireProfile(db, 'import'), importArgsFromFile(path, mapping)).preview;
}

/** Imports the file all or nothing (AppError 'validation' with the reason when nothing was written). */
export function commitImportFile(w: WriteContext, path: string, mapping?: Record<string, string | null>): ImportResult {
  return commitImport(w, importArgsFromFile(path, mapping));
}
