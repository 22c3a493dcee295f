/**
 * Driving the team view (docs/team-view.md) the keyboard way and reading what it shows: the header's "Team"
 * link, the "Clinician" select, the virtualised case table (roving row focus) and its rows by column.
 * Failures name the screen and what has focus, as in keyboard.ts.
 */
import type { Locator, Page } from 'playwright-core';
import { FLAG_CODES, FLAG_LABELS } from '../../../shared/domain/flags';
import { urgencyBand } from '../../../shared/domain/urgency';
import type { TeamCaseRow } from '../../../shared/ipc/types';
import { focusedRow, tableContent, type TableWanted } from './in-page-team';
import { waitForHeading, waitToSee } from './journey';
import { describeFocus, isFocused, tabTo } from './keyboard';

export const TEAM_HEADING = 'Team caseload review';
export const TEAM_TABLE_CAPTION = 'Team cases, most urgent first';
export const TEAM_COLUMNS = ['Rank', 'Name', 'Case ref', 'Clinician', 'Grouping', 'Weeks open', 'Next review', 'Target date', 'Flags'] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

export const SEARCH_LABEL = 'Search by name, case reference or NHS number';

const WAIT = 15_000;

/** The team's case table, whether built as a <table> or an ARIA table/grid. */
export function teamTable(page: Page): Locator {
  return page
    .getByRole('table', { name: TEAM_TABLE_CAPTION, exact: true })
    .or(page.getByRole('grid', { name: TEAM_TABLE_CAPTION, exact: true }));
}

/**
 * The team table showing `rows` (in the order the team view puts them), for a timed measurement:
 * aria-rowcount counts them all, header included; the first is the first row.
 */
export function teamTableWanted(rows: readonly TeamCaseRow[]): TableWanted {
  const first = rows[0];
  if (!first) throw new Error('the team table would show no cases');
  return { caption: TEAM_TABLE_CAPTION, rowCount: rows.length + 1, firstRowText: first.caseRef, statusText: null };
}

/** The header's "Team" link (main navigation). */
export function teamNavLink(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team', exact: true });
}

/** The "N open cases, M need action" line (the singular allowed for 1). */
export function summaryPattern(open: number, needAction: number): RegExp {
  const cases = open === 1 ? 'open case' : 'open cases';
  const need = needAction === 1 ? 'needs? action' : 'need action';
  return new RegExp(`\\b${open.toLocaleString('en-GB').replace(/,/g, ',?')} ${cases}, ${needAction.toLocaleString('en-GB').replace(/,/g, ',?')} ${need}\\b`);
}

/** The most urgent flag's label of a row (the flag that places it in the urgency order). */
export function mostUrgentFlagLabel(row: TeamCaseRow): string | null {
  const code = FLAG_CODES[urgencyBand(row.flags)];
  return code ? FLAG_LABELS[code] : null;
}

export interface ShownRow {
  rowIndex: number | null;
  cell(column: TeamColumn): string;
  text: string;
}

/** The header and the data rows of the team table now in the DOM, read by column name. */
export async function shownRows(page: Page): Promise<{ headers: string[]; rows: ShownRow[]; rowElements: number; rowCount: string | null }> {
  const content = await teamTable(page).evaluate(tableContent);
  const at = (column: TeamColumn): number => content.headers.findIndex((h) => h === column || h.startsWith(`${column} `));
  return {
    headers: content.headers,
    rowElements: content.rowElements,
    rowCount: content.rowCount,
    rows: content.rows.map((r) => ({
      rowIndex: r.rowIndex,
      text: r.cells.join(' | '),
      cell: (column) => {
        const i = at(column);
        if (i < 0) throw new Error(`the team table has no "${column}" column (headers: ${content.headers.join(', ')})`);
        return r.cells[i] ?? '';
      },
    })),
  };
}

/**
 * From any screen: Shift+Tab back to the header's "Team" link (each screen puts focus on its heading,
 * below the header), Enter, and wait for the team view and its first row.
 */
