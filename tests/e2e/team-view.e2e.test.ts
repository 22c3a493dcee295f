/**
 * The team lead's caseload review (docs/team-view.md), by keyboard alone, in Chromium
 * against the real handlers and an encrypted database holding the demo team (the demo seed makes the
 * profile its team lead): the header's "Team" link → "Team caseload review" with its summary line and
 * the team's cases most urgent first (checked against team:cases and the documented urgency order) →
 * one clinician chosen in "Clinician" → rows and counts narrow to them → a flagged case opened from
 * the table with the arrows and Enter shows its flag and reason → back → the supervision pack PDF
 * (read back with pdftotext) and the CSV (parsed) are downloaded and match the services. Every chart
 * section has its table, the Flag and Grouping filters, the drill-down by a clinician's name and the
 * endings period work from the keyboard, a formula-like name is neutralised in the CSV, the Name and
 * Case ref columns are readable in full, and axe-core finds nothing on the team view, whole, filtered
 * and drilled down. A second test renders the team view and a download under the strict CSP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { DEMO_TEAM_LEAD, DEMO_TEAM_NAME } from '../../main/features/demo/colleagues';
import { addDaysTo, formatUkDate, type IsoDate } from '../../shared/dates';
import { FLAG_LABELS } from '../../shared/domain/flags';
import { GBO_CHANGE_LABELS } from '../../shared/domain/gbo';
import { GROUPING_LABELS } from '../../shared/domain/groupings';
import { ENDING_REASON_LABELS } from '../../shared/domain/lifecycle';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import { needsAction, sortByUrgency } from '../../shared/domain/urgency';
import type { AppState, CaseDetail, TeamCaseRow, TeamCases, TeamOverview } from '../../shared/ipc/types';
import { captureDownload, pdfPageSize, pdfPages, pdfText } from '../support/e2e/downloads';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { chartSection, clippedCells, tableContent } from '../support/e2e/in-page-team';
import { Journey, waitForHeading, waitToSee } from '../support/e2e/journey';
import { pressButton, tabTo, typeInto } from '../support/e2e/keyboard';
import { call, openCase } from '../support/e2e/seed';
import { checkCsvDownload, CSV_HEADER, flat, slug, stripPageFurniture } from '../support/e2e/team-exports';
import {
  chooseOption,
  focusTeamRow,
  mostUrgentFlagLabel,
  openTeamView,
  shownRows,
  summaryPattern,
  tabIntoTeamRows,
  TEAM_COLUMNS,
  TEAM_HEADING,
  teamTable,
  waitForTeamRows,
} from '../support/e2e/team';

const TODAY: IsoDate = '2026-11-16';
const TODAY_UK = '16/11/2026';
const LEAD = DEMO_TEAM_LEAD.name;
const FORMULA_CASE_REF = 'TEST-0001';
const FORMULA_NAME = '=HYPERLINK("https://example.org","Sam")';

const CHART_SECTIONS = [
  'Cases by flag',
  'Cases by grouping',
  'Cases by clinician',
  'Time open',
  'Grouping at open and now',
  'Grouping at open and at close',
  'GBO change at close',
  'Ending reasons',
] as const;

let suite: Suite;
let app: E2eApp;
let journey: Journey;
const layoutFindings: string[] = [];

beforeAll(async () => {
  const started = performance.now();
  suite = await startSuite();
  // No profile: the demo seed creates the fictional team and makes its lead the profile.
  app = await launchApp(suite, {
    today: TODAY,
    setup: (services) => {
      call(services, 'demo:seed', {});
      // A name a spreadsheet would run as a formula, opened today on the lead's caseload: the CSV must
      // neutralise it.
      const lead = call<AppState>(services, 'app:state', {}).profile!;
      openCase(services, { caseRef: FORMULA_CASE_REF, name: FORMULA_NAME, openDate: TODAY, leadClinicianId: lead.id });
    },
  });
  journey = new Journey(app);
  journey.timings['launch'] = Math.round(performance.now() - started);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  if (journey) console.log(`team-view timings (ms): ${JSON.stringify(journey.timings)}\nscreenshots:\n${journey.screenshots.join('\n')}`);
});

const teamCases = (clinicianId?: string): TeamCases => call<TeamCases>(app.services, 'team:cases', clinicianId ? { clinicianId } : {});
const overview = (args: Record<string, string> = {}): TeamOverview => call<TeamOverview>(app.services, 'team:overview', args);
const needing = (rows: readonly TeamCaseRow[]): number => rows.filter((r) => needsAction(r.flags)).length;
const refs = (rows: ReadonlyArray<{ caseRef: string }>): string[] => rows.map((r) => r.caseRef);

/** A chart's table equivalent: its caption is the section's heading. */
function sectionTable(page: Page, heading: string) {
  return page.locator('main').getByRole('table', { name: heading, exact: true });
}

