/**
 * The documents of one case (docs/exports.md): the family's plan and the ending letter as PDFs, and the plan,
 * review and ending summaries as plain text for a progress note. The case is read as the case page
 * shows it (loadCaseDetail) and handed to the pure builders under main/export. Every PDF, and every
 * summary copied out, is personal data leaving the app: each is written to the audit trail, filed under
 * the case, after the document was built (a refused or failed one leaves no entry).
 */
import type { IsoDate } from '../../../shared/dates';
import type { Settings } from '../../../shared/domain/settings';
import type { SummaryText } from '../../../shared/ipc/import-types';
import type { PdfDocument, SummaryKind } from '../../../shared/ipc/schemas/export';
import type { CaseDetail, ExportFile } from '../../../shared/ipc/types';
import { loadSettings } from '../../db/repos/settings';
import type { Db } from '../../db/sql';
import { buildEndingLetterPdf, endingLetterFileName } from '../../export/ending-letter-pdf';
import { buildFamilyPlanPdf, familyPlanFileName } from '../../export/family-plan-pdf';
import { endingSummaryText } from '../../export/summaries/ending-summary';
import { planSummaryText } from '../../export/summaries/plan-summary';
import { reviewSummaryText } from '../../export/summaries/review-summary';
import type { Handlers } from '../../ipc/types';
import { auditExport, loadCaseDetail, requireProfile } from './export-scope';

/** The PDF of one case, pure given the case (for the CLI and tests as well as the handler). */
export function buildCasePdf(detail: CaseDetail, document: PdfDocument, today: IsoDate, now: string): ExportFile {
  const input = { detail, today, createdAt: now };
  const { caseRef } = detail.summary;
  const [pdf, fileName] =
    document === 'family-plan'
      ? [buildFamilyPlanPdf(input), familyPlanFileName(caseRef, today)]
      : [buildEndingLetterPdf(input), endingLetterFileName(caseRef, today)];
  return { fileName, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
}

/** The summary text of one case, pure given the case. */
export function buildCaseSummary(detail: CaseDetail, kind: SummaryKind, reviewId: string | undefined, today: IsoDate): SummaryText {
  switch (kind) {
    case 'plan':
      return planSummaryText(detail, today);
    case 'review':
      return reviewSummaryText(detail, reviewId, today);
    case 'ending':
      return endingSummaryText(detail, today);
  }
}

/**
 * export:casePdf as a function of the database: the signed-in clinician's profile is required (the
 * audit actor); 'not_found' for an unknown case; 'validation' for a family plan without a plan or an
 * ending letter for an open case. `now` is the instant made (PDF metadata and the audit entry).
 */
export function casePdfExport(db: Db, caseId: string, document: PdfDocument, settings: Settings, today: IsoDate, now: string): ExportFile {
  const profile = requireProfile(db);
  const detail = loadCaseDetail(db, caseId, settings, today);
  const file = buildCasePdf(detail, document, today, now);
  auditExport(db, {
    at: now,
    actorId: profile.id,
    format: `pdf:${document}`,
    fileName: file.fileName,
    cases: 1,
    caseId: detail.summary.id,
    youngPersonId: detail.summary.youngPersonId,
  });
  return file;
}

/** export:summaryText as a function of the database (see casePdfExport for the rules). */
export function caseSummaryExport(
  db: Db,
  args: { caseId: string; kind: SummaryKind; reviewId?: string | undefined },
  settings: Settings,
  today: IsoDate,
  now: string,
): SummaryText {
  const profile = requireProfile(db);
  const detail = loadCaseDetail(db, args.caseId, settings, today);
  const summary = buildCaseSummary(detail, args.kind, args.reviewId, today);
  auditExport(db, {
    at: now,
    actorId: profile.id,
    format: `text:${args.kind}-summary`,
    fileName: summary.title,
    cases: 1,
    caseId: detail.summary.id,
    youngPersonId: detail.summary.youngPersonId,
  });
  return summary;
}

export const documentExportHandlers: Pick<Handlers, 'export:casePdf' | 'export:summaryText'> = {
  'export:casePdf': (args, { db, clock }) => casePdfExport(db, args.caseId, args.document, loadSettings(db), clock.today(), clock.now()),
  'export:summaryText': (args, { db, clock }) => caseSummaryExport(db, args, loadSettings(db), clock.today(), clock.now()),
};
