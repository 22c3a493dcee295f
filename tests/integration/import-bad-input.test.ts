/**
 * Bad input for the caseload import (docs/exports.md, "Import"): each kind of bad file is reported clearly — a file error,
 * missing columns, or each bad row by line with reasons naming the column — and nothing is written
 * (every table's row count, audit trail included, is unchanged after the refused commit).
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_TOO_LARGE_MESSAGE } from '../../shared/ipc/schemas/import';
import { tableCounts } from '../support/temp-db';
import { toBase64 } from '../support/csv-read';
import { startApp } from '../support/test-app';

const TODAY = '2026-11-22';

const HEADER = [
  'Case ref',
  'Name',
  'Date of birth',
  'NHS number',
  'Referral date',
  'Open date',
  'Lead clinician',
  'Grouping',
  'Plan agreed',
  'What success would look like',
  'Ending criteria',
  'Likelihood',
  'Target date',
  'Contingency',
  'Next review',
  'Goal 1',
  'Goal 1 first rating',
];

type Row = Partial<Record<(typeof HEADER)[number], string>>;

/** A valid row with a plan, to vary one cell at a time. */
function row(n: number, overrides: Row = {}): Row {
  return {
    'Case ref': `RIO-${n}`,
    Name: `Young Person ${n}`,
    'Date of birth': '14/05/2012',
    'NHS number': '',
    'Referral date': '01/10/2026',
    'Open date': '20/10/2026',
    'Lead clinician': 'Sam Taylor',
    Grouping: 'Getting Help',
    'Plan agreed': '27/10/2026',
    'What success would look like': 'Back at school most days',
    'Ending criteria': 'Attending four days a week for a month\nCan manage low days',
    Likelihood: 'Likely',
    'Target date': '27/02/2027',
    Contingency: 'Consider the group programme',
    'Next review': '08/12/2026',
    'Goal 1': 'Go to school without feeling sick',
    'Goal 1 first rating': '3',
    ...overrides,
  };
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: Row[], header: readonly string[] = HEADER): string {
  return [header, ...rows.map((r) => header.map((h) => r[h as keyof Row] ?? ''))].map((cells) => `${cells.map(cell).join(',')}\r\n`).join('');
}

function importApp() {
  const app = startApp(TODAY);
  const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
  return { ...app, profile };
}

/** Preview then commit; the commit must be refused and write nothing. Returns the preview and the refusal. */
function refused(app: ReturnType<typeof importApp>, contentBase64: string, mapping?: Record<string, string | null>) {
  const args = { fileName: 'caseload.csv', contentBase64, ...(mapping ? { mapping } : {}) };
  const before = tableCounts(app.services.db);
  const preview = app.ok('import:preview', args);
  expect(preview.canImport).toBe(false);
  const commit = app.call('import:commit', args);
  if (commit.ok) expect.fail(`import:commit should have been refused: ${JSON.stringify(commit.value)}`);
  expect(commit.error.code).toBe('validation');
  expect(commit.error.message).toMatch(/[Nn]othing was imported/);
  expect(tableCounts(app.services.db)).toEqual(before);
  return { preview, message: commit.error.message };
}