export async function openTeamView(page: Page): Promise<void> {
  await tabTo(page, teamNavLink(page), 'the "Team" link in the header', { backwards: true });
  await page.keyboard.press('Enter');
  await waitForHeading(page, TEAM_HEADING);
  await waitForTeamRows(page);
}

/** Waits until the team table shows at least one data row. */
export async function waitForTeamRows(page: Page): Promise<void> {
  await waitToSee(teamTable(page), `the table "${TEAM_TABLE_CAPTION}"`);
  await waitToSee(teamTable(page).getByRole('row').nth(1), `a case row in "${TEAM_TABLE_CAPTION}"`);
}

/**
 * Chooses an option of a native select by keyboard: Tab to it, then ArrowDown/ArrowUp (which change
 * a closed select's value in Chromium on Linux and Windows) until `option` is selected.
 */
export async function chooseOption(page: Page, select: Locator, what: string, option: string): Promise<void> {
  await tabTo(page, select, what);
  const labels = (await select.locator('option').allTextContents()).map((t) => t.trim());
  const wanted = labels.indexOf(option);
  if (wanted < 0) throw new Error(`${what} has no option "${option}" (options: ${labels.join(', ')})`);
  for (let presses = 0; presses <= labels.length; presses++) {
    const current = labels.indexOf(((await select.locator('option:checked').textContent()) ?? '').trim());
    if (current === wanted) return;
    await page.keyboard.press(current < wanted ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`Could not choose "${option}" in ${what} with the arrow keys; it shows "${await select.locator('option:checked').textContent()}"`);
}

/** The focused team-table row, or null. */
export async function focusedTeamRow(page: Page): Promise<{ rowIndex: number | null; text: string } | null> {
  return page.evaluate(focusedRow);
}

/**
 * Tab until focus is on a case row of the team table (the roving row focus keeps one row in the Tab
 * order). Returns that row.
 */
export async function tabIntoTeamRows(page: Page, maxTabs = 80): Promise<{ rowIndex: number | null; text: string }> {
  await waitForTeamRows(page);
  for (let presses = 0; presses <= maxTabs; presses++) {
    const row = await focusedTeamRow(page);
    if (row && row.rowIndex !== null && row.rowIndex >= 2) return row;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not Tab into the rows of "${TEAM_TABLE_CAPTION}" in ${maxTabs} presses; focus is on ${await describeFocus(page)}`);
}

/**
 * Moves the roving row focus onto the row of `caseRef` (which must be among the first rows): Tab into
 * the table's rows, Home, then ArrowDown. Fails naming where focus is.
 */
export async function focusTeamRow(page: Page, caseRef: string, maxMoves = 50): Promise<void> {
  await tabIntoTeamRows(page);
  await page.keyboard.press('Home');
  await expectFocusedRow(page, 2, 'Home');
  for (let moves = 0; moves < maxMoves; moves++) {
    const row = await focusedTeamRow(page);
    if (row?.text.includes(caseRef)) return;
    await page.keyboard.press('ArrowDown');
    await expectFocusedRow(page, (row?.rowIndex ?? 1) + 1, 'ArrowDown');
  }
  throw new Error(`ArrowDown did not reach case ${caseRef} in the team table; focus is on ${await describeFocus(page)}`);
}

/** Waits until the focused row has aria-rowindex `rowIndex` (after `key`). */
export async function expectFocusedRow(page: Page, rowIndex: number, key: string): Promise<{ rowIndex: number | null; text: string }> {
  const deadline = Date.now() + WAIT;
  let row = await focusedTeamRow(page);
  while (row?.rowIndex !== rowIndex && Date.now() < deadline) {
    await page.waitForTimeout(50);
    row = await focusedTeamRow(page);
  }
  if (row?.rowIndex !== rowIndex) {
    throw new Error(`After ${key}, expected focus on row ${rowIndex} of the team table, but it is on ${row ? `row ${row.rowIndex} "${row.text.slice(0, 80)}"` : await describeFocus(page)}`);
  }
  return row;
}

/** Whether focus is in the team table. */
export async function focusInTeamTable(page: Page): Promise<boolean> {
  return isFocused(teamTable(page));
}