/** A section table's cells, row by row, keyed by each row's first cell. */
async function sectionRows(page: Page, heading: string): Promise<Map<string, string[]>> {
  const content = await sectionTable(page, heading).evaluate(tableContent);
  return new Map(content.rows.map((r) => [r.cells[0] ?? '', r.cells.slice(1)]));
}

/** Rows and counts on screen match `scope` (team:cases of the view's scope). */
async function expectTableShows(page: Page, scope: TeamCases, what: string): Promise<void> {
  const open = scope.rows.length;
  await waitToSee(page.locator('main').getByText(summaryPattern(open, needing(scope.rows))), `the summary line of ${what}`);
  await expect.poll(async () => (await shownRows(page)).rowCount, { message: `aria-rowcount of ${what}` }).toBe(String(open + 1));
  // The first rows in the DOM (a virtualised table renders those near the viewport: at least a few).
  const firstShown = async (): Promise<string[]> => (await shownRows(page)).rows.slice(0, 10).map((r) => r.cell('Case ref'));
  await expect
    .poll(async () => {
      const shown = await firstShown();
      return shown.length >= Math.min(3, open) && shown.every((ref, i) => ref === scope.rows[i]?.caseRef) ? 'in order' : shown.join(', ');
    }, { message: `the first rows of ${what} in the order of team:cases (${refs(scope.rows.slice(0, 10)).join(', ')})` })
    .toBe('in order');
  const shown = await shownRows(page);
  expect(shown.headers.slice(0, TEAM_COLUMNS.length), 'the team table columns').toEqual([...TEAM_COLUMNS]);
  shown.rows.slice(0, 10).forEach((row, i) => {
    const want = scope.rows[i]!;
    expect(row.rowIndex, `aria-rowindex of row ${i + 1}`).toBe(i + 2);
    expect(row.cell('Rank')).toBe(String(want.rank));
    expect(row.cell('Name')).toBe(want.name);
    expect(row.cell('Clinician')).toBe(want.leadClinicianName);
    expect(row.cell('Next review')).toContain(want.nextReviewDate ? formatUkDate(want.nextReviewDate) : 'Not set');
    for (const flag of want.flags) {
      expect(row.cell('Flags'), `${want.caseRef} shows "${flag.label}" with its reason`).toContain(flag.label);
      expect(flat(row.cell('Flags'))).toContain(flat(flag.reason));
    }
  });
}

