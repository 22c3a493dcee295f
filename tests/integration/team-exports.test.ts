/**
 * The team view's exports through their channels: the CSV (order, dates, escaping, formula injection)
 * and the supervision pack PDF (decoded, written to a file and read back with pdftotext).
 */
import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../main/export/csv';
import { pdfToText } from '../support/pdftotext';
import { openSpecCase, TODAY } from '../support/team-fixture';
import { buildKnownTeam } from '../support/team-fixture';
import { startApp } from '../support/test-app';

/** RFC 4180 parsing, enough to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell, 'the file ends with CRLF').toBe('');
  return rows;
}

const HEADER = [
  'Rank',
  'Case ref',
  'Name',
  'NHS number',
  'Date of birth',
  'Clinician',
  'Grouping',
  'Open date',
  'Weeks open',
  'Next review',
  'Target date',
  'Flags',
  'Flag reasons',
  'Goals (first → latest)',
];

describe('team:exportCsv', () => {
  it('writes one row per open case in urgency order, with UK dates and NHS numbers as 3-3-4', () => {
    const { app, ben } = buildKnownTeam();
    const file = app.ok('team:exportCsv', {});
    expect(file).toMatchObject({ fileName: 'thrive-team-camhs-west-2026-11-22.csv', mimeType: 'text/csv;charset=utf-8', encoding: 'utf8' });
    expect(file.content.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(file.content.slice(1));
    expect(header).toEqual(HEADER);
    expect(rows.map((r) => r[1])).toEqual(app.ok('team:cases', {}).rows.map((r) => r.caseRef));
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(rows[0]).toEqual([
      '1',
      'RIO-A',
      'Alice Able',
      '943 476 5919',
      '04/03/2011',
      'Ann Lead',
      'Getting Risk Support',
      '01/09/2026',
      '11',
      '20/09/2026',
      '01/03/2027',
      'Risk Support review gap; Review overdue',
      'Risk Support review gap: No review since opening on 01/09/2026, 82 days ago: Getting Risk Support should be reviewed at least every 4 weeks.\n' +
        'Review overdue: Agreed review date 20/09/2026 passed 63 days ago; no review held since.',
      '2 → 2',
    ]);
    const bella = rows.find((r) => r[1] === 'RIO-B')!;
    expect(bella[6]).toBe('Getting Advice and Signposting');
    expect(bella[13]).toBe('3 → 7; 5 → 5');
    const cody = rows.find((r) => r[1] === 'RIO-C')!;
    expect(cody.slice(6)).toEqual(['Not recorded', '10/11/2026', '1', '', '', '', '', '']);

    const drilled = app.ok('team:exportCsv', { clinicianId: ben.id });
    expect(drilled.fileName).toBe('thrive-team-camhs-west-ben-carter-2026-11-22.csv');
    expect(parseCsv(drilled.content.slice(1)).slice(1).map((r) => r[1])).toEqual(['RIO-B', 'RIO-F', 'RIO-D', 'RIO-H']);
  });

  it('neutralises names a spreadsheet would run as formulas, and escapes quotes and commas (line breaks: main/export/csv.test.ts)', () => {
    const app = startApp(TODAY);
    const lead = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS "West", Unit 2' });
    const names = ["=cmd|' /C calc'!A0", '+1 555 0100', '-1+1', '@SUM(A1:A2)', 'O\'Brien, "Jo"', 'Zoë Łucja Siân'];
    names.forEach((name, i) => openSpecCase(app, { ref: `RIO-${i + 1}`, name, lead, open: `2026-11-0${i + 1}` }));
    const file = app.ok('team:exportCsv', {});
    expect(file.fileName).toBe('thrive-team-camhs-west-unit-2-2026-11-22.csv');
    const rows = parseCsv(file.content.slice(1)).slice(1);
    const byRef = new Map(rows.map((r) => [r[1], r[2]]));
    expect([...names.keys()].map((i) => byRef.get(`RIO-${i + 1}`))).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+1 555 0100",
      "'-1+1",
      "'@SUM(A1:A2)",
      'O\'Brien, "Jo"',
      'Zoë Łucja Siân',
    ]);
    // As bytes: the quoted forms on the wire.
    expect(file.content).toContain('"O\'Brien, ""Jo"""');
    expect(Buffer.from(file.content, 'utf8').toString('utf8')).toContain('Zoë Łucja Siân');
  });
});

describe('team:supervisionPack', () => {
  it("is a PDF of the clinician's open cases, needing action first in urgency order, with flags, plans and goal movement", () => {
    const { app, ann } = buildKnownTeam();
    const file = app.ok('team:supervisionPack', { clinicianId: ann.id });
    expect(file).toMatchObject({ fileName: 'thrive-supervision-ann-lead-2026-11-22.pdf', mimeType: 'application/pdf', encoding: 'base64' });
    const pdf = Buffer.from(file.content, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = pdfToText(pdf);

    expect(text).toContain('Supervision pack: Ann Lead');
    expect(text).toContain('Team: CAMHS West');
    expect(text).toContain('Date: 22/11/2026');
    expect(text).toContain('Open cases: 5');
    expect(text).toContain('Need action: 3');
    pages.forEach((page, i) => {
      expect(page).toContain('OFFICIAL-SENSITIVE: PERSONAL');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });

    // Ann's cases in the team's urgency order (Alice, Lara, Gwen need action; then Erin, Cody).
    const flat = text.replace(/\s+/g, ' ');
    const at = (s: string) => flat.indexOf(s);
    expect(at('Cases needing action (3)')).toBeGreaterThan(-1);
    expect(at('Other open cases (2)')).toBeGreaterThan(-1);
    const order = ['1. Alice Able', '2. Lara Lane', '3. Gwen Gray', 'Other open cases (2)', '4. Erin Eve', '5. Cody Cole'].map(at);
    expect(order.every((pos) => pos > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Ben's cases are not in Ann's pack.
    expect(flat).not.toContain('Bella Brown');

    // Flags with their reasons; plan details; goal movement with the threshold.
    expect(flat).toContain(
      'Risk Support review gap: No review since opening on 01/09/2026, 82 days ago: Getting Risk Support should be reviewed at least every 4 weeks.',
    );
    expect(flat).toContain('Review overdue: Agreed review date 23/10/2026 passed 30 days ago; no review held since.');
    expect(flat).toContain('Case ref RIO-A NHS number 943 476 5919 Getting Risk Support');
    expect(flat).toContain('What success would look like: Alice stays safe and knows who to call in a crisis.');
    expect(flat).toContain('1. No self-harm for eight weeks 2. Alice can name two people she would call');
    expect(flat).toContain('Target date: 01/03/2027; how likely by then: Likely');
    expect(flat).toContain('If not achieved by the target date: If not achieved, we will consider the group programme.');
    expect(flat).toContain('Risk-support plan: Safety plan shared with school; weekly calls.');
    expect(flat).toContain('“Sleep through most nights”: 5 to 8, Improved');
    expect(flat).toContain('“Go into town with my friends”: 5 to 6, No reliable change');
    expect(flat).toContain('A change of 3 or more points between the first and latest rating counts as meaningful');
    expect(flat).toContain('5. Cody Cole');
    expect(flat).toContain('Plan: No THRIVE plan agreed yet.');
  });
});
