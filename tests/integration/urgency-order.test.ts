/**
 * One "most urgent first" order everywhere (shared/domain/urgency.ts, hazard H41): on one real database,
 * the caseload screen's default sort, the `thrive caseload` command (a real process), the team view,
 * the team CSV and the supervision pack list the same cases in the same order, with the most overdue
 * first among cases that carry the same flag.
 *
 * Ann Lead (team lead, CAMHS West) holds every case, so her caseload and her team are the same cases.
 * On 22/11/2026:
 *   Zara Quinn  Risk Support, no review since opening 01/09 (review next due 05/12)  → Risk Support gap
 *   Cal Cobb    review due 13/10                                                   → overdue 40 days
 *   Ben Birch   review due 02/11                                                   → overdue 20 days
 *   Dot Dove    review due 02/11                                                   → overdue 20 days (tie: by name)
 *   Amy Ash     review due 17/11                                                   → overdue 5 days
 *   Fay Fox     target 01/10, next review 30/12                                    → past target 52 days
 *   Eli Elm     target 01/11, next review 10/12                                    → past target 21 days
 *   Gus Gale    open since 01/10 with no plan                                      → no plan
 *   Hal Hunt    review due 26/11                                                   → review due soon
 *   Ivy Ito     review due 10/01/2027                                              → no flag
 *   Jon Jay     opened 15/11, nothing recorded                                     → no flag, no review date
 * The names run against the overdue days on purpose: a sort that falls back to the name among equally
 * flagged cases, or that orders by severity and then the next review date, puts them differently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgencyOrderMarkdown, urgencyOrderSentence } from '../../shared/domain/urgency-note';
import { sortRows } from '../../renderer/features/caseload/caseload-rows';
import { useCaseloadViewStore } from '../../renderer/stores/caseload-view';
import { bundleCli, runBin } from '../support/cli-bundle';
import { tempDbPath } from '../support/temp-db';
import { pdfToText } from '../support/pdftotext';
import { readCsv } from '../support/csv-read';
import { startApp, type TestApp } from '../support/test-app';
import { openSpecCase, review, TODAY } from '../support/team-fixture';

const EXPECTED = [
  'Zara Quinn',
  'Cal Cobb',
  'Ben Birch',
  'Dot Dove',
  'Amy Ash',
  'Fay Fox',
  'Eli Elm',
  'Gus Gale',
  'Hal Hunt',
  'Ivy Ito',
  'Jon Jay',
];

function seed(app: TestApp) {
  const ann = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
  const goals = [{ words: 'Go to school every day', first: 3 }];
  const planned = (ref: string, name: string, open: string, agreed: string, reviewOn: string, target = '2027-03-01') =>
    openSpecCase(app, { ref, name, lead: ann, open, grouping: 'getting_help', plan: { agreed, review: reviewOn, target, goals } });

  openSpecCase(app, {
    ref: 'RIO-Z',
    name: 'Zara Quinn',
    lead: ann,
    open: '2026-09-01',
    grouping: 'getting_risk_support',
    plan: { agreed: '2026-11-10', review: '2026-12-05', target: '2027-03-01', goals },
  });
  planned('RIO-A', 'Amy Ash', '2026-09-01', '2026-09-05', '2026-11-17');
  planned('RIO-B', 'Ben Birch', '2026-09-01', '2026-09-05', '2026-11-02');
  planned('RIO-C', 'Cal Cobb', '2026-09-01', '2026-09-05', '2026-10-13');
  planned('RIO-D', 'Dot Dove', '2026-09-01', '2026-09-05', '2026-11-02');
  // Past their target date, each reviewed once since with the next review still weeks away.
  review(app, planned('RIO-E', 'Eli Elm', '2026-05-01', '2026-05-05', '2026-06-15', '2026-11-01'), '2026-06-15', '2026-12-10', [4], 'getting_help');
  review(app, planned('RIO-F', 'Fay Fox', '2026-04-01', '2026-04-05', '2026-05-15', '2026-10-01'), '2026-05-15', '2026-12-30', [4], 'getting_help');
  openSpecCase(app, { ref: 'RIO-G', name: 'Gus Gale', lead: ann, open: '2026-10-01', grouping: 'getting_help' });
  planned('RIO-H', 'Hal Hunt', '2026-10-20', '2026-10-25', '2026-11-26');
  planned('RIO-I', 'Ivy Ito', '2026-11-10', '2026-11-12', '2027-01-10');
  openSpecCase(app, { ref: 'RIO-J', name: 'Jon Jay', lead: ann, open: '2026-11-15' });
  return ann;
}

/** The case names of the CLI's table, top to bottom (the rows between the header and the blank line). */
function cliNames(stdout: string): string[] {
  const lines = stdout.split('\n');
  const header = lines.findIndex((l) => l.startsWith('Name  '));
  const end = lines.indexOf('', header);
  return lines.slice(header + 1, end).map((l) => l.split(/\s{2,}/)[0]!);
}