describe("a team lead's caseload review, by keyboard", () => {
  it('reviews the team, drills down to one clinician, opens a flagged case and exports the pack and CSV', async () => {
    onTestFailed(async () => {
      await app?.screenshot('499-failure').catch(() => undefined);
      if (app?.pageErrors.length) console.log(`page errors:\n${app.pageErrors.join('\n')}`);
    });
    const { page } = app;
    const main = page.locator('main');
    const team = teamCases();
    const teamOverview = overview();

    // What the services say, checked against the documented urgency order and the demo team.
    expect(team.team.name).toBe(DEMO_TEAM_NAME);
    expect(team.rows.length).toBeGreaterThan(10);
    expect(refs(team.rows), 'team:cases is in the urgency order of shared/domain/urgency.ts').toEqual(refs(sortByUrgency(team.rows)));
    expect(team.rows.map((r) => r.rank)).toEqual(team.rows.map((_, i) => i + 1));
    expect(needsAction(team.rows[0]!.flags), 'the demo team has a case needing action').toBe(true);

    await journey.timed('401-caseload', async () => {
      await waitForHeading(page, 'My caseload');
      await waitToSee(page.getByRole('table', { name: 'My open cases' }), "the team lead's own caseload");
      await journey.check('401-caseload');
      await openTeamView(page);
    });

    await journey.timed('402-team-view', async () => {
      await waitToSee(main.getByText(DEMO_TEAM_NAME, { exact: true }), 'the team name as the caption');
      await expectTableShows(page, team, 'the whole team');
      // The first row is the most urgent case, showing the flag that put it first.
      const first = (await shownRows(page)).rows[0]!;
      const label = mostUrgentFlagLabel(team.rows[0]!);
      expect(label).not.toBeNull();
      expect(first.cell('Flags')).toContain(label!);
      // Every chart has a table equivalent in its section.
      for (const heading of CHART_SECTIONS) {
        const h = main.getByRole('heading', { name: heading, exact: true });
        await waitToSee(h, `the section "${heading}"`);
        const section = await h.evaluate(chartSection);
        expect(section.charts, `"${heading}" has an SVG chart (role=img)`).toBeGreaterThan(0);
        expect(section.tables, `"${heading}" has its table equivalent`).toContain(heading);
      }
      // The counts' tables agree with team:overview.
      const byFlag = await sectionRows(page, 'Cases by flag');
      for (const { code, count } of teamOverview.byFlag) {
        expect(byFlag.get(FLAG_LABELS[code]), `"Cases by flag": ${FLAG_LABELS[code]}`).toEqual([String(count)]);
      }
      const byClinician = await sectionRows(page, 'Cases by clinician');
      for (const c of teamOverview.byClinician) {
        expect(byClinician.get(c.name), `"Cases by clinician": ${c.name}`).toEqual([String(c.open), String(c.needAction)]);
      }
      // Name and case ref identify the young person: they must be readable in full, not cut off.
      const clipped = await teamTable(page).evaluate(clippedCells, [TEAM_COLUMNS.indexOf('Name'), TEAM_COLUMNS.indexOf('Case ref')]);
      if (clipped.length > 0) layoutFindings.push(`402-team-view at 1280×900, cut off: ${clipped.join('; ')}`);
      await journey.check('402-team-view');
    });

    // Flag and Grouping narrow the rows already loaded; the summary line says how many match.
    await journey.timed('402-team-view-filtered', async () => {
      const flagSelect = main.getByRole('combobox', { name: 'Flag', exact: true });
      const groupingSelect = main.getByRole('combobox', { name: 'Grouping', exact: true });
      await chooseOption(page, flagSelect, 'the "Flag" select', FLAG_LABELS.review_overdue);
      await chooseOption(page, groupingSelect, 'the "Grouping" select', GROUPING_LABELS.getting_help);
      const matching = team.rows.filter((r) => r.flags.some((f) => f.code === 'review_overdue') && r.grouping === 'getting_help');
      expect(matching.length, 'the demo team has overdue Getting Help cases').toBeGreaterThan(0);
      await waitToSee(main.getByText(`Showing ${matching.length} that match`), `"Showing ${matching.length} that match"`);
      await expect.poll(async () => (await shownRows(page)).rowCount, { message: 'aria-rowcount when filtered' }).toBe(String(matching.length + 1));
      expect((await shownRows(page)).rows.map((r) => r.cell('Case ref'))).toEqual(refs(matching));
      await journey.check('402-team-view-filtered');
      await chooseOption(page, flagSelect, 'the "Flag" select', 'All cases');
      await chooseOption(page, groupingSelect, 'the "Grouping" select', 'All groupings');
      await expectTableShows(page, team, 'the whole team, filters cleared');
    });

    // The clinician with the most cases needing action (not the lead, whose option may say "(you)").
    const colleague = [...teamOverview.byClinician]
      .filter((c) => c.name !== LEAD)
      .sort((a, b) => b.needAction - a.needAction || a.name.localeCompare(b.name))[0]!;
    const theirs = teamCases(colleague.clinicianId);
    expect(theirs.clinician?.name).toBe(colleague.name);
    expect(needing(theirs.rows), `${colleague.name} has cases needing action`).toBeGreaterThanOrEqual(2);
    expect(refs(theirs.rows)).toEqual(refs(sortByUrgency(theirs.rows)));
    const clinicianSelect = main.getByRole('combobox', { name: 'Clinician', exact: true });

    await journey.timed('403-team-clinician', async () => {
      expect(((await clinicianSelect.locator('option:checked').textContent()) ?? '').trim()).toBe('All clinicians');
      await chooseOption(page, clinicianSelect, 'the "Clinician" select', colleague.name);
      await expectTableShows(page, theirs, `${colleague.name}'s cases`);
      for (const row of (await shownRows(page)).rows) expect(row.cell('Clinician')).toBe(colleague.name);
      await waitToSee(main.getByRole('button', { name: 'Download supervision pack (PDF)', exact: true }), 'the supervision pack button');
      await journey.check('403-team-clinician');
    });

    // A flagged case: the second of theirs needing action, so the arrows have somewhere to go.
    const flagged = theirs.rows.filter((r) => needsAction(r.flags))[1]!;
    await journey.timed('404-open-flagged-case', async () => {
      await focusTeamRow(page, flagged.caseRef);
      await journey.check('404-team-row-focused');
      await page.keyboard.press('Enter');
      await waitForHeading(page, flagged.name);
      const detail = call<CaseDetail>(app.services, 'cases:get', { caseId: flagged.caseId });
      expect(detail.flags.map((f) => f.code)).toEqual(flagged.flags.map((f) => f.code));
      for (const flag of flagged.flags) {
        await waitToSee(main.getByText(flag.label, { exact: true }), `"${flag.label}" on the case page`);
        await waitToSee(main.getByText(flag.reason, { exact: false }), `the reason "${flag.reason}" on the case page`);
      }
      await journey.check('405-case-flagged');
    });

    await journey.timed('406-back-to-team', async () => {
      journey.timings['406-clinician-on-arrival'] = (await backToTeamView(page, colleague.name)) === colleague.name ? 1 : 0;
      await expectTableShows(page, theirs, `${colleague.name}'s cases after coming back`);
      await journey.check('406-team-clinician-again');
    });

    await journey.timed('407-supervision-pack', async () => {
      const saved = await captureDownload(page, '"Download supervision pack (PDF)"', () =>
        pressButton(page, main.getByRole('button', { name: 'Download supervision pack (PDF)', exact: true }), '"Download supervision pack (PDF)"'),
      );
      expect(saved.fileName).toMatch(new RegExp(`^thrive-supervision-${slug(colleague.name)}-${TODAY}\\.pdf$`));
      const size = pdfPageSize(saved.file);
      expect([Math.round(size.width), Math.round(size.height)], 'A4 pages').toEqual([595, 842]);
      const pages = pdfPages(saved.file);
      const text = pdfText(saved.file);
      const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
      expect(pageTexts.length).toBe(pages);
      pageTexts.forEach((p, i) => {
        expect(p, `page ${i + 1} is marked`).toContain('OFFICIAL-SENSITIVE: PERSONAL');
        expect(p, `page ${i + 1} is numbered`).toContain(`Page ${i + 1} of ${pages}`);
      });
      const body = flat(stripPageFurniture(text));
      expect(body).toContain(`Supervision pack: ${colleague.name}`);
      expect(body).toContain(DEMO_TEAM_NAME);
      expect(body).toContain(TODAY_UK);
      // Their open cases in the urgency order of team:cases, so the ones needing action come first.
      const positions = theirs.rows.map((r) => ({ ref: r.caseRef, at: body.indexOf(r.caseRef) }));
      for (const p of positions) expect(p.at, `${p.ref} is in the pack`).toBeGreaterThanOrEqual(0);
      expect(
        [...positions].sort((a, b) => a.at - b.at).map((p) => p.ref),
        'the cases in the pack are in the order of team:cases',
      ).toEqual(refs(theirs.rows));
      const lastNeeding = Math.max(...positions.filter((_, i) => needsAction(theirs.rows[i]!.flags)).map((p) => p.at));
      const firstOther = Math.min(...positions.filter((_, i) => !needsAction(theirs.rows[i]!.flags)).map((p) => p.at));
      expect(lastNeeding, 'the cases needing action come before the others').toBeLessThan(firstOther);
      for (const row of theirs.rows) {
        for (const flag of row.flags) {
          expect(body, `${row.caseRef}: "${flag.label}"`).toContain(flag.label);
          expect(body, `${row.caseRef}: the reason of "${flag.label}"`).toContain(flat(flag.reason));
        }
        if (row.nhsNumber) expect(body, `${row.caseRef}: NHS number 3-3-4`).toContain(formatNhsNumber(row.nhsNumber));
      }
      // The most urgent case's plan summary and goal movement.
      const top = call<CaseDetail>(app.services, 'cases:get', { caseId: theirs.rows[0]!.caseId });
      if (top.plan) {
        expect(body).toContain(flat(top.plan.agreedOutcome));
        for (const c of top.plan.endingCriteria.filter((x) => x.retiredAt === null)) expect(body).toContain(flat(c.text));
        expect(body).toContain(formatUkDate(top.plan.targetDate));
      }
      expect(body).toMatch(new RegExp(Object.values(GBO_CHANGE_LABELS).join('|')));
    });

    await journey.timed('408-csv-clinician', async () => {
      await checkCsvDownload(page, theirs, slug(DEMO_TEAM_NAME), TODAY);
    });

    await journey.timed('409-csv-team', async () => {
      await chooseOption(page, clinicianSelect, 'the "Clinician" select', 'All clinicians');
      await expectTableShows(page, team, 'the whole team again');
      await expect.poll(() => main.getByRole('button', { name: 'Download supervision pack (PDF)' }).count()).toBe(0);
      const rows = await checkCsvDownload(page, team, slug(DEMO_TEAM_NAME), TODAY);
      const formulaRow = rows.find((r) => r[CSV_HEADER.indexOf('Case ref')] === FORMULA_CASE_REF);
      expect(formulaRow?.[CSV_HEADER.indexOf('Name')], 'the formula-like name is neutralised with a leading quote').toBe(`'${FORMULA_NAME}`);
    });

    // Drill-down by a clinician's name in "Cases by clinician" (a button), from the keyboard.
    const other = teamOverview.byClinician.find((c) => c.name !== LEAD && c.clinicianId !== colleague.clinicianId)!;
    await journey.timed('410-drill-down-by-name', async () => {
      const button = sectionTable(page, 'Cases by clinician').getByRole('button', { name: other.name, exact: true });
      await tabTo(page, button, `"${other.name}" in "Cases by clinician"`, { max: 200 });
      await page.keyboard.press('Enter');
      await waitForHeading(page, TEAM_HEADING);
      await expect.poll(async () => ((await clinicianSelect.locator('option:checked').textContent()) ?? '').trim()).toBe(other.name);
      await expectTableShows(page, teamCases(other.clinicianId), `${other.name}'s cases (drilled down by name)`);
      await journey.check('410-team-drilled-down-by-name');
    });

    // The endings period, typed as dd/mm/yyyy: the endings figures follow it.
    await journey.timed('411-endings-period', async () => {
      await chooseOption(page, clinicianSelect, 'the "Clinician" select', 'All clinicians');
      await waitForTeamRows(page);
      const from = addDaysTo(TODAY, -120);
      const period = overview({ closedFrom: from, closedTo: TODAY });
      await typeInto(page, main.getByLabel('Closed from', { exact: true }), '"Closed from"', formatUkDate(from));
      await typeInto(page, main.getByLabel('Closed to', { exact: true }), '"Closed to"', TODAY_UK);
      await pressButton(page, main.getByRole('button', { name: 'Show period', exact: true }), '"Show period"');
      const gbo = period.gboAtClose;
      const expected = new Map([
        [GBO_CHANGE_LABELS.improved, gbo.improved],
        [GBO_CHANGE_LABELS.no_reliable_change, gbo.noReliableChange],
        [GBO_CHANGE_LABELS.deteriorated, gbo.deteriorated],
      ]);
      await expect
        .poll(async () => {
          const rows = await sectionRows(page, 'GBO change at close');
          return [...expected.keys()].map((label) => rows.get(label)?.[0] ?? null);
        }, { message: '"GBO change at close" for the period typed' })
        .toEqual([...expected.values()].map(String));
      expect(period.closedInPeriod, 'the period typed holds closed demo cases').toBeGreaterThan(0);
      const reasons = await sectionRows(page, 'Ending reasons');
      for (const r of period.endingReasons) expect(reasons.get(ENDING_REASON_LABELS[r.reason]), `"Ending reasons": ${r.reason}`).toEqual([String(r.count)]);
      expect(reasons.get('Total'), '"Ending reasons" totals the cases closed in the period').toEqual([String(period.closedInPeriod)]);
      await waitToSee(main.getByText(`closed from ${formatUkDate(from)} to ${TODAY_UK}`), 'the period shown');
      await journey.check('411-team-endings-period');
    });

    expect(app.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    expect(journey.axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
    expect(layoutFindings.join('\n'), 'text cut off in the team table').toBe('');
  });
});

/**
 * From the case page back to the team view: the case page offers "Back to caseload" only, so the
 * header's "Team" link, which opens the whole team (the chosen clinician is part of the route), and
 * the clinician chosen again. Returns what "Clinician" showed on arrival.
 */
async function backToTeamView(page: Page, clinician: string): Promise<string> {
  await openTeamView(page);
  const select = page.locator('main').getByRole('combobox', { name: 'Clinician', exact: true });
  const onArrival = ((await select.locator('option:checked').textContent()) ?? '').trim();
  await chooseOption(page, select, 'the "Clinician" select', clinician);
  return onArrival;
}

describe('the team view under the strict Content Security Policy', () => {
  it('renders its charts, virtualised table and downloads with no CSP violation', async () => {
    // Its own app: the CSP applies in full and window.api goes over a Playwright binding, not fetch.
    const strict = await launchApp(suite, { today: TODAY, csp: 'enforce', setup: (services) => call(services, 'demo:seed', {}) });
    try {
      const { page } = strict;
      const main = page.locator('main');
      await waitForHeading(page, 'My caseload');
      await openTeamView(page);
      await waitToSee(main.getByRole('heading', { name: 'Ending reasons', exact: true }), 'the team figures');
      const colleague = call<TeamOverview>(strict.services, 'team:overview', {}).byClinician.find((c) => c.name !== LEAD)!;
      await chooseOption(page, main.getByRole('combobox', { name: 'Clinician', exact: true }), 'the "Clinician" select', colleague.name);
      await waitToSee(main.getByText(`Caseload of ${colleague.name}`), `the caseload of ${colleague.name}`);
      const pack = await captureDownload(page, '"Download supervision pack (PDF)"', () =>
        pressButton(page, main.getByRole('button', { name: 'Download supervision pack (PDF)', exact: true }), '"Download supervision pack (PDF)"'),
      );
      expect(pdfText(pack.file)).toContain(`Supervision pack: ${colleague.name}`);
      await tabIntoTeamRows(page);
      await page.keyboard.press('End');
      await strict.screenshot('412-team-view-strict-csp');
      expect(await strict.cspViolations(), 'CSP violations on the team view').toEqual([]);
      expect(strict.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
