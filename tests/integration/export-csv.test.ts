/**
 * The CSV set (export:caseloadCsv) on the demo caseload: each file's header and a known row, the
 * byte-order mark on and off, CRLF line ends, formula-like cells neutralised, file names and the audit
 * entry every export leaves.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_BOM } from '../../main/export/csv';
import { writeCaseloadCsvFile } from '../../main/features/export/csv-handlers';
import { tempDir } from '../support/temp-db';
import { IMPORT_COLUMNS } from '../../shared/domain/import-template';
import { byHeader, readCsv } from '../support/csv-read';
import { openCaseArgs, startApp } from '../support/test-app';

const TODAY = '2026-11-22';

function demoApp() {
  const app = startApp(TODAY);
  const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
  app.ok('demo:seed', {});
  return { ...app, profile };
}

const TEMPLATE_HEADERS = [
  'Case ref',
  'Name',
  'Date of birth',
  'NHS number',
  'Referral date',
  'Open date',
  'Lead clinician',
  'Coordinating agency',
  'Grouping',
  'Plan agreed',
  'What success would look like',
  'Ending criteria',
  'Likelihood',
  'Target date',
  'Contingency',
  'Risk-support plan summary',
  'Next review',
  ...[1, 2, 3].flatMap((n) => [`Goal ${n}`, `Goal ${n} first rating`, `Goal ${n} first rated`, `Goal ${n} latest rating`, `Goal ${n} latest rated`]),
];

describe('export:caseloadCsv — the CSV set', () => {
  it('cases.csv starts with exactly the import template columns, then the export-only ones, one row per case', () => {
    const app = demoApp();
    const file = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: true });
    expect(file.fileName).toBe('thrive-cases-caseload-sam-taylor-2026-11-22.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    const { header, rows } = readCsv(file.content);
    expect(header.slice(0, IMPORT_COLUMNS.length)).toEqual(TEMPLATE_HEADERS);
    expect(header.slice(IMPORT_COLUMNS.length)).toEqual([
      'Episode',
      'Status',
      'Closed date',
      'Team',
      'Grouping at open',
      'Grouping at close',
      'Weeks open',
      'Plan version',
      'Likelihood note',
      'Flags',
      'Flag reasons',
      'Ending reason',
    ]);
    const caseload = app.ok('caseload:list', {});
    expect(rows.map((r) => r[0]).sort()).toEqual(caseload.rows.map((r) => r.caseRef).sort());

    const amelia = byHeader(header, rows.find((r) => r[0] === 'DEMO-0001')!);
    expect(amelia).toMatchObject({
      Name: 'Amelia Hart',
      'Date of birth': '03/04/2012',
      'NHS number': '999 303 5726',
      'Referral date': '21/09/2026',
      'Open date': '13/10/2026',
      'Lead clinician': 'Sam Taylor',
      'Coordinating agency': 'CAMHS',
      Grouping: 'Getting Help',
      'Plan agreed': '18/10/2026',
      'Ending criteria': 'Attending all lessons for four weeks in a row\nAmelia rates her mood 6 or more on most days for a month',
      Likelihood: 'Likely',
      'Target date': '20/02/2027',
      'Next review': '29/11/2026',
      'Goal 1': 'To stop feeling sad all the time',
      'Goal 1 first rating': '3',
      'Goal 1 first rated': '18/10/2026',
      'Goal 1 latest rating': '5',
      'Goal 1 latest rated': '08/11/2026',
      'Goal 2': 'Go back to PE without making excuses',
      'Goal 2 first rating': '2',
      'Goal 2 latest rating': '',
      'Goal 3': '',
      Episode: '1',
      Status: 'Open',
      Team: 'CAMHS North',
      'Grouping at open': 'Getting Help',
      'Weeks open': '5',
      'Plan version': '1',
      Flags: 'Review due soon',
      'Flag reasons': 'Review due soon: Agreed review date 29/11/2026 is in 7 days.',
    });
  });

  it('current-views.csv has one row per item per completion, with SNOMED CT ids and not-known as its own value', () => {
    const app = demoApp();
    const { header, rows } = readCsv(app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: true, file: 'current-views', bom: false }).content);
    expect(header).toEqual([
      'Case ref',
      'Episode',
      'Context',
      'Completed date',
      'Reason for completing',
      'Grouping',
      'Section',
      'Item number',
      'Item code',
      'Item',
      'SNOMED CT id',
      'Rating',
      'Rating label',
    ]);
    const amelia = rows.filter((r) => r[0] === 'DEMO-0001');
    expect(amelia).toHaveLength(50); // one completion (at open), 50 items
    expect(byHeader(header, amelia.find((r) => r[8] === 'p9')!)).toEqual({
      'Case ref': 'DEMO-0001',
      Episode: '1',
      Context: 'Open',
      'Completed date': '13/10/2026',
      'Reason for completing': 'First contact',
      Grouping: 'Getting Help',
      Section: 'Provisional problem descriptions',
      'Item number': '9',
      'Item code': 'p9',
      Item: 'Depression/low mood',
      'SNOMED CT id': '987331000000104',
      Rating: '2',
      'Rating label': 'Moderate',
    });
    const complexity = rows.filter((r) => r[6] === 'Selected complexity factors');
    expect(complexity.length).toBeGreaterThan(0);
    expect(complexity.every((r) => r[10] === '' && ['Yes', 'No', 'Not known'].includes(r[11]!))).toBe(true);
    const severity = rows.filter((r) => r[6] !== 'Selected complexity factors');
    expect(severity.every((r) => ['0', '1', '2', '3', 'Not known'].includes(r[11]!))).toBe(true);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['Open', 'Review', 'Close']));
  });

  it('gbo-ratings.csv, reviews.csv and endings.csv carry every rating, review and ending', () => {
    const app = demoApp();
    const gbo = readCsv(app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: true, file: 'gbo-ratings', bom: true }).content);
    expect(gbo.header).toEqual(['Case ref', 'Episode', 'Goal number', 'Goal', 'Goal status', 'Goal set on', 'Goal ended on', 'Rated on', 'Score', 'Context']);
    expect(gbo.rows.filter((r) => r[0] === 'DEMO-0001')).toEqual([
      ['DEMO-0001', '1', '1', 'To stop feeling sad all the time', 'Active', '18/10/2026', '', '18/10/2026', '3', 'Plan agreed'],
      ['DEMO-0001', '1', '1', 'To stop feeling sad all the time', 'Active', '18/10/2026', '', '08/11/2026', '5', 'Session'],
      ['DEMO-0001', '1', '2', 'Go back to PE without making excuses', 'Active', '18/10/2026', '', '18/10/2026', '2', 'Plan agreed'],
    ]);

    const reviews = readCsv(app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: true, file: 'reviews', bom: true }).content);
    expect(reviews.header).toEqual([
      'Case ref',
      'Episode',
      'Review date',
      'Who attended',
      'Other attendees',
      'Decision',
      'Grouping at review',
      'Current View recorded',
      'Goal ratings',
      'Criteria progress',
      'Explicit discussion',
      'Ending plan',
      'Next review',
      'Notes',
    ]);
    expect(reviews.rows.find((r) => r[0] === 'DEMO-0003')).toEqual([
      'DEMO-0003',
      '1',
      '13/10/2026',
      'Young person; Others (say who)',
      'Social worker',
      'Continue with the plan',
      '',
      'No',
      'Goal 1: 1',
      'No hospital attendances for self-harm for eight weeks: Not yet\nRuby uses her safety plan and can name two people she would call: Partly met',
      '',
      '',
      '04/11/2026',
      'Ruby left early, so the Current View was not completed.',
    ]);

    const endings = readCsv(app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: true, file: 'endings', bom: true }).content);
    expect(endings.header).toEqual([
      'Case ref',
      'Episode',
      'Ending date',
      'Reason for ending',
      'Other reason',
      'MHSDS closure code',
      'Grouping at close',
      'Current View recorded',
      'Criteria status',
      'Final ratings',
      'Discussed from the start',
      'Continuing support',
      'Signposting',
      'Wellbeing plan',
    ]);
    expect(endings.rows.find((r) => r[0] === 'DEMO-0025')).toEqual([
      'DEMO-0025',
      '1',
      '20/09/2026',
      'Ending criteria met',
      '',
      '',
      'Thriving',
      'Yes',
      'On time for school four days a week for a month: Met\nDaniel says worry no longer keeps him awake: Met',
      'Goal 1: 9',
      'Yes',
      '',
      'Kooth online support; school pastoral team',
      "Daniel's wind-down routine and what to do on a bad night, kept on his phone.",
    ]);
    // Open cases only: no endings, just the header.
    const openOnly = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'endings', bom: false });
    expect(openOnly.content.split('\r\n')).toHaveLength(2);
  });

  it('writes a UTF-8 byte-order mark only when asked, and CRLF after every line', () => {
    const app = demoApp();
    const withBom = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: true }).content;
    const without = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: false }).content;
    expect(withBom.startsWith(`${CSV_BOM}Case ref,Name,`)).toBe(true);
    expect(without.startsWith('Case ref,Name,')).toBe(true);
    expect(withBom.slice(1)).toBe(without);
    // No bare LF outside quoted cells: every record ends CRLF (line breaks inside cells are quoted).
    expect(without.endsWith('\r\n')).toBe(true);
    expect(readCsv(without).rows.every((r) => r.length === readCsv(without).header.length)).toBe(true);
  });

  it('neutralises formula-like cells, and records the export in the audit trail', () => {
    const app = startApp(TODAY);
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    app.ok('cases:open', openCaseArgs(profile.id, { name: '=HYPERLINK("http://evil.example","Jess")', coordinatingAgency: '@SUM(1+1)' }));
    const before = app.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export.create'").pluck().get();
    const file = app.ok('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: false });
    expect(file.content).toContain(`"'=HYPERLINK(""http://evil.example"",""Jess"")"`);
    const row = byHeader(readCsv(file.content).header, readCsv(file.content).rows[0]!);
    expect(row.Name).toBe(`'=HYPERLINK("http://evil.example","Jess")`);
    expect(row['Coordinating agency']).toBe("'@SUM(1+1)");
    const audit = app.services.db
      .prepare("SELECT actor_id, after FROM audit_log WHERE action = 'export.create' ORDER BY seq DESC LIMIT 1")
      .get() as { actor_id: string; after: string };
    expect(app.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export.create'").pluck().get()).toBe(Number(before) + 1);
    expect(audit.actor_id).toBe(profile.id);
    expect(JSON.parse(audit.after)).toEqual({ format: 'csv:cases', fileName: file.fileName, cases: 1 });
  });

  it('streams the same file to disk for the command line, reporting progress case by case', () => {
    const app = demoApp();
    const path = join(tempDir(), 'cases.csv');
    const progress: Array<[number, number]> = [];
    const args = { scope: 'mine', includeClosed: true, file: 'reviews', bom: true } as const;
    const written = writeCaseloadCsvFile(app.services.db, app.clock, args, path, (done, total) => progress.push([done, total]));
    const viaIpc = app.ok('export:caseloadCsv', args);
    expect(written.fileName).toBe(viaIpc.fileName);
    expect(readFileSync(path, 'utf8')).toBe(viaIpc.content);
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(progress.at(-1)).toEqual([written.cases, written.cases]);
    expect(progress).toHaveLength(written.cases);
  });

  it('needs a profile, and the team scope is for team leads', () => {
    const app = startApp(TODAY);
    const none = app.call('export:caseloadCsv', { scope: 'mine', includeClosed: false, file: 'cases', bom: true });
    expect(none.ok ? null : none.error.code).toBe('forbidden');
    app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const team = app.call('export:caseloadCsv', { scope: 'team', includeClosed: false, file: 'cases', bom: true });
    expect(team.ok ? null : team.error.code).toBe('forbidden');
  });
});
