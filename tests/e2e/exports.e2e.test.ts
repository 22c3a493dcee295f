/**
 * Exports and import from the screens (docs/exports.md), by keyboard, in Chromium against the
 * real handlers and an encrypted database. From a case page's "Export and share" group: the FHIR
 * record downloads as a Bundle of type collection holding the young person's Patient (NHS number
 * identifier); the plan for the family downloads as a PDF whose text (pdftotext) names the young
 * person and their goal; the plan summary goes on the clipboard as plain text with its headings and
 * dd/mm/yyyy dates; each is in the audit trail. Then the import journey: "Import caseload" →
 * a CSV with two bad rows → both reported by line under "Rows with problems", nothing imported → the
 * file fixed and chosen again → "Import 4 cases" → "Import complete" → the caseload lists the
 * imported cases. axe-core checks every screen on the way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { nhsCheckDigit } from '../../shared/domain/nhs-number';
import type { CaseDetail, CaseSummary } from '../../shared/ipc/types';
import { captureDownload, pdfText } from '../support/e2e/downloads';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { tableContent } from '../support/e2e/in-page-team';
import { errorSummary, Journey, openFromCaseload, waitToSee } from '../support/e2e/journey';
import { pressButton } from '../support/e2e/keyboard';
import { call, plainRatings, setUpProfile } from '../support/e2e/seed';
import { flat } from '../support/e2e/team-exports';

const TODAY = '2026-11-16';
const CLINICIAN = 'Priya Shah';
const YOUNG_PERSON = 'Alex Morgan';
const CASE_REF = 'TH-2026-0042';
const NHS_STEM = '943476591';
const NHS_NUMBER = `${NHS_STEM}${nhsCheckDigit(NHS_STEM)}`;
const GOAL = 'To go back to school for full days';
const AGREED_OUTCOME = 'Back in school full time and sleeping well.';
const PLAN_AGREED_UK = '02/11/2026';
const IMPORTED = ['Ava Brook', 'Ben Carter', 'Cara Dunn', 'Dev Evans'];

const HEADER = 'Case ref,Name,Date of birth,NHS number,Referral date,Open date,Lead clinician';
const GOOD_ROWS = [
  `IMP-0001,${IMPORTED[0]},14/03/2012,,02/09/2026,09/09/2026,${CLINICIAN}`,
  `IMP-0002,${IMPORTED[1]},01/02/2011,,03/09/2026,10/09/2026,${CLINICIAN}`,
  `IMP-0003,${IMPORTED[2]},22/07/2013,,04/09/2026,11/09/2026,${CLINICIAN}`,
  `IMP-0004,${IMPORTED[3]},05/11/2010,,05/09/2026,12/09/2026,${CLINICIAN}`,
];
// Line 3: a date that does not exist; line 5: an NHS number whose check digit is wrong.
const BAD_ROWS = [GOOD_ROWS[0]!, GOOD_ROWS[1]!.replace('01/02/2011', '30/02/2011'), GOOD_ROWS[2]!, GOOD_ROWS[3]!.replace(',,05/09', ',1234567890,05/09')];

let suite: Suite;
let app: E2eApp;
let journey: Journey;
let caseId = '';
let csvDir = '';

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: TODAY,
    // The clinician's case, opened with its Current View and plan agreed two weeks ago.
    setup: (services) => {
      const me = setUpProfile(services, CLINICIAN);
      const opened = call<CaseSummary>(services, 'cases:open', {
        caseRef: CASE_REF,
        name: YOUNG_PERSON,
        dateOfBirth: '2011-05-20',
        nhsNumber: NHS_NUMBER,
        referralDate: '2026-10-26',
        openDate: '2026-11-02',
        leadClinicianId: me.id,
        coordinatingAgency: 'CAMHS',
      });
      caseId = opened.id;
      call(services, 'currentView:record', { caseId, completedDate: '2026-11-02', reason: 'first_contact', grouping: 'getting_help', ratings: plainRatings({ p3: 2 }) });
      call(services, 'plan:save', {
        caseId,
        agreedDate: '2026-11-02',
        goals: [{ description: GOAL, firstRating: 3 }],
        agreedOutcome: AGREED_OUTCOME,
        endingCriteria: ['Full-time attendance for four weeks running'],
        likelihood: 'likely',
        likelihoodNote: null,
        targetDate: '2027-02-01',
        contingency: 'Review the plan with the family and consider Getting More Help.',
        reviewDate: '2026-12-14',
        riskSupportSummary: null,
        sdm: { participants: ['young_person', 'parent_carer'], otherParticipants: null, optionsConsidered: 'CBT; school liaison.', decisionAid: null, collaborate: null },
      });
    },
  });
  // The copy button writes to the clipboard; the test reads it back as the progress note would paste it.
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.baseUrl).origin });
  journey = new Journey(app);
  csvDir = mkdtempSync(path.join(tmpdir(), 'thrive-e2e-import-'));
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  if (csvDir) rmSync(csvDir, { recursive: true, force: true });
  if (journey) console.log(`exports timings (ms): ${JSON.stringify(journey.timings)}\nscreenshots:\n${journey.screenshots.join('\n')}`);
});

interface Bundle {
  resourceType: string;
  type: string;
  entry?: Array<{ resource: { resourceType: string; name?: Array<{ text?: string }>; identifier?: Array<{ system?: string; value?: string }> } }>;
}

/** In the page: what a paste into the progress note would insert. */
const readClipboard = (): Promise<string> =>
  (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();

function exportGroup() {
  return app.page.getByRole('group', { name: 'Export and share' });
}

async function pressExport(name: string): Promise<void> {
  await pressButton(app.page, exportGroup().getByRole('button', { name, exact: true }), `"${name}"`);
}

describe('exports from the case page, and a caseload import', () => {
  it("downloads the case's FHIR record and the plan for the family, and copies the plan summary", async () => {
    onTestFailed(async () => {
      await app?.screenshot('exports-599-failure').catch(() => undefined);
    });
    const { page } = app;
    await journey.step('exports-01-caseload', 'My caseload', async () => {
      await openFromCaseload(page, YOUNG_PERSON);
    });
    await journey.step('exports-02-case-page', YOUNG_PERSON, async () => {
      await waitToSee(exportGroup(), 'the "Export and share" group on the case page');
    });

    await journey.timed('fhir-download', async () => {
      const saved = await captureDownload(page, '"Download FHIR record (JSON)"', () => pressExport('Download FHIR record (JSON)'));
      expect(saved.fileName).toMatch(/\.json$/);
      const bundle = JSON.parse(readFileSync(saved.file, 'utf8')) as Bundle;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const patients = (bundle.entry ?? []).map((e) => e.resource).filter((r) => r.resourceType === 'Patient');
      expect(patients).toHaveLength(1);
      expect(patients[0]!.name?.[0]?.text).toBe(YOUNG_PERSON);
      expect(patients[0]!.identifier).toContainEqual(expect.objectContaining({ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }));
      const kinds = new Set((bundle.entry ?? []).map((e) => e.resource.resourceType));
      for (const kind of ['EpisodeOfCare', 'CarePlan', 'Goal', 'Observation', 'QuestionnaireResponse']) expect(kinds, `a ${kind} in the bundle`).toContain(kind);
      await waitToSee(page.getByRole('status').filter({ hasText: `Saved ${saved.fileName}` }), `the status "Saved ${saved.fileName}."`);
    });

    await journey.timed('family-pdf-download', async () => {
      const saved = await captureDownload(page, '"Download plan for the family (PDF)"', () => pressExport('Download plan for the family (PDF)'));
      expect(saved.fileName).toMatch(/\.pdf$/);
      expect(readFileSync(saved.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = flat(pdfText(saved.file));
      expect(text).toContain(YOUNG_PERSON);
      expect(text).toContain(GOAL);
    });

    await journey.timed('copy-plan-summary', async () => {
      await pressExport('Copy plan summary');
      const manual = page.getByRole('dialog', { name: 'Copy this text' });
      const copied = page.getByRole('status').filter({ hasText: 'THRIVE plan summary copied. Paste it into the progress note.' });
      await Promise.race([copied.waitFor({ state: 'visible', timeout: 15_000 }), manual.waitFor({ state: 'visible', timeout: 15_000 })]);
      expect(await manual.isVisible(), 'the clipboard was refused (the "Copy this text" dialog opened) although permission was granted').toBe(false);
      await journey.check('exports-03-plan-copied');
      const pasted = await page.evaluate(readClipboard);
      expect(pasted.split('\n')[0]).toBe('THRIVE PLAN SUMMARY');
      for (const expected of [YOUNG_PERSON, CASE_REF, GOAL, AGREED_OUTCOME, 'What success would look like', PLAN_AGREED_UK]) {
        expect(flat(pasted), `the pasted summary holds "${expected}"`).toContain(expected);
      }
      expect(pasted).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/);
      expect(pasted, 'no markup and no ISO dates in a progress note').not.toMatch(/<\/?[a-z]|\*\*|\d{4}-\d{2}-\d{2}/);
    });

    // The two files and the copied summary are in the audit trail, filed under the case.
    const audited = app.services.db
      .prepare("SELECT json_extract(after, '$.format') FROM audit_log WHERE action = 'export.create' AND case_id = ? ORDER BY rowid")
      .pluck()
      .all(caseId) as string[];
    expect(audited).toEqual(['fhir', 'pdf:family-plan', 'text:plan-summary']);
  });

  it('reports two bad rows by line, then imports the fixed file', async () => {
    onTestFailed(async () => {
      await app?.screenshot('exports-699-import-failure').catch(() => undefined);
    });
    const { page } = app;
    const file = path.join(csvDir, 'caseload.csv');
    writeFileSync(file, `${[HEADER, ...BAD_ROWS].join('\r\n')}\r\n`);

    await pressButton(page, page.getByRole('link', { name: 'Back to caseload', exact: true }), '"Back to caseload"');
    await journey.step('exports-10-caseload', 'My caseload', async () => {
      await pressButton(page, page.getByRole('button', { name: 'Import caseload', exact: true }), '"Import caseload"');
    });

    const fileInput = page.getByLabel('Caseload CSV file', { exact: true });
    await journey.step('exports-11-import', 'Import a caseload', async () => {
      await fileInput.setInputFiles(file);
      const summary = errorSummary(page);
      await waitToSee(summary, 'the error summary "There is a problem"');
      await expect.poll(async () => flat((await summary.textContent()) ?? '')).toContain(
        '2 rows have problems. Fix them in the file and choose it again. Nothing has been imported.',
      );
      const table = page.getByRole('table', { name: 'Rows with problems', exact: true });
      await waitToSee(table, 'the table "Rows with problems"');
      const content = await table.evaluate(tableContent);
      expect(content.headers).toEqual(['Line', 'Case ref', 'Problem']);
      expect(content.rows.map((r) => r.cells.slice(0, 2))).toEqual([
        ['3', 'IMP-0002'],
        ['5', 'IMP-0004'],
      ]);
      expect(content.rows[0]!.cells[2]).toMatch(/Date of birth: .*30\/02\/2011.* is not a real date/);
      expect(content.rows[1]!.cells[2]).toMatch(/NHS number/);
      expect(await page.getByRole('button', { name: /^Import \d+ cases?$/ }).count(), 'no import button while rows are bad').toBe(0);
    });
    await journey.check('exports-12-import-problems');
    expect(call<CaseSummary[]>(app.services, 'cases:list', { status: 'all' }), 'nothing imported').toHaveLength(1);

    // The clinician fixes the two rows in the file and chooses it again.
    writeFileSync(file, `${[HEADER, ...GOOD_ROWS].join('\r\n')}\r\n`);
    await fileInput.setInputFiles(file);
    await waitToSee(page.getByRole('heading', { name: 'Check before importing', exact: true }), 'the heading "Check before importing"');
    await waitToSee(page.getByText('4 cases will be created', { exact: true }), '"4 cases will be created"');
    expect(await page.getByRole('table', { name: 'Rows with problems' }).count(), 'the problems are gone').toBe(0);
    await journey.check('exports-13-import-check');
    await pressButton(page, page.getByRole('button', { name: 'Import 4 cases', exact: true }), '"Import 4 cases"');

    await journey.step('exports-14-import-complete', 'Import complete', async () => {
      await waitToSee(page.getByText('4 cases created'), '"4 cases created"');
      await pressButton(page, page.getByRole('link', { name: 'Go to caseload', exact: true }), '"Go to caseload"');
    });
    await journey.step('exports-15-caseload-after-import', 'My caseload', async () => {
      const table = page.getByRole('table', { name: 'My open cases' });
      for (const name of IMPORTED) await waitToSee(table.getByRole('link', { name, exact: true }), `"${name}" on the caseload`);
      await openFromCaseload(page, IMPORTED[1]!);
    });
    const imported = call<CaseSummary[]>(app.services, 'cases:list', { status: 'all' }).find((c) => c.caseRef === 'IMP-0002')!;
    const detail = call<CaseDetail>(app.services, 'cases:get', { caseId: imported.id });
    expect(detail.summary).toMatchObject({ name: IMPORTED[1], dateOfBirth: '2011-02-01', openDate: '2026-09-10' });

    expect(journey.axeFindings, journey.axeFindings.join('\n')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
