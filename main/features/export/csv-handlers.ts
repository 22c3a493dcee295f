/**
 * The CSV set through IPC (export:caseloadCsv) and for the CLI (writeCaseloadCsvFile streams to disk,
 * one case in memory at a time). Both read the cases in scope through the case page's loader and record
 * the export in the audit trail.
 */
import { AtomicFileWriter } from '../../export/atomic-file';
import type { Clock } from '../../../shared/clock';
import type { z } from 'zod';
import type { CaseloadCsvArgs } from '../../../shared/ipc/schemas/export';
import type { ExportFile } from '../../../shared/ipc/types';
import { loadSettings } from '../../db/repos/settings';
import { listTeams } from '../../db/repos/teams';
import type { Db } from '../../db/sql';
import { buildCsvSetFile, csvSetChunks, csvSetFileName, type CsvSetContext } from '../../export/csv-set';
import type { Handlers } from '../../ipc/types';
import { auditExport, caseDetails, resolveExportScope } from './export-scope';

export type CaseloadCsvOptions = z.output<typeof CaseloadCsvArgs>;

function csvContext(db: Db): CsvSetContext {
  return { teamNames: new Map(listTeams(db).map((t) => [t.id, t.name])) };
}

/** One file of the CSV set for the cases in scope, as the app downloads it. */
export function exportCaseloadCsv(db: Db, clock: Clock, args: CaseloadCsvOptions): ExportFile {
  const scope = resolveExportScope(db, args);
  const today = clock.today();
  const { file, cases } = buildCsvSetFile({
    file: args.file,
    fileStem: scope.fileStem,
    today,
    bom: args.bom,
    context: csvContext(db),
    cases: caseDetails(db, scope.caseIds, loadSettings(db), today),
  });
  auditExport(db, { at: clock.now(), actorId: scope.profile.id, format: `csv:${args.file}`, fileName: file.fileName, cases });
  return file;
}

/**
 * Streams one file of the CSV set to `path` (written to `<path>.partial` then renamed, so a reader never
 * sees half a file). `onProgress(done, total)` is called after each case. Returns the suggested file
 * name (for a CLI that was given a folder) and the number of cases written.
 */
export function writeCaseloadCsvFile(
  db: Db,
  clock: Clock,
  args: CaseloadCsvOptions,
  path: string,
  onProgress?: (done: number, total: number) => void,
): { fileName: string; cases: number } {
  const scope = resolveExportScope(db, args);
  const today = clock.today();
  const fileName = csvSetFileName(args.file, scope.fileStem, today);
  const total = scope.caseIds.length;
  let done = 0;
  const counted = (function* () {
    for (const d of caseDetails(db, scope.caseIds, loadSettings(db), today)) {
      yield d;
      done++;
      onProgress?.(done, total);
    }
  })();
  const writer = new AtomicFileWriter(path);
  try {
    for (const chunk of csvSetChunks(args.file, counted, { bom: args.bom, context: csvContext(db) })) writer.write(chunk);
    writer.commit();
  } catch (error) {
    writer.abandon();
    throw error;
  }
  auditExport(db, { at: clock.now(), actorId: scope.profile.id, format: `csv:${args.file}`, fileName, cases: total });
  return { fileName, cases: total };
}

export const csvExportHandlers: Pick<Handlers, 'export:caseloadCsv'> = {
  'export:caseloadCsv': (args, { db, clock }) => exportCaseloadCsv(db, clock, args),
};
