import { useCallback, useRef, useState } from 'react';
import { IMPORT_COLUMNS } from '../../../shared/domain/import-template';
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from '../../../shared/ipc/schemas/import';
import type { ImportPreview, ImportResult } from '../../../shared/ipc/import-types';
import type { FieldError } from '../../../shared/ipc/result';
import { request, toApiError } from '../../api/client';
import { plural } from '../../lib/plural';
import { bytesToBase64 } from './base64';

/** The file input's path: errors about the file itself land beside it. */
export const FILE_PATH = 'importFile';
/** The bad-rows table's path, so the error summary links to it. */
export const BAD_ROWS_PATH = 'badRows';
export const mappingPath = (key: string) => `mapping.${key}`;

export interface LoadedFile {
  fileName: string;
  contentBase64: string;
}

export type ImportStep =
  | { step: 'choose' }
  /** `previous`: the check being redone with a new column match, kept on screen meanwhile. */
  | { step: 'checking'; previous?: { file: LoadedFile; preview: ImportPreview } }
  | { step: 'checked'; file: LoadedFile; preview: ImportPreview }
  | { step: 'importing'; file: LoadedFile; preview: ImportPreview }
  | { step: 'done'; result: ImportResult };

/** Template column → the file header chosen for it (null: not in this file). */
export type ColumnMapping = Record<string, string | null>;

export function badRowsMessage(count: number): string {
  return `${plural(count, 'row has', 'rows have')} problems. Fix them in the file and choose it again. Nothing has been imported.`;
}

/** What a checked file puts in the error summary: its file error, the unmatched columns, or its bad rows. */
function previewErrors(preview: ImportPreview): FieldError[] {
  if (preview.fileError) return [{ path: FILE_PATH, message: preview.fileError }];
  if (preview.missingColumns.length > 0) {
    return preview.missingColumns.map((c) => ({ path: mappingPath(c.key), message: `Choose the column that holds ${c.header}` }));
  }
  if (preview.badRows.length > 0) return [{ path: BAD_ROWS_PATH, message: badRowsMessage(preview.badRows.length) }];
  return [];
}

/** Main's field errors name the call's arguments; on this screen they are all about the file or the mapping. */
function errorsOf(error: unknown): FieldError[] {
  const e = toApiError(error);
  if (e.fields.length === 0) return [{ path: '', message: e.message }];
  return e.fields.map((f) => ({ path: f.path.startsWith('mapping.') ? f.path : FILE_PATH, message: f.message }));
}

/** Only template columns travel back (the schema refuses any other key). */
function mappingArgs(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, mapping[c.key] ?? null]));
}

/**
 * The file read and encoded for main, or the error to show beside the file input. Too large is refused
 * before reading: a 100 MB file would otherwise be read, encoded and sent for nothing.
 */
async function loadFile(file: File): Promise<LoadedFile | FieldError> {
  if (file.size > MAX_IMPORT_BYTES) return { path: FILE_PATH, message: IMPORT_TOO_LARGE_MESSAGE };
  try {
    return { fileName: file.name, contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
  } catch {
    return { path: FILE_PATH, message: 'The file could not be read. Check it is not open in another program, then choose it again.' };
  }
}

/** Runs one piece of work at a time: a second click while a check or import is under way does nothing. */
function useOneAtATime(): (work: () => Promise<void>) => Promise<void> {
  const busy = useRef(false);
  return useCallback(async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }, []);
}

/**
 * The import flow: choose a file (too large refused before it is read), check it (import:preview,
 * writes nothing), match the columns and check again, then import it all or nothing (import:commit).
 * `errors`/`attempt` feed the error summary; `attempt` changes after each step that found problems so
 * the summary takes focus again.
 */
export function useImport() {
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const run = useOneAtATime();

  const show = useCallback((found: FieldError[]) => {
    setErrors(found);
    if (found.length > 0) setAttempt((n) => n + 1);
  }, []);

  const check = useCallback(
    async (file: LoadedFile, chosen?: ColumnMapping, previous?: ImportPreview) => {
      setState(previous ? { step: 'checking', previous: { file, preview: previous } } : { step: 'checking' });
      try {
        const preview = await request((api) => api.import.preview({ ...file, ...(chosen ? { mapping: mappingArgs(chosen) } : {}) }));
        setMapping(preview.mapping);
        setState({ step: 'checked', file, preview });
        show(previewErrors(preview));
      } catch (error) {
        setState(previous ? { step: 'checked', file, preview: previous } : { step: 'choose' });
        show(errorsOf(error));
      }
    },
    [show],
  );

  const chooseFile = useCallback(
    (file: File) =>
      run(async () => {
        if (file.size <= MAX_IMPORT_BYTES) setState({ step: 'checking' });
        const loaded = await loadFile(file);
        if ('message' in loaded) {
          setState({ step: 'choose' });
          show([loaded]);
          return;
        }
        await check(loaded);
      }),
    [check, run, show],
  );

  const checkAgain = useCallback(() => {
    if (state.step !== 'checked') return Promise.resolve();
    const { file, preview } = state;
    return run(() => check(file, mapping, preview));
  }, [check, mapping, run, state]);

  const commit = useCallback(() => {
    if (state.step !== 'checked' || !state.preview.canImport) return Promise.resolve();
    const { file, preview } = state;
    return run(async () => {
      setState({ step: 'importing', file, preview });
      try {
        const result = await request((api) => api.import.commit({ ...file, mapping: mappingArgs(preview.mapping) }));
        setErrors([]);
        setState({ step: 'done', result });
      } catch (error) {
        setState({ step: 'checked', file, preview });
        show(errorsOf(error));
      }
    });
  }, [run, show, state]);

  const chooseColumn = useCallback((key: string, header: string | null) => setMapping((m) => ({ ...m, [key]: header })), []);

  return { state, mapping, errors, attempt, chooseFile, checkAgain, commit, chooseColumn };
}
