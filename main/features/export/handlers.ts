/** Exports (docs/exports.md, docs/exports-fhir.md): FHIR, the CSV set, PDFs for the family and the plain-text summaries. */
import type { Handlers } from '../../ipc/types';
import { csvExportHandlers } from './csv-handlers';
import { documentExportHandlers } from './document-handlers';
import { fhirExportHandlers } from './fhir-handlers';

export const exportHandlers: Pick<
  Handlers,
  'export:caseFhir' | 'export:caseloadFhir' | 'export:caseloadCsv' | 'export:casePdf' | 'export:summaryText'
> = {
  ...fhirExportHandlers,
  ...csvExportHandlers,
  ...documentExportHandlers,
};
