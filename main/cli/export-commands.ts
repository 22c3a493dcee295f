/**
 * `thrive export fhir|csv|pdf|text`: the app's export channels, headless, writing files where --out
 * says. Everything goes through services.invoke (the same validation, scope rules and audit entries as
 * the app) except the caseload FHIR bundle, which is streamed to disk (./fhir-stream).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import {
  CaseloadCsvArgs,
  CaseloadExportArgs,
  CSV_FILE_LABELS,
  CSV_FILES,
  EXPORT_SCOPES,
  PDF_DOCUMENTS,
  SUMMARY_KINDS,
  type CsvFileName,
} from '../../shared/ipc/schemas/export';
import type { ExportFile } from '../../shared/ipc/types';
import type { SummaryText } from '../../shared/ipc/import-types';
import type { AppServices } from '../app-services';
import { csvSetFileName } from '../export/csv-set';
import { writeCaseloadCsvFile } from '../features/export/csv-handlers';
import { resolveExportScope } from '../features/export/export-scope';
import { choice, CliRefusal, onlyOptions, required, UsageError, type ParsedArgs } from './args';
import { progressStep, streamCaseloadFhir } from './fhir-stream';
import { formatBytes, printError, writeFileAtomically, type CliIo } from './io';

export const EXPORT_KINDS = ['fhir', 'csv', 'pdf', 'text'] as const;
type ExportKind = (typeof EXPORT_KINDS)[number];

/** A checked export command, ready to run once the database is open. */
export type ExportCommand = (services: AppServices, io: CliIo) => number;

/** Checks the command line (before the database is opened, so a mistake never creates a file). */
export function planExport(args: ParsedArgs, kind: string | undefined, extra: readonly string[]): ExportCommand {
  if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`Say what to export: thrive export ${EXPORT_KINDS.join('|')} ...`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')} after export ${kind}`);
  switch (kind as ExportKind) {
    case 'fhir':
      return planFhir(args);
    case 'csv':
      return planCsv(args);
    case 'pdf':
      return planPdf(args);
    case 'text':
      return planText(args);
  }
}

function scopeArgs(args: ParsedArgs) {
  return CaseloadExportArgs.parse({
    scope: choice(args, '--scope', EXPORT_SCOPES, 'mine'),
    includeClosed: args.flags.has('--include-closed'),
  });
}

function exportFileOf(services: AppServices, io: CliIo, channel: string, callArgs: unknown): ExportFile | number {
  const result = services.invoke(channel, callArgs);
  if (!result.ok) return printError(io, result.error);
  return result.value as ExportFile;
}

function saveExportFile(io: CliIo, file: ExportFile, path: string, what: string): void {
  const bytes = Buffer.from(file.content, file.encoding);
  writeFileAtomically(path, bytes);
  io.out(`Saved ${what} to ${path} (${formatBytes(bytes.length)}).\n`);
}

