/**
 * FHIR R4 export of one case or a caseload (issue 5). The cases are read one at a time and the bundle
 * text is built by the streaming writer (the CLI gives it a file stream; here the chunks are joined
 * for the IPC reply). Every export is audited.
 */
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
