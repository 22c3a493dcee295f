/**
 * The fake API's export and import channels (issue 5), with main's rules: the caseload scope ('mine'
 * or, for a team lead only, 'team'), open cases unless closed ones are asked for, a BOM on CSVs unless
 * turned off, a family plan only when there is a plan, an ending letter or ending summary only for a
 * closed case, a review summary of the latest review unless one is named. The documents are small
 * stand-ins (the real ones are built by main); the renderer only saves or copies them. The import
 * channels are in fake-import.ts.
 */
import { formatUkDate } from '../../shared/dates';
import { GROUPING_LABELS } from '../../shared/domain/groupings';
import { IMPORT_COLUMNS } from '../../shared/domain/import-template';
import { REVIEW_DECISION_LABELS } from '../../shared/domain/lifecycle';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import type { Api } from '../../shared/ipc/contract';
import type { CsvFileName } from '../../shared/ipc/schemas/exports';
import type { SummaryText } from '../../shared/ipc/import-types';
import { AppError } from '../../shared/ipc/result';
import type { ExportFile } from '../../shared/ipc/types';
import { commitImport, importTemplate, previewImport } from './fake-import';
import type { FakeCase } from './fake-records';
import type { FakeState } from './fake-state';

export const EXPORT_TEAM_FORBIDDEN_MESSAGE = 'Only a team lead can export the whole team. Choose "My caseload".';

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'case'
  );
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

function casesInScope(s: FakeState, a: { scope: 'mine' | 'team'; includeClosed: boolean }): FakeCase[] {
  const me = s.me();
  if (a.scope === 'team' && me.role !== 'team_lead') throw new AppError('forbidden', EXPORT_TEAM_FORBIDDEN_MESSAGE);
  return [...s.cases.values()].filter(
    (c) =>
      (a.includeClosed || c.summary.status === 'open') &&
      (a.scope === 'team' ? c.summary.teamId === me.teamId : c.summary.leadClinicianId === me.id),
  );
}

function bundle(cases: FakeCase[], s: FakeState): string {
  const entry = cases.flatMap((c) => [
    { fullUrl: `urn:uuid:${c.summary.youngPersonId}`, resource: { resourceType: 'Patient', id: c.summary.youngPersonId, name: [{ text: c.summary.name }] } },
    { fullUrl: `urn:uuid:${c.summary.id}`, resource: { resourceType: 'EpisodeOfCare', id: c.summary.id, status: c.summary.status === 'open' ? 'active' : 'finished' } },
  ]);
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', timestamp: s.now, entry }, null, 2);
}

const jsonFile = (fileName: string, content: string): ExportFile => ({ fileName, mimeType: 'application/fhir+json', encoding: 'utf8', content });

function caseRows(file: CsvFileName, cases: FakeCase[]): string[][] {
  switch (file) {
    case 'cases':
      return [
        IMPORT_COLUMNS.slice(0, 8).map((c) => c.header),
        ...cases.map((c) => {
          const s = c.summary;
          return [s.caseRef, s.name, formatUkDate(s.dateOfBirth), formatNhsNumber(s.nhsNumber), formatUkDate(s.referralDate), formatUkDate(s.openDate), s.leadClinicianName, s.coordinatingAgency];
        }),
      ];
    case 'current-views':
      return [['Case ref', 'Completed', 'Context', 'Grouping'], ...cases.flatMap((c) => c.currentViews.map((v) => [c.summary.caseRef, formatUkDate(v.completedDate), v.context, GROUPING_LABELS[v.grouping]]))];
    case 'gbo-ratings':
      return [['Case ref', 'Goal', 'Rated on', 'Rating'], ...cases.flatMap((c) => c.goals.flatMap((g) => g.ratings.map((r) => [c.summary.caseRef, g.description, formatUkDate(r.ratedOn), String(r.score)])))];
    case 'reviews':
      return [['Case ref', 'Review date', 'Decision'], ...cases.flatMap((c) => c.reviews.map((r) => [c.summary.caseRef, formatUkDate(r.reviewDate), REVIEW_DECISION_LABELS[r.decision]]))];
    case 'endings':
      return [['Case ref', 'Ending date', 'Reason'], ...cases.flatMap((c) => (c.ending ? [[c.summary.caseRef, formatUkDate(c.ending.endingDate), c.ending.reason]] : []))];
  }
}