describe('import — bad files are reported clearly and nothing is written', () => {
  it('refuses a Windows-1252 file ("Siân" saved by older Excel) and UTF-16, saying to save as CSV UTF-8', () => {
    const app = importApp();
    const text = csv([row(1, { Name: 'Siân Jones' })]);
    const cp1252 = Buffer.from(text, 'latin1');
    expect(cp1252.includes(0xe2)).toBe(true);
    const { preview, message } = refused(app, cp1252.toString('base64'));
    expect(preview.fileError).toContain('not saved as UTF-8');
    expect(preview.fileError).toContain('"CSV UTF-8 (Comma delimited)"');
    expect(message).toContain('CSV UTF-8');
    expect(preview.toCreate).toEqual([]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(refused(app, utf16.toString('base64')).preview.fileError).toContain('"Unicode text" (UTF-16)');
    expect(refused(app, Buffer.from(text, 'utf16le').toString('base64')).preview.fileError).toContain('UTF-16');

    // The same file saved as CSV UTF-8 (with Excel's byte-order mark) imports, accents intact.
    const good = app.ok('import:commit', { fileName: 'caseload.csv', contentBase64: Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64') });
    expect(app.ok('cases:get', { caseId: good.caseIds[0]! }).summary.name).toBe('Siân Jones');
  });

  it('reports missing required columns, and the mapping step fixes them', () => {
    const app = importApp();
    const header = HEADER.map((h) => (h === 'Date of birth' ? 'Born' : h)).filter((h) => h !== 'Open date');
    const text = csv([{ ...row(1), Born: '14/05/2012' } as Row], header);
    const { preview, message } = refused(app, toBase64(text));
    expect(preview.missingColumns).toEqual([
      { key: 'dateOfBirth', header: 'Date of birth' },
      { key: 'openDate', header: 'Open date' },
    ]);
    expect(preview.ignoredHeaders).toEqual(['Born']);
    expect(preview.badRows).toEqual([]);
    expect(message).toBe('2 required columns are not matched to a column of the file; nothing was imported.');

    // Date of birth mapped to "Born"; Open date still missing.
    const mapped = app.ok('import:preview', { fileName: 'caseload.csv', contentBase64: toBase64(text), mapping: { dateOfBirth: 'Born' } });
    expect(mapped.missingColumns).toEqual([{ key: 'openDate', header: 'Open date' }]);
    expect(mapped.mapping.dateOfBirth).toBe('Born');
  });

  it('reports US-ordered and impossible dates by line, naming the column and the value', () => {
    const app = importApp();
    const { preview, message } = refused(
      app,
      toBase64(csv([row(1, { 'Referral date': '10/25/2026' }), row(2), row(3, { 'Date of birth': '31/02/2012', 'Target date': '29/02/2027' })])),
    );
    expect(preview.badRows).toEqual([
      {
        line: 2,
        caseRef: 'RIO-1',
        reasons: ['Referral date: "10/25/2026" looks like a US date (month first); write it day first as dd/mm/yyyy, for example 25/10/2026'],
      },
      {
        line: 4,
        caseRef: 'RIO-3',
        reasons: [
          'Date of birth: "31/02/2012" is not a real date (there is no 31 February 2012)',
          'Target date: "29/02/2027" is not a real date (there is no 29 February 2027)',
        ],
      },
    ]);
    expect(message).toBe('2 rows have problems; nothing was imported. Fix them in the file and choose it again.');
  });

  it('reports a bad NHS number with the Modulus 11 message', () => {
    const app = importApp();
    const { preview } = refused(app, toBase64(csv([row(1, { 'NHS number': '943 476 5918' }), row(2, { 'NHS number': '12345' })])));
    expect(preview.badRows).toEqual([
      { line: 2, caseRef: 'RIO-1', reasons: ['NHS number "943 476 5918" is not valid: check the digits (the check digit does not match)'] },
      { line: 3, caseRef: 'RIO-2', reasons: ['NHS number "12345" must be 10 digits'] },
    ]);
  });

  it('reports a case reference used twice in the file on both lines (and an NHS number twice)', () => {
    const app = importApp();
    const { preview } = refused(
      app,
      toBase64(csv([row(1, { 'NHS number': '943 476 5919' }), row(2), row(1, { 'Case ref': 'rio-1', Name: 'Someone Else' }), row(4, { 'NHS number': '9434765919' })])),
    );
    expect(preview.badRows).toEqual([
      {
        line: 2,
        caseRef: 'RIO-1',
        reasons: [
          'Case ref: RIO-1 appears more than once in the file (lines 2 and 4); each case must be on one row',
          'NHS number: 943 476 5919 appears more than once in the file (lines 2 and 5); each case must be on one row',
        ],
      },
      { line: 4, caseRef: 'rio-1', reasons: ['Case ref: rio-1 appears more than once in the file (lines 2 and 4); each case must be on one row'] },
      { line: 5, caseRef: 'RIO-4', reasons: ['NHS number: 943 476 5919 appears more than once in the file (lines 2 and 5); each case must be on one row'] },
    ]);
  });

  it("refuses formula-like cells, but restores cells the app's own export neutralised", () => {
    const app = importApp();
    const { preview } = refused(
      app,
      toBase64(
        csv([
          row(1, { Name: '=HYPERLINK("http://evil.example","Jess")' }),
          row(2, { 'What success would look like': '+44 7700 900123 can call', 'Goal 1': '@SUM(A1)' }),
          row(3, { Contingency: '\t=1+1' }),
        ]),
      ),
    );
    expect(preview.badRows.map((b) => [b.line, b.reasons])).toEqual([
      [2, ['Name: "=HYPERLINK("http://evil.example","Jess")" starts with "=", so a spreadsheet could run it as a formula; remove that character (or start the cell with a single quote \' if the text really begins with it)']],
      [
        3,
        [
          'What success would look like: "+44 7700 900123 can call" starts with "+", so a spreadsheet could run it as a formula; remove that character (or start the cell with a single quote \' if the text really begins with it)',
          'Goal 1: "@SUM(A1)" starts with "@", so a spreadsheet could run it as a formula; remove that character (or start the cell with a single quote \' if the text really begins with it)',
        ],
      ],
      [4, ['Contingency: " =1+1" starts with a tab, so a spreadsheet could run it as a formula; remove that character (or start the cell with a single quote \' if the text really begins with it)']],
    ]);

    // Neutralised as the export writes them: imported as the text itself, and exported neutralised again.
    const ok = app.ok('import:commit', {
      fileName: 'caseload.csv',
      contentBase64: toBase64(csv([row(1, { Name: "'=Jess", 'What success would look like': "'+44 7700 900123 can call", 'Goal 1': "'-5 worries a day" })])),
    });
    const detail = app.ok('cases:get', { caseId: ok.caseIds[0]! });
    expect(detail.summary.name).toBe('=Jess');
    expect(detail.plan!.agreedOutcome).toBe('+44 7700 900123 can call');
    expect(detail.goals[0]!.description).toBe('-5 worries a day');
    const out = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: false }).content;
    expect(out).toContain("RIO-1,'=Jess,");
    expect(out).toContain("'-5 worries a day");
  });

  it('reports an empty file, a header with no rows, and an unclosed quote with its line', () => {
    const app = importApp();
    expect(refused(app, '').preview.fileError).toBe('The file is empty. Choose the caseload CSV file (it needs a header row and one row per case).');
    expect(refused(app, toBase64('\r\n \r\n')).preview.fileError).toContain('The file is empty');
    expect(refused(app, toBase64(csv([]))).preview.fileError).toBe('The file has a header row but no cases under it.');
    const unclosed = `${csv([row(1)])}RIO-2,"Jess Example,14/05/2012\r\nRIO-3,Someone,14/05/2012\r\n`;
    expect(refused(app, toBase64(unclosed)).preview.fileError).toMatch(/^Line 4 of the file opens a quoted cell \("\) that is never closed/);
  });

  it('refuses a 100 MB file at once, on the schema size limit, before reading it', () => {
    const app = importApp();
    const before = tableCounts(app.services.db);
    const contentBase64 = Buffer.alloc(100 * 1024 * 1024, 0x41).toString('base64');
    const started = performance.now();
    for (const channel of ['import:preview', 'import:commit'] as const) {
      const result = app.call(channel, { fileName: 'huge.csv', contentBase64 });
      if (result.ok) expect.fail(`${channel} accepted a 100 MB file`);
      expect(result.error.code).toBe('validation');
      expect(result.error.fields).toEqual([{ path: 'contentBase64', message: IMPORT_TOO_LARGE_MESSAGE }]);
    }
    expect(performance.now() - started).toBeLessThan(3000);
    expect(tableCounts(app.services.db)).toEqual(before);
  });

  it('lists unknown groupings and likelihoods with the allowed values, and a plan with a missing field', () => {
    const app = importApp();
    const { preview } = refused(
      app,
      toBase64(csv([row(1, { Grouping: 'Getting Lots of Help', Likelihood: 'Maybe' }), row(2, { 'Ending criteria': '', Contingency: '' })])),
    );
    expect(preview.badRows).toEqual([
      {
        line: 2,
        caseRef: 'RIO-1',
        reasons: [
          'Grouping: "Getting Lots of Help" is not a THRIVE grouping; use one of Thriving, Getting Advice and Signposting, Getting Help, Getting More Help, Getting Risk Support',
          'Likelihood: "Maybe" is not one of Likely, Possible, Unlikely',
        ],
      },
      {
        line: 3,
        caseRef: 'RIO-2',
        reasons: [
          'Ending criteria: this column is required but the cell is empty',
          'Contingency: Say what will happen if the outcome is not achieved by the target date',
        ],
      },
    ]);
  });

  it('a file with two bad rows is reported by line; fixed, it imports every row in one go', () => {
    const app = importApp();
    const rows = [row(1), row(2, { 'Open date': '20/09/2026' }), row(3), row(4, { 'Goal 1 first rating': '11', 'Lead clinician': 'Alex Morgan' })];
    const { preview, message } = refused(app, toBase64(csv(rows)));
    expect(preview.badRows).toEqual([
      { line: 3, caseRef: 'RIO-2', reasons: ['Open date "20/09/2026" must be on or after the referral date'] },
      { line: 5, caseRef: 'RIO-4', reasons: ['Goal 1 first rating: Enter a rating from 0 to 10'] },
    ]);
    expect(preview.toCreate.map((r) => r.line)).toEqual([2, 4]);
    expect(message).toBe('2 rows have problems; nothing was imported. Fix them in the file and choose it again.');

    rows[1] = row(2);
    rows[3] = row(4, { 'Lead clinician': 'Alex Morgan' });
    const fixed = { fileName: 'caseload.csv', contentBase64: toBase64(csv(rows)) };
    const ready = app.ok('import:preview', fixed);
    expect(ready).toMatchObject({ canImport: true, badRows: [], newClinicians: ['Alex Morgan'] });
    expect(ready.toCreate.map((r) => [r.line, r.caseRef, r.plan, r.goals])).toEqual([
      [2, 'RIO-1', true, 1],
      [3, 'RIO-2', true, 1],
      [4, 'RIO-3', true, 1],
      [5, 'RIO-4', true, 1],
    ]);
    const result = app.ok('import:commit', fixed);
    expect(result).toMatchObject({ created: 4, skipped: 0, cliniciansAdded: 1 });
    const caseload = app.ok('caseload:list', {});
    expect(caseload.rows.map((r) => r.caseRef).sort()).toEqual(['RIO-1', 'RIO-2', 'RIO-3']);
    const detail = app.ok('cases:get', { caseId: result.caseIds[0]! });
    expect(detail.summary).toMatchObject({ grouping: 'getting_help', nextReviewDate: '2026-12-08', targetDate: '2027-02-27', planComplete: true });
    expect(detail.flags.map((f) => f.code)).toContain('current_view_missing');
  });

  it('imports a Getting Risk Support plan whose review date in force is months after it was agreed, and flags the review gap', () => {
    const app = importApp();
    const result = app.ok('import:commit', {
      fileName: 'caseload.csv',
      contentBase64: toBase64(
        csv(
          [row(1, { Grouping: 'Getting Risk Support', 'Plan agreed': '22/10/2026', 'Next review': '04/02/2027', 'Risk-support plan summary': 'Weekly check-in; safety plan shared' } as Row)],
          [...HEADER, 'Risk-support plan summary'],
        ),
      ),
    });
    const detail = app.ok('cases:get', { caseId: result.caseIds[0]! });
    expect(detail.plan).toMatchObject({ grouping: 'getting_risk_support', reviewDate: '2027-02-04', riskSupportSummary: 'Weekly check-in; safety plan shared' });
    expect(detail.flags.find((f) => f.code === 'risk_support_review_gap')?.reason).toBe(
      'No review since opening on 20/10/2026, 33 days ago: Getting Risk Support should be reviewed at least every 4 weeks.',
    );
  });

  it('needs a profile (imports are written in the clinician’s name, into their team)', () => {
    const app = startApp(TODAY);
    const result = app.call('import:preview', { fileName: 'caseload.csv', contentBase64: toBase64(csv([row(1)])) });
    expect(result.ok ? null : result.error.code).toBe('forbidden');
  });

  it('refuses rows the file marks closed (an export of open and closed cases)', () => {
    const app = importApp();
    const header = [...HEADER, 'Status'];
    const { preview } = refused(app, toBase64(csv([{ ...row(1), Status: 'Open' } as Row, { ...row(2), Status: 'Closed' } as Row], header)));
    expect(preview.badRows).toEqual([
      { line: 3, caseRef: 'RIO-2', reasons: ['Status: this case is closed, and the import brings in open cases only; remove the row (or export open cases only)'] },
    ]);
  });

  it('the template is the header row of the template columns', () => {
    const app = importApp();
    const template = app.ok('import:template', {});
    expect(template.fileName).toBe('thrive-import-template.csv');
    expect(template.content).toBe(`\uFEFF${['Case ref', 'Name', 'Date of birth', 'NHS number', 'Referral date', 'Open date', 'Lead clinician', 'Coordinating agency'].join(',')},Grouping,Plan agreed,What success would look like,Ending criteria,Likelihood,Target date,Contingency,Risk-support plan summary,Next review,${[1, 2, 3].map((n) => `Goal ${n},Goal ${n} first rating,Goal ${n} first rated,Goal ${n} latest rating,Goal ${n} latest rated`).join(',')}\r\n`);
  });
});