/** The pack's case headings ("3. Ben Birch"), in print order: lines that are a rank and a case name. */
function packNames(text: string, names: readonly string[]): string[] {
  return text.split('\n').flatMap((l) => {
    const m = /^(\d+)\. (.+)$/.exec(l.trim());
    return m && names.includes(m[2]!) ? [m[2]!] : [];
  });
}

describe('"most urgent first" is one order', () => {
  let bin: string;
  let dispose = () => {};
  beforeAll(async () => {
    ({ bin, dispose } = await bundleCli());
  }, 60_000);
  afterAll(() => dispose());

  it('the caseload screen, `thrive caseload`, the team view, the team CSV and the supervision pack list the same cases in the same order, most overdue first', () => {
    const db = tempDbPath();
    const init = runBin(bin, ['--db', db, 'init']);
    expect(init.status, init.stderr).toBe(0);

    const app = startApp(TODAY, db);
    let lists: Record<string, string[]>;
    try {
      const ann = seed(app);
      const caseload = app.ok('caseload:list', {});
      // The screen's own sort, as it stands when the caseload opens, applied to what caseload:list gives
      // and to the same rows reversed (so the test does not lean on the order the rows arrive in).
      const screenSort = useCaseloadViewStore.getInitialState().sort;
      const team = app.ok('team:cases', {});
      const csv = readCsv(app.ok('team:exportCsv', {}).content);
      const pack = pdfToText(Buffer.from(app.ok('team:supervisionPack', { clinicianId: ann.id }).content, 'base64')).text;
      // The pack tells its reader the order in the words written from that same order.
      expect(pack.replace(/\s+/g, ' ')).toContain(urgencyOrderSentence());
      lists = {
        screen: sortRows(caseload.rows, screenSort).map((r) => r.name),
        'screen (rows reversed)': sortRows([...caseload.rows].reverse(), screenSort).map((r) => r.name),
        'team view': team.rows.map((r) => r.name),
        'team CSV': csv.rows.map((r) => r[csv.header.indexOf('Name')]!),
        'supervision pack': packNames(pack, EXPECTED),
      };
      expect(csv.rows.map((r) => r[0])).toEqual(EXPECTED.map((_, i) => String(i + 1)));
      expect(team.rows.map((r) => r.rank)).toEqual(EXPECTED.map((_, i) => i + 1));
    } finally {
      // Closed before the CLI opens the file, as a clinician's app would be.
      app.services.close();
    }

    const cli = runBin(bin, ['--db', db, '--today', TODAY, 'caseload']);
    expect(cli.status, cli.stderr).toBe(0);
    lists['thrive caseload'] = cliNames(cli.stdout);

    // One comparison of every list, so a failure shows each list that differs.
    expect(lists).toEqual(Object.fromEntries(Object.keys(lists).map((where) => [where, EXPECTED])));
  });

  it('is described in docs/team-view.md in the words written from the order itself', () => {
    const path = resolve(__dirname, '../../docs/team-view.md');
    const doc = readFileSync(path, 'utf8');
    const [start, end] = ['<!-- urgency-order:start -->\n', '\n<!-- urgency-order:end -->'];
    const from = doc.indexOf(start) + start.length;
    const to = doc.indexOf(end);
    expect(from, 'the start and end markers').toBeGreaterThanOrEqual(start.length);
    expect(to).toBeGreaterThan(from);
    const generated = urgencyOrderMarkdown();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, doc.slice(0, from) + generated + doc.slice(to));
    else expect(doc.slice(from, to)).toBe(generated);
  });
});