/** A stand-in PDF: the real one is drawn by main with pdfkit. */
function pdf(fileName: string, lines: string[]): ExportFile {
  const text = `%PDF-1.4\n${lines.map((l) => `% ${l}`).join('\n')}\n%%EOF\n`;
  return { fileName, mimeType: 'application/pdf', encoding: 'base64', content: btoa(String.fromCharCode(...new TextEncoder().encode(text))) };
}

function summaryOf(c: FakeCase, kind: 'plan' | 'review' | 'ending', reviewId: string | undefined): SummaryText {
  const s = c.summary;
  const head = [`${s.name} (case ${s.caseRef})`, `NHS number: ${formatNhsNumber(s.nhsNumber) || 'not recorded'}`];
  if (kind === 'plan') {
    if (!c.plan) throw new AppError('conflict', 'This case has no agreed plan yet');
    const goals = c.goals.filter((g) => g.status === 'active').map((g, i) => `Goal ${i + 1}: ${g.description}`);
    return { title: 'THRIVE plan summary', text: ['THRIVE plan summary', ...head, `Agreed: ${formatUkDate(c.plan.agreedDate)}`, `Target date: ${formatUkDate(c.plan.targetDate)}`, ...goals].join('\n') + '\n' };
  }
  if (kind === 'review') {
    const review = reviewId ? c.reviews.find((r) => r.id === reviewId) : c.reviews[c.reviews.length - 1];
    if (!review) throw new AppError('not_found', reviewId ? 'That review was not found' : 'This case has no reviews yet');
    return { title: 'THRIVE review summary', text: ['THRIVE review summary', ...head, `Review date: ${formatUkDate(review.reviewDate)}`, `Decision: ${REVIEW_DECISION_LABELS[review.decision]}`].join('\n') + '\n' };
  }
  if (!c.ending) throw new AppError('conflict', 'This case has not ended');
  return { title: 'THRIVE ending summary', text: ['THRIVE ending summary', ...head, `Ended: ${formatUkDate(c.ending.endingDate)}`].join('\n') + '\n' };
}

export function exportChannels(s: FakeState): Pick<Api, 'export' | 'import'> {
  return {
    export: {
      caseFhir: s.handler('export:caseFhir', (a) => {
        const c = s.getCase(a.caseId);
        return jsonFile(`thrive-fhir-${slug(c.summary.caseRef)}-${s.today}.json`, bundle([c], s));
      }),
      caseloadFhir: s.handler('export:caseloadFhir', (a) => {
        const cases = casesInScope(s, a);
        return jsonFile(`thrive-fhir-${a.scope === 'team' ? slug(s.me().teamName) : slug(s.me().name)}-${s.today}.json`, bundle(cases, s));
      }),
      caseloadCsv: s.handler('export:caseloadCsv', (a) => {
        const cases = casesInScope(s, a);
        const who = a.scope === 'team' ? slug(s.me().teamName) : slug(s.me().name);
        return {
          fileName: `thrive-${a.file}-${who}-${s.today}.csv`,
          mimeType: 'text/csv;charset=utf-8',
          encoding: 'utf8',
          content: `${a.bom ? '\uFEFF' : ''}${csv(caseRows(a.file, cases))}`,
        };
      }),
      casePdf: s.handler('export:casePdf', (a) => {
        const c = s.getCase(a.caseId);
        const name = `${slug(c.summary.caseRef)}-${s.today}.pdf`;
        if (a.document === 'family-plan') {
          if (!c.plan) throw new AppError('conflict', 'This case has no agreed plan yet');
          return pdf(`thrive-family-plan-${name}`, [`Your THRIVE plan: ${c.summary.name}`]);
        }
        if (!c.ending) throw new AppError('conflict', 'This case has not ended');
        return pdf(`thrive-ending-letter-${name}`, [`Ending summary: ${c.summary.name}`]);
      }),
      summaryText: s.handler('export:summaryText', (a) => summaryOf(s.getCase(a.caseId), a.kind, a.reviewId)),
    },
    import: {
      template: s.handler('import:template', () => importTemplate()),
      preview: s.handler('import:preview', (a) => previewImport(s, a)),
      commit: s.handler('import:commit', (a) => commitImport(s, a)),
    },
  };
}