function planFhir(args: ParsedArgs): ExportCommand {
  onlyOptions(args, 'export fhir', ['--case', '--scope', '--include-closed', '--out', '--progress']);
  const out = required(args, '--out', 'the file to write');
  const caseId = args.options.get('--case');
  if (caseId !== undefined) {
    if (args.options.has('--scope') || args.flags.has('--include-closed')) {
      throw new UsageError('--case exports one case: leave out --scope and --include-closed');
    }
    return (services, io) => {
      const file = exportFileOf(services, io, 'export:caseFhir', { caseId });
      if (typeof file === 'number') return file;
      saveExportFile(io, file, out, 'the FHIR record');
      return 0;
    };
  }
  const scope = scopeArgs(args);
  const showProgress = args.flags.has('--progress');
  return (services, io) => {
    const progress = progressReporter(io, showProgress);
    try {
      const done = streamCaseloadFhir(services.db, services.clock, scope, out, progress);
      const cases = `${done.cases} case${done.cases === 1 ? '' : 's'}`;
      io.out(`Exported ${cases} (${done.label}, ${done.resources} resources) as a FHIR bundle to ${out} (${formatBytes(done.bytes)}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) return printError(io, error.toIpcError());
      throw error;
    }
  };
}

/** Progress on stderr when it is a terminal or --progress asks: "exported 2000 of 10000 cases". */
function progressReporter(io: CliIo, asked: boolean, what = ''): ((done: number, total: number) => void) | null {
  if (!asked && !io.errIsTty) return null;
  let step = 0;
  return (done, total) => {
    step ||= progressStep(total);
    if (done % step === 0 || done === total) io.err(`exported ${done} of ${total} cases${what}\n`);
  };
}

/**
 * --out-dir DIR: an existing folder, or a new one made in a folder that exists (a dated folder per run,
 * say). The parent is not made: a share that is not mounted must fail, not leave personal data in a
 * look-alike folder on the local disk. Checked now; the folder is made only once the export can start.
 */
function checkOutDir(outDir: string): () => void {
  if (existsSync(outDir)) {
    if (!statSync(outDir).isDirectory()) throw new CliRefusal(`--out-dir ${outDir} is a file, not a folder`);
    return () => {};
  }
  const parent = dirname(resolve(outDir));
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    throw new CliRefusal(`--out-dir ${outDir}: the folder ${parent} that would hold it does not exist (is the drive or share connected?)`);
  }
  return () => mkdirSync(outDir, { recursive: true });
}

function planCsv(args: ParsedArgs): ExportCommand {
  onlyOptions(args, 'export csv', ['--scope', '--include-closed', '--no-bom', '--file', '--out', '--out-dir', '--progress']);
  const base = { ...scopeArgs(args), bom: !args.flags.has('--no-bom') };
  const showProgress = args.flags.has('--progress');
  const outDir = args.options.get('--out-dir');
  let targets: (services: AppServices) => Array<{ file: CsvFileName; path: string }>;
  if (outDir !== undefined) {
    if (args.options.has('--file') || args.options.has('--out')) {
      throw new UsageError('--out-dir writes the whole CSV set: leave out --file and --out (or use them without --out-dir for one file)');
    }
    const makeFolder = checkOutDir(outDir);
    // The app's file names; resolving the scope first refuses (say, no profile) before any file or folder is made.
    targets = (services) => {
      const { fileStem } = resolveExportScope(services.db, base);
      makeFolder();
      return CSV_FILES.map((file) => ({ file, path: join(outDir, csvSetFileName(file, fileStem, services.clock.today())) }));
    };
  } else {
    const file = choice(args, '--file', CSV_FILES);
    const out = required(args, '--out', 'the file to write (or --out-dir DIR for the whole set)');
    targets = () => [{ file, path: out }];
  }
  return (services, io) => {
    try {
      for (const { file, path } of targets(services)) {
        const label = `${CSV_FILE_LABELS[file]} CSV`;
        const progress = progressReporter(io, showProgress, ` (${label})`);
        const csvArgs = CaseloadCsvArgs.parse({ ...base, file });
        try {
          // Streamed to disk one case at a time, through FILE.partial (main/features/export/csv-handlers).
          writeCaseloadCsvFile(services.db, services.clock, csvArgs, path, progress ?? undefined);
        } finally {
          rmSync(`${path}.partial`, { force: true });
        }
        io.out(`Saved ${label} to ${path} (${formatBytes(statSync(path).size)}).\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof AppError) return printError(io, error.toIpcError());
      throw error;
    }
  };
}

function planPdf(args: ParsedArgs): ExportCommand {
  onlyOptions(args, 'export pdf', ['--case', '--document', '--out']);
  const caseId = required(args, '--case', 'which case');
  const document = choice(args, '--document', PDF_DOCUMENTS);
  const out = required(args, '--out', 'the file to write');
  return (services, io) => {
    const exported = exportFileOf(services, io, 'export:casePdf', { caseId, document });
    if (typeof exported === 'number') return exported;
    saveExportFile(io, exported, out, document === 'family-plan' ? 'the plan for the family' : 'the ending letter');
    return 0;
  };
}

function planText(args: ParsedArgs): ExportCommand {
  onlyOptions(args, 'export text', ['--case', '--kind', '--review']);
  const caseId = required(args, '--case', 'which case');
  const kind = choice(args, '--kind', SUMMARY_KINDS);
  const reviewId = args.options.get('--review');
  if (reviewId !== undefined && kind !== 'review') throw new UsageError('--review is for --kind review');
  return (services, io) => {
    const result = services.invoke('export:summaryText', { caseId, kind, ...(reviewId ? { reviewId } : {}) });
    if (!result.ok) return printError(io, result.error);
    io.out((result.value as SummaryText).text);
    return 0;
  };
}
