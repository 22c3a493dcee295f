/**
 * The team view at the scale of a whole service (docs/team-view.md): 5,000 open cases in one team,
 * written by the seeded synthetic-caseload generator straight into the encrypted database before the
 * app starts. The team lead opens the team view from the header by keyboard; the spec MEASURES in the
 * page (performance.now, marks "<label>:start|settled|painted") and PRINTS:
 *  - first render: from the Enter on "Team" to the frame showing the table's first rows painted
 *    (double frame), split into the bridge calls (team:cases, team:overview) and what follows them;
 *  - filter keystrokes: from each keydown in the search box to the frame showing the filtered rows
 *    painted (the table's aria-rowcount and first row as computed here from team:cases), ~10 keys;
 *  - how many row elements the DOM holds.
 * docs/quality.md#performance's targets (first render ≤ 300 ms, keystroke ≤ 50 ms) are printed beside the figures and
 * never asserted: these machines are noisy. What IS asserted: the list is virtualised (fewer than 200
 * row elements while aria-rowcount is 5,001), the filtered counts are right, and End reaches the
 * last case, which Enter opens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { IsoDate } from '../../shared/dates';
import type { TeamCases } from '../../shared/ipc/types';
import { generateCaseload } from '../support/synthetic-caseload';
import { launchApp, SCREENSHOT_DIR, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { Journey, waitForHeading, waitToSee } from '../support/e2e/journey';
import { hasFocus } from '../support/e2e/in-page';
import { tabTo } from '../support/e2e/keyboard';
import { call } from '../support/e2e/seed';
import { chooseQuery, matchesSearch, searchSteps } from '../support/e2e/search-keys';
import { elapsedMs, firstRenderFigures, measureKey } from '../support/e2e/table-timing';
import {
  expectFocusedRow,
  focusedTeamRow,
  SEARCH_LABEL,
  shownRows,
  tabIntoTeamRows,
  TEAM_HEADING,
  TEAM_TABLE_CAPTION,
  teamNavLink,
  teamTableWanted,
} from '../support/e2e/team';

const TODAY: IsoDate = '2026-11-16';
const OPEN_CASES = 5_000;
const SEED = 4_004;
const TARGETS = { firstRenderMs: 300, keystrokeMs: 50 };
const MAX_ROWS_IN_DOM = 200;

let suite: Suite;
let app: E2eApp;
let journey: Journey;
const figures: Record<string, unknown> = { openCases: OPEN_CASES, seed: SEED, today: TODAY, targets: TARGETS };

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: TODAY,
    setup: (services) => {
      const started = performance.now();
      // One team, so every open case is the team lead's team's; the profile is that lead.
      generateCaseload(services.db, { seed: SEED, today: TODAY, teams: 1, cliniciansPerTeam: 12, openCases: OPEN_CASES, closedCases: 400, profileRole: 'team_lead' });
      figures['generateMs'] = Math.round(performance.now() - started);
    },
  });
  journey = new Journey(app);
  figures['chromium'] = suite.browser.version();
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, 'team-scale.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(report());
});

const ms = (n: number): number => Math.round(n * 10) / 10;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : ms((s[mid - 1]! + s[mid]!) / 2);
}

function report(): string {
  const fr = figures['firstRender'] as Record<string, number> | undefined;
  const again = figures['firstRenderAgain'] as Record<string, number> | undefined;
  const ks = figures['keystrokes'] as { medianMs: number; maxMs: number; count: number } | undefined;
  const lines: Array<[string, string, string]> = [
    ['figure', 'measured', 'target (docs/quality.md, not asserted)'],
    ['generate 5,000 open + 400 closed cases', `${figures['generateMs'] ?? '?'} ms`, '-'],
    ['team:cases handler (in node)', `${figures['teamCasesHandlerMs'] ?? '?'} ms`, '-'],
    ['team:overview handler (in node)', `${figures['teamOverviewHandlerMs'] ?? '?'} ms`, '-'],
    ['first render: Enter on "Team" → rows painted', `${fr?.totalMs ?? '?'} ms`, `≤ ${TARGETS.firstRenderMs} ms`],
    ['  of which data received (bridge)', `${fr?.dataReceivedMs ?? '?'} ms`, '-'],
    ['  of which render after data', `${fr?.renderAfterDataMs ?? '?'} ms`, '-'],
    ['first render, second visit', `${again?.totalMs ?? '?'} ms`, `≤ ${TARGETS.firstRenderMs} ms`],
    [`filter keystroke median (${ks?.count ?? '?'} keys)`, `${ks?.medianMs ?? '?'} ms`, `≤ ${TARGETS.keystrokeMs} ms`],
    ['filter keystroke max', `${ks?.maxMs ?? '?'} ms`, '-'],
    ['row elements in the DOM (aria-rowcount 5,001)', `${figures['rowElementsInDom'] ?? '?'}`, `< ${MAX_ROWS_IN_DOM} (asserted)`],
    ['row elements after End', `${figures['rowElementsAfterEnd'] ?? '?'}`, `< ${MAX_ROWS_IN_DOM} (asserted)`],
  ];
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  return ['team-scale figures (Chromium ' + String(figures['chromium']) + ')', ...lines.map((l) => `  ${l[0].padEnd(w0)}  ${l[1].padStart(w1)}  ${l[2]}`)].join('\n');
}

describe('the team view with 5,000 open cases', () => {
  it('renders virtualised, filters while typing, reaches the last case with End, and prints the figures', async () => {
    onTestFailed(async () => {
      await app?.screenshot('499-team-scale-failure').catch(() => undefined);
      if (app?.pageErrors.length) console.log(`page errors:\n${app.pageErrors.join('\n')}`);
    });
    const { page } = app;

    const started = performance.now();
    const team = call<TeamCases>(app.services, 'team:cases', {});
    figures['teamCasesHandlerMs'] = Math.round(performance.now() - started);
    const overviewStarted = performance.now();
    call(app.services, 'team:overview', {});
    figures['teamOverviewHandlerMs'] = Math.round(performance.now() - overviewStarted);
    expect(team.rows.length, 'the generated team has 5,000 open cases').toBe(OPEN_CASES);
    const last = team.rows[team.rows.length - 1]!;

    await journey.timed('451-first-render', async () => {
      await waitForHeading(page, 'My caseload');
      await tabTo(page, teamNavLink(page), 'the "Team" link in the header', { backwards: true });
      const m = await measureKey(page, 'team-first-render', 'Enter', teamTableWanted(team.rows));
      figures['firstRender'] = firstRenderFigures(m);
      await waitForHeading(page, TEAM_HEADING);
      const shown = await shownRows(page);
      figures['rowElementsInDom'] = shown.rowElements;
      expect(shown.rowCount, 'aria-rowcount keeps the true size (header + 5,000)').toBe(String(OPEN_CASES + 1));
      expect(shown.rowElements, 'the list is virtualised: only rows near the viewport are in the DOM').toBeLessThan(MAX_ROWS_IN_DOM);
      expect(shown.rows[0]?.cell('Case ref')).toBe(team.rows[0]!.caseRef);
      await journey.check('451-team-scale');
    });

    await journey.timed('452-first-render-again', async () => {
      await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload', exact: true }), 'the "Caseload" link', { backwards: true });
      await page.keyboard.press('Enter');
      await waitForHeading(page, 'My caseload');
      await tabTo(page, teamNavLink(page), 'the "Team" link in the header', { backwards: true });
      figures['firstRenderAgain'] = firstRenderFigures(await measureKey(page, 'team-first-render-again', 'Enter', teamTableWanted(team.rows)));
    });

    const query = chooseQuery(team.rows);
    const keystrokes: Array<{ key: string; query: string; cases: number; ms: number }> = [];
    await journey.timed('453-filter-keystrokes', async () => {
      // "/" jumps to the search box.
      await page.getByRole('heading', { level: 1, name: TEAM_HEADING }).focus();
      await page.keyboard.press('/');
      const search = page.getByRole('searchbox', { name: SEARCH_LABEL }).or(page.getByLabel(SEARCH_LABEL, { exact: true })).first();
      await expect.poll(() => search.evaluate(hasFocus), { message: '"/" focuses the search box' }).toBe(true);
      for (const [i, s] of searchSteps(query).entries()) {
        const expected = team.rows.filter((r) => matchesSearch(r, s.query));
        const m = await measureKey(page, `team-keystroke-${i + 1}`, s.key, teamTableWanted(expected));
        keystrokes.push({ key: s.key, query: s.query, cases: expected.length, ms: elapsedMs(m) });
        if (s.query === query) await journey.check('453-team-scale-filtered');
      }
      const times = keystrokes.map((k) => k.ms);
      figures['keystrokes'] = { count: times.length, medianMs: median(times), maxMs: Math.max(...times), each: keystrokes };
    });

    await journey.timed('454-end-key', async () => {
      await waitToSee(page.getByRole('table', { name: TEAM_TABLE_CAPTION }).or(page.getByRole('grid', { name: TEAM_TABLE_CAPTION })), 'the team table');
      await tabIntoTeamRows(page);
      await page.keyboard.press('Home');
      await expectFocusedRow(page, 2, 'Home');
      await page.keyboard.press('PageDown');
      const afterPageDown = await expectFocusedRowBeyond(page, 2, 'PageDown');
      await page.keyboard.press('End');
      const row = await expectFocusedRow(page, OPEN_CASES + 1, 'End');
      expect(row.text, 'End reaches the last case').toContain(last.caseRef);
      const shown = await shownRows(page);
      figures['rowElementsAfterEnd'] = shown.rowElements;
      figures['pageDownMovedTo'] = afterPageDown;
      expect(shown.rowElements, 'still virtualised at the end of the list').toBeLessThan(MAX_ROWS_IN_DOM);
      await journey.check('454-team-scale-end');
      await page.keyboard.press('Enter');
      await waitForHeading(page, last.name);
    });

    expect(app.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    expect(journey.axeFindings.join('\n'), 'axe-core violations').toBe('');
  });
});

/** Waits until the focused row is below `rowIndex` (after PageDown); returns where it is. */
async function expectFocusedRowBeyond(page: Page, rowIndex: number, key: string): Promise<number> {
  const where = async (): Promise<number> => (await focusedTeamRow(page))?.rowIndex ?? 0;
  await expect.poll(where, { message: `${key} moves the row focus down a page` }).toBeGreaterThan(rowIndex);
  return where();
}
