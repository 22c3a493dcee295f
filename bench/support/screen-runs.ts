/**
 * The renderer bench's runs (bench/renderer.ts): each screen with 5,000 open cases, loaded afresh in
 * Chromium `runs` times on one database, timed in the page with the e2e machinery (table-timing.ts):
 *  - first render: from the Enter on the header link that opens the screen to the frame painting the
 *    table's first rows, split into the bridge calls it waited for and what followed them;
 *  - filter keystrokes: from each keydown in the search box to the frame painting the filtered rows
 *    (five letters, then five Backspaces);
 *  - for the caseload also the page load itself, from the navigation's start to its rows painted.
 */
import type { Locator, Page } from 'playwright-core';
import { useCaseloadViewStore } from '../../renderer/stores/caseload-view';
import { sortRows } from '../../renderer/features/caseload/caseload-rows';
import type { IsoDate } from '../../shared/dates';
import type { Caseload, CaseloadRow, TeamCases } from '../../shared/ipc/types';
import { launchApp, type E2eApp, type Suite } from '../../tests/support/e2e/harness';
import { hasFocus } from '../../tests/support/e2e/in-page';
import type { TableMeasure, TableWanted } from '../../tests/support/e2e/in-page-team';
import { waitForHeading, waitToSee } from '../../tests/support/e2e/journey';
import { tabTo } from '../../tests/support/e2e/keyboard';
import { chooseQuery, matchesSearch, searchSteps } from '../../tests/support/e2e/search-keys';
import { call } from '../../tests/support/e2e/seed';
import { armOnPageLoad, awaitMeasurement, elapsedMs, firstRenderFigures, measureKey, type FirstRenderFigures } from '../../tests/support/e2e/table-timing';
import { SEARCH_LABEL, TEAM_HEADING, teamNavLink, teamTableWanted } from '../../tests/support/e2e/team';
import { generateCaseload } from '../../tests/support/synthetic-caseload';

export const OPEN_CASES = 5_000;
const CLOSED_CASES = 400;
const CASELOAD_HEADING = 'My caseload';
const CASELOAD_CAPTION = 'My open cases';

export interface Keystroke {
  run: number;
  key: string;
  query: string;
  cases: number;
  ms: number;
}

/** Everything measured on one screen, one entry per run (keystrokes pooled over the runs). */
export interface ScreenRuns {
  generateMs: number;
  query: string;
  firstRenderMs: number[];
  dataReceivedMs: number[];
  renderAfterDataMs: number[];
  /** Page load to rows painted (the caseload, the home screen, only). */
  pageLoadMs: number[];
  keystrokes: Keystroke[];
  /** Row elements (header row included) in the table when its first render was painted. */
  rowElements: number[];
  /** Bridge calls of the last first render, for the record. */
  calls: FirstRenderFigures['calls'];
}

function emptyRuns(): ScreenRuns {
  return { generateMs: 0, query: '', firstRenderMs: [], dataReceivedMs: [], renderAfterDataMs: [], pageLoadMs: [], keystrokes: [], rowElements: [], calls: [] };
}

function recordFirstRender(out: ScreenRuns, m: TableMeasure): void {
  const f = firstRenderFigures(m);
  out.firstRenderMs.push(f.totalMs);
  out.dataReceivedMs.push(f.dataReceivedMs);
  out.renderAfterDataMs.push(f.renderAfterDataMs);
  out.rowElements.push(f.rowElements);
  out.calls = f.calls;
}

/** From the screen's heading (where each screen puts focus), "/" to the search box. */
async function focusSearch(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).focus();
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: SEARCH_LABEL, exact: true });
  const deadline = Date.now() + 5_000;
  while (!(await search.evaluate(hasFocus))) {
    if (Date.now() > deadline) throw new Error(`"/" did not focus the search box on "${heading}"`);
    await page.waitForTimeout(20);
  }
}

/** Types the query and takes it back, timing every key; `wanted` says what the table shows for a query. */
async function timeKeystrokes(
  page: Page,
  run: number,
  label: string,
  query: string,
  expected: (query: string) => { cases: number; wanted: TableWanted },
  out: ScreenRuns,
): Promise<void> {
  for (const [i, step] of searchSteps(query).entries()) {
    const { cases, wanted } = expected(step.query);
    const m = await measureKey(page, `${label}-keystroke-${run}-${i + 1}`, step.key, wanted);
    out.keystrokes.push({ run, key: step.key, query: step.query, cases, ms: elapsedMs(m) });
  }
}

function failOnPageErrors(app: E2eApp, screen: string): void {
  if (app.pageErrors.length > 0) throw new Error(`${screen}: the page reported errors:\n${app.pageErrors.join('\n')}`);
}

/** A link of the header's main navigation. */
function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/**
 * A clinician who leads all 5,000 open cases, on "My caseload". The generator spreads cases over a
 * team, so every open case is then given to the profile clinician (one UPDATE, here only).
 */
