/**
 * FHIR R4 export of one case or a caseload (docs/exports-fhir.md). The cases are read one at a time and the bundle
 * text is built by the streaming writer (the CLI gives it a file stream; here the chunks are joined
 * for the IPC reply). Every export is audited.
 */
import { validationError } from '../../../shared/ipc/result';
import type { ExportFile } from '../../../shared/ipc/types';
import { loadSettings } from '../../db/repos/settings';
import { writeFhirBundle } from '../../export/fhir/bundle';
import { FHIR_MIME_TYPE, fhirCaseFileName, fhirCaseloadFileName } from '../../export/fhir/file-names';
import type { Handlers } from '../../ipc/types';
import { auditExport, caseDetails, loadCaseDetail, requireProfile, resolveExportScope } from './export-scope';

function bundleText(write: (sink: (chunk: string) => void) => void): string {
  const chunks: string[] = [];
  write((chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * The most cases one in-app FHIR download holds. The download is one string in memory, sent whole
 * over IPC: about 60 KB a case (bench/fhir-export.ts: 587 MB for 10,000), so 2,000 cases is ~120 MB,
 * and beyond ~8,500 the string cannot be built at all. Larger exports are for `thrive export fhir`,
 * which streams to a file in constant memory. Refused before anything is read, with the way round.
 */
export const APP_FHIR_CASE_LIMIT = 2_000;

function tooManyForDownload(count: number, includeClosed: boolean): Error {
  const fewer = includeClosed ? 'Choose open cases only, or' : 'Choose fewer cases, or';
  return validationError([
    {
      path: includeClosed ? 'includeClosed' : 'scope',
      message:
        `This FHIR bundle would hold ${count.toLocaleString('en-GB')} cases, more than the ${APP_FHIR_CASE_LIMIT.toLocaleString('en-GB')} ` +
        `one download from the app can hold. ${fewer} ask IT to run the command-line export (thrive export fhir), which writes any number of cases to a file.`,
    },
  ]);
}

export const fhirExportHandlers: Pick<Handlers, 'export:caseFhir' | 'export:caseloadFhir'> = {
  // Like cases:get, any case the clinician can open; the profile is required as the audit actor.
  'export:caseFhir': (args, { db, clock }): ExportFile => {
    const profile = requireProfile(db);
    const today = clock.today();
    const generatedAt = clock.now();
    const detail = loadCaseDetail(db, args.caseId, loadSettings(db), today);
    const fileName = fhirCaseFileName(detail.summary.caseRef, today);
    const content = bundleText((sink) => writeFhirBundle([detail], { generatedAt, today }, sink));
    auditExport(db, {
      at: generatedAt,
      actorId: profile.id,
      format: 'fhir',
      fileName,
      cases: 1,
      caseId: detail.summary.id,
      youngPersonId: detail.summary.youngPersonId,
    });
    return { fileName, mimeType: FHIR_MIME_TYPE, encoding: 'utf8', content };
  },
  'export:caseloadFhir': (args, { db, clock }): ExportFile => {
    const scope = resolveExportScope(db, args);
    if (scope.caseIds.length > APP_FHIR_CASE_LIMIT) throw tooManyForDownload(scope.caseIds.length, args.includeClosed);
    const today = clock.today();
    const generatedAt = clock.now();
    const fileName = fhirCaseloadFileName(scope.fileStem, today);
    const content = bundleText((sink) =>
      writeFhirBundle(caseDetails(db, scope.caseIds, loadSettings(db), today), { generatedAt, today }, sink),
    );
    auditExport(db, { at: generatedAt, actorId: scope.profile.id, format: 'fhir', fileName, cases: scope.caseIds.length });
    return { fileName, mimeType: FHIR_MIME_TYPE, encoding: 'utf8', content };
  },
};
