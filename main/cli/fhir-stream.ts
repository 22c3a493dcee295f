/**
 * A caseload as one FHIR Bundle, streamed to disk: the cases are read one at a time (caseDetails) and
 * each case's resources are written as they are built, so memory stays at about one case whether the
 * caseload holds 30 cases or 10,000. The app's export:caseloadFhir builds the same bundle as one string
 * for a download; the command line is for the big, scheduled exports.
 */
import { basename } from 'node:path';
import type { Clock } from '../../shared/clock';
import type { CaseloadExportArgs } from '../../shared/ipc/schemas/export';
import type { z } from 'zod';
import { loadSettings } from '../db/repos/settings';
import type { Db } from '../db/sql';
import { writeFhirBundle, type FhirWriteResult } from '../export/fhir/bundle';
import { auditExport, caseDetails, resolveExportScope } from '../features/export/export-scope';
import { AtomicFileWriter } from './io';

export interface StreamedExport {
  cases: number;
  resources: number;
  bytes: number;
  label: string;
}

/** How often progress is reported: about ten times an export, in round numbers (1,000 for 10,000 cases). */
export function progressStep(total: number): number {
  if (total >= 1000) return Math.ceil(total / 1000) * 100;
  return Math.max(1, Math.ceil(total / 10));
}

export function streamCaseloadFhir(
  db: Db,
  clock: Clock,
  args: z.output<typeof CaseloadExportArgs>,
  out: string,
  /** Called after each case; the caller decides how often to say so. */
  progress: ((done: number, total: number) => void) | null,
): StreamedExport {
  const today = clock.today();
  const generatedAt = clock.now();
  const settings = loadSettings(db);
  const writer = new AtomicFileWriter(out);
  let scope: ReturnType<typeof resolveExportScope>;
  let written: FhirWriteResult;
  // One read transaction for the whole export: every case is read from the same snapshot, so a save
  // made in the app while a long export runs never leaves the file half before and half after it.
  db.exec('BEGIN');
  try {
    scope = resolveExportScope(db, args);
    const total = scope.caseIds.length;
    written = writeFhirBundle(
      caseDetails(db, scope.caseIds, settings, today),
      { generatedAt, today },
      (chunk) => writer.write(chunk),
      progress ? (done) => progress(done, total) : undefined,
    );
    writer.commit();
  } catch (error) {
    writer.abandon();
    throw error;
  } finally {
    db.exec('COMMIT');
  }
  // After the file is complete: the audit trail records exports that happened, not attempts.
  auditExport(db, {
    at: generatedAt,
    actorId: scope.profile.id,
    format: 'fhir',
    fileName: basename(out),
    cases: written.cases,
  });
  return { cases: written.cases, resources: written.resources, bytes: writer.bytes, label: scope.label };
}
