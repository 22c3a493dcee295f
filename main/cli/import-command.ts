/**
 * `thrive import csv FILE [--dry-run] [--map KEY=HEADER ...]`: the app's import, headless. The file goes
 * through import:preview and import:commit exactly as the Import screen sends it (bytes as base64, so
 * main checks the encoding), and the preview is printed the way the screen shows it: counts, then every
 * bad row by line with its reasons.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_COLUMNS } from '../../shared/domain/import-template';
import type { ImportPreview, ImportResult } from '../../shared/ipc/import-types';
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from '../../shared/ipc/schemas/import';
import type { AppServices } from '../app-services';
import { CliRefusal, onlyOptions, UsageError, type ParsedArgs } from './args';
import { printError, type CliIo } from './io';

export type ImportCommand = (services: AppServices, io: CliIo) => number;

const COLUMN_KEYS = new Set(IMPORT_COLUMNS.map((c) => c.key));

/** --map KEY=HEADER (repeatable): KEY= with nothing after it says the column is not in the file. */
export function parseMapping(values: readonly string[]): Record<string, string | null> | undefined {
  if (values.length === 0) return undefined;
  const mapping: Record<string, string | null> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new UsageError(`--map takes KEY=HEADER, e.g. --map caseRef="RiO ID", not "${value}"`);
    const key = value.slice(0, eq).trim();
    if (!COLUMN_KEYS.has(key)) throw new UsageError(`--map ${key}: not a template column; the keys are ${[...COLUMN_KEYS].join(', ')}`);
    const header = value.slice(eq + 1).trim();
    mapping[key] = header === '' ? null : header;
  }
  return mapping;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The preview as the Import screen words it, for a terminal. */
export function previewAsText(preview: ImportPreview): string {
  const lines = [`Checked ${preview.fileName}: ${plural(preview.rowsRead, 'row')} read.`];
  for (const column of preview.missingColumns) {
    lines.push(`Missing column: no column holds ${column.header} (required). Name it with --map ${column.key}=HEADER.`);
  }
  lines.push(`${plural(preview.toCreate.length, 'case')} will be created`);
  if (preview.alreadyPresent.length > 0) {
    lines.push(`${plural(preview.alreadyPresent.length, 'case is', 'cases are')} already in the app and will be skipped`);
  }
  if (preview.newClinicians.length > 0) lines.push(`New clinicians added to your team: ${preview.newClinicians.join(', ')}`);
  if (preview.ignoredHeaders.length > 0) lines.push(`Columns not imported: ${preview.ignoredHeaders.join(', ')}`);
  if (preview.badRows.length > 0) {
    lines.push(
      '',
      `${plural(preview.badRows.length, 'row has', 'rows have')} problems. Fix them in the file and run the import again. Nothing has been imported.`,
    );
    for (const row of preview.badRows) lines.push(`  line ${row.line} (${row.caseRef ?? 'no case ref'}): ${row.reasons.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function hasProblems(preview: ImportPreview): boolean {
  return preview.fileError !== null || preview.missingColumns.length > 0 || preview.badRows.length > 0;
}

export function planImport(args: ParsedArgs, what: string | undefined, rest: readonly string[]): ImportCommand {
  if (what !== 'csv') throw new UsageError('Say what to import: thrive import csv FILE [--dry-run]');
  onlyOptions(args, 'import csv', ['--dry-run', '--map']);
  const [file, ...extra] = rest;
  if (!file) throw new UsageError('Say which CSV file to import: thrive import csv FILE');
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')} after import csv ${file}`);
  const mapping = parseMapping(args.repeated.get('--map') ?? []);
  const dryRun = args.flags.has('--dry-run');

  // The size is checked before a byte is read: a 100 MB file is refused at once, as on the screen.
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CliRefusal(IMPORT_TOO_LARGE_MESSAGE);

  return (services, io) => {
    const callArgs = { fileName: basename(file), contentBase64: readFileSync(file).toString('base64'), ...(mapping ? { mapping } : {}) };
    const checked = services.invoke('import:preview', callArgs);
    if (!checked.ok) return printError(io, checked.error);
    const preview = checked.value as ImportPreview;
    if (preview.fileError !== null) return printError(io, { code: 'validation', message: preview.fileError });
    io.out(previewAsText(preview));
    if (hasProblems(preview)) return 1;
    if (dryRun) {
      io.out('Dry run: nothing has been imported.\n');
      return 0;
    }
    if (!preview.canImport) {
      io.out('Nothing to import.\n');
      return 0;
    }
    const committed = services.invoke('import:commit', callArgs);
    if (!committed.ok) return printError(io, committed.error);
    const result = committed.value as ImportResult;
    const skipped = result.skipped > 0 ? `, ${result.skipped} skipped (already in the app)` : '';
    const added = result.cliniciansAdded > 0 ? `; ${plural(result.cliniciansAdded, 'clinician')} added to your team` : '';
    io.out(`Import complete: ${plural(result.created, 'case')} created${skipped}${added}.\n`);
    return 0;
  };
}
