/** File names of FHIR exports, in the house style thrive-<what>-<slug>-<yyyy-mm-dd>.<ext> (main/export/file-names.ts). */
import type { IsoDate } from '../../../shared/dates';
import { slug } from '../file-names';

export const FHIR_MIME_TYPE = 'application/fhir+json';

export function fhirCaseFileName(caseRef: string, today: IsoDate): string {
  return `thrive-fhir-${slug(caseRef, 'case')}-${today}.json`;
}

/** `fileStem` comes from resolveExportScope (already a slug: caseload-sam-patel, team-camhs-north). */
export function fhirCaseloadFileName(fileStem: string, today: IsoDate): string {
  return `thrive-fhir-${fileStem}-${today}.json`;
}
