/** Exports (docs/exports.md): what the case page, caseload screen and CLI ask main to build. */
import { z } from 'zod';
import { Id } from './common';

/** 'mine' = the signed-in clinician's cases; 'team' = the team lead's whole team (team leads only). */
export const EXPORT_SCOPES = ['mine', 'team'] as const;
export type ExportScopeName = (typeof EXPORT_SCOPES)[number];

export const CaseloadExportArgs = z.strictObject({
  scope: z.enum(EXPORT_SCOPES).default('mine'),
  /** Closed episodes too (default: open cases only, the caseload). */
  includeClosed: z.boolean().default(false),
});

/** The CSV set (docs/product.md#exports-and-import); columns in docs/exports.md. */
export const CSV_FILES = ['cases', 'current-views', 'gbo-ratings', 'reviews', 'endings'] as const;
export type CsvFileName = (typeof CSV_FILES)[number];
export const CSV_FILE_LABELS: Record<CsvFileName, string> = {
  cases: 'Cases',
  'current-views': 'Current View ratings',
  'gbo-ratings': 'GBO ratings',
  reviews: 'Reviews',
  endings: 'Endings',
};

export const CaseloadCsvArgs = CaseloadExportArgs.extend({
  file: z.enum(CSV_FILES),
  /** A UTF-8 byte-order mark so Excel on Windows reads accents right; off for other tools. */
  bom: z.boolean().default(true),
});

export const CaseFhirArgs = z.strictObject({ caseId: Id });

export const PDF_DOCUMENTS = ['family-plan', 'ending-letter'] as const;
export type PdfDocument = (typeof PDF_DOCUMENTS)[number];
export const CasePdfArgs = z.strictObject({ caseId: Id, document: z.enum(PDF_DOCUMENTS) });

export const SUMMARY_KINDS = ['plan', 'review', 'ending'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];
/** A review summary is of one review (default: the latest). */
export const CaseSummaryArgs = z.strictObject({ caseId: Id, kind: z.enum(SUMMARY_KINDS), reviewId: Id.optional() });