export async function benchCaseload(suite: Suite, opts: { today: IsoDate; seed: number; runs: number }): Promise<ScreenRuns> {
  const out = emptyRuns();
  const app = await launchApp(suite, {
    today: opts.today,
    setup: (services) => {
      const started = performance.now();
      const g = generateCaseload(services.db, { seed: opts.seed, today: opts.today, teams: 1, cliniciansPerTeam: 2, openCases: OPEN_CASES, closedCases: CLOSED_CASES, profileRole: 'clinician' });
      services.db.prepare(`UPDATE cases SET lead_clinician_id = ? WHERE status = 'open'`).run(g.profileId);
      out.generateMs = performance.now() - started;
    },
  });
  try {
    const { page } = app;
    const caseload = call<Caseload>(app.services, 'caseload:list', {});
    if (caseload.rows.length !== OPEN_CASES) throw new Error(`the profile leads ${caseload.rows.length} open cases, not ${OPEN_CASES}`);
    // The order the screen opens in (its store's first sort); a filter keeps that order.
    const sorted = sortRows(caseload.rows, useCaseloadViewStore.getInitialState().sort);
    const first = (rows: readonly CaseloadRow[]): string => rows[0]?.caseRef ?? 'no case';

    // The line above the table ("5,000 open cases, N need action"), as the first load shows it.
    await waitForHeading(page, CASELOAD_HEADING);
    const status = page.getByRole('status').filter({ hasText: /^\s*5,000 open cases, / });
    await waitToSee(status, 'the "5,000 open cases" line');
    const base = ((await status.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const wanted = (query: string): { cases: number; wanted: TableWanted } => {
      const rows = query === '' ? sorted : sorted.filter((r) => matchesSearch(r, query));
      const statusText = query === '' ? base : `${base}. Showing ${rows.length} that match.`;
      // Virtualised: the table says how many cases it holds (aria-rowcount, header row included).
      return { cases: rows.length, wanted: { caption: CASELOAD_CAPTION, rowCount: rows.length + 1, firstRowText: first(rows), statusText } };
    };
    out.query = chooseQuery(sorted);
    await armOnPageLoad(app.context, 'caseload-page-load', wanted('').wanted);

    for (let run = 1; run <= opts.runs; run++) {
      await page.reload();
      out.pageLoadMs.push(elapsedMs(await awaitMeasurement(page, 'caseload-page-load', wanted('').wanted)));
      await waitForHeading(page, CASELOAD_HEADING);
      // Away to Settings and back by keyboard: the caseload mounts afresh and fetches its rows.
      await tabTo(page, navLink(page, 'Settings'), 'the "Settings" link in the header', { backwards: true });
      await page.keyboard.press('Enter');
      await waitForHeading(page, 'Settings');
      await tabTo(page, navLink(page, 'Caseload'), 'the "Caseload" link in the header', { backwards: true });
      recordFirstRender(out, await measureKey(page, `caseload-first-render-${run}`, 'Enter', wanted('').wanted));
      await focusSearch(page, CASELOAD_HEADING);
      await timeKeystrokes(page, run, 'caseload', out.query, wanted, out);
    }
    failOnPageErrors(app, CASELOAD_HEADING);
    return out;
  } finally {
    await app.close();
  }
}

/** A team lead whose team has 5,000 open cases (12 clinicians), on "Team caseload review". */
export async function benchTeamView(suite: Suite, opts: { today: IsoDate; seed: number; runs: number }): Promise<ScreenRuns> {
  const out = emptyRuns();
  const app = await launchApp(suite, {
    today: opts.today,
    setup: (services) => {
      const started = performance.now();
      generateCaseload(services.db, { seed: opts.seed, today: opts.today, teams: 1, cliniciansPerTeam: 12, openCases: OPEN_CASES, closedCases: CLOSED_CASES, profileRole: 'team_lead' });
      out.generateMs = performance.now() - started;
    },
  });
  try {
    const { page } = app;
    const team = call<TeamCases>(app.services, 'team:cases', {});
    if (team.rows.length !== OPEN_CASES) throw new Error(`the team has ${team.rows.length} open cases, not ${OPEN_CASES}`);
    out.query = chooseQuery(team.rows);
    const wanted = (query: string): { cases: number; wanted: TableWanted } => {
      const rows = team.rows.filter((r) => matchesSearch(r, query));
      return { cases: rows.length, wanted: teamTableWanted(rows) };
    };

    for (let run = 1; run <= opts.runs; run++) {
      await page.reload();
      await waitForHeading(page, CASELOAD_HEADING);
      // The lead's own caseload settles first, so its rendering is not timed as the team view's.
      await waitToSee(page.getByRole('table', { name: CASELOAD_CAPTION }).getByRole('row').nth(1), 'a row of the lead\'s own caseload');
      await tabTo(page, teamNavLink(page), 'the "Team" link in the header', { backwards: true });
      recordFirstRender(out, await measureKey(page, `team-first-render-${run}`, 'Enter', wanted('').wanted));
      await waitForHeading(page, TEAM_HEADING);
      await focusSearch(page, TEAM_HEADING);
      await timeKeystrokes(page, run, 'team', out.query, wanted, out);
    }
    failOnPageErrors(app, TEAM_HEADING);
    return out;
  } finally {
    await app.close();
  }
}
