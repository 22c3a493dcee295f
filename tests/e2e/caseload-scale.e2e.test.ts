/**
 * A clinician's caseload of 5,000 open cases in a real browser: the table is virtualised (few rows in
 * the DOM while aria-rowcount says 5,001), typing a name filters every case, the keyboard reaches the
 * last case with End and opens it with Enter, and scrolling the page to its end shows the last case.
 * axe runs on the list scrolled to its end. Timings are bench/renderer.ts's, not asserted here.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { IsoDate } from '../../shared/dates';
import type { Caseload, CaseloadRow } from '../../shared/ipc/types';
import { sortRows } from '../../renderer/features/caseload/caseload-rows';
import { useCaseloadViewStore } from '../../renderer/stores/caseload-view';
import { generateCaseload } from '../support/synthetic-caseload';
import { axeViolations, describeViolations, launchApp, SCREENSHOT_DIR, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { focusedRow, tableContent } from '../support/e2e/in-page-team';
import { waitForHeading, waitToSee } from '../support/e2e/journey';
import { call } from '../support/e2e/seed';

const TODAY: IsoDate = '2026-11-16';
const OPEN_CASES = 5_000;
const CAPTION = 'My open cases';
const SEARCH_LABEL = 'Search by name, case reference or NHS number';
const MAX_ROWS_IN_DOM = 100;

let suite: Suite;
let app: E2eApp;
let sorted: CaseloadRow[];

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: TODAY,
    setup: (services) => {
      const g = generateCaseload(services.db, { seed: 5_005, today: TODAY, teams: 1, cliniciansPerTeam: 2, openCases: OPEN_CASES, closedCases: 100, profileRole: 'clinician' });
      // Every open case the profile clinician's, as in the renderer bench.
      services.db.prepare(`UPDATE cases SET lead_clinician_id = ? WHERE status = 'open'`).run(g.profileId);
    },
  });
  const caseload = call<Caseload>(app.services, 'caseload:list', {});
  sorted = sortRows(caseload.rows, useCaseloadViewStore.getInitialState().sort);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
});

const table = (page: Page) => page.getByRole('table', { name: CAPTION, exact: true });
const shown = (page: Page) => table(page).evaluate(tableContent);

/** Waits until the table says it holds `count` cases (aria-rowcount, header row included). */
async function waitForRowCount(page: Page, count: number): Promise<void> {
  await expect.poll(() => table(page).getAttribute('aria-rowcount'), { timeout: 15_000 }).toBe(String(count + 1));
}

const SCROLL_TO_END = 'window.scrollTo(0, document.documentElement.scrollHeight)';

describe('the caseload with 5,000 open cases', () => {
  it('is virtualised, filters as you type, and reaches the last case by keyboard and by scrolling', async () => {
    onTestFailed(async () => void (await app?.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload-scale-failure.png') }).catch(() => undefined)));
    const { page } = app;
    await waitForHeading(page, 'My caseload');
    await waitToSee(table(page).getByRole('row').nth(1), 'a row of the caseload');
    await waitForRowCount(page, OPEN_CASES);
    const first = await shown(page);
    expect(first.rowElements).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(first.rows[0]?.rowIndex).toBe(2);
    expect(first.rows[0]?.cells[1]).toBe(sorted[0]?.caseRef);

    // Typing a name: every case holding it, and only those, whether rendered or not.
    const last = sorted.at(-1)!;
    const name = last.name.split(' ').at(-1)!;
    const matching = sorted.filter((r) => r.name.toLowerCase().includes(name.toLowerCase()) || r.caseRef.toLowerCase().includes(name.toLowerCase()));
    const search = page.getByRole('searchbox', { name: SEARCH_LABEL, exact: true });
    await search.focus();
    await page.keyboard.type(name);
    await waitForRowCount(page, matching.length);
    await waitToSee(page.getByRole('status').filter({ hasText: `Showing ${matching.length} that match.` }), 'the count of matching cases');
    const filtered = await shown(page);
    expect(filtered.rows[0]?.cells[1]).toBe(matching[0]?.caseRef);
    for (const row of filtered.rows) expect(row.cells[0]?.toLowerCase()).toContain(name.toLowerCase());
    await search.fill('');
    await waitForRowCount(page, OPEN_CASES);

    // Keyboard: down from the search box into the list, End to the last of 5,000, Enter opens it.
    await search.focus();
    await page.keyboard.press('ArrowDown');
    expect((await page.evaluate(focusedRow))?.rowIndex).toBe(2);
    await page.keyboard.press('End');
    await expect.poll(async () => (await page.evaluate(focusedRow))?.rowIndex).toBe(OPEN_CASES + 1);
    expect((await page.evaluate(focusedRow))?.text).toContain(last.caseRef);
    expect((await shown(page)).rowElements).toBeLessThan(MAX_ROWS_IN_DOM);
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await page.evaluate(focusedRow))?.rowIndex).toBeLessThan(OPEN_CASES + 1);
    await page.keyboard.press('End');
    await expect.poll(async () => (await page.evaluate(focusedRow))?.rowIndex).toBe(OPEN_CASES + 1);
    await page.keyboard.press('Enter');
    await waitForHeading(page, last.name);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload', exact: true }).click();
    await waitForHeading(page, 'My caseload');
    await waitForRowCount(page, OPEN_CASES);

    // Scrolling the page to its end shows the last case, inside the window.
    await page.evaluate(SCROLL_TO_END);
    const lastRow = table(page).locator(`tr[aria-rowindex="${OPEN_CASES + 1}"]`);
    await expect.poll(async () => lastRow.count(), { timeout: 10_000 }).toBe(1);
    // Again: the rows rendered near the end are measured, and the page's true end may have moved.
    await page.evaluate(SCROLL_TO_END);
    const viewport = page.viewportSize()!;
    await expect
      .poll(
        async () => {
          const box = await lastRow.boundingBox();
          return !!box && box.y >= 0 && box.y + box.height <= viewport.height;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await lastRow.textContent()).toContain(last.caseRef);
    expect((await shown(page)).rowElements).toBeLessThan(MAX_ROWS_IN_DOM);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload-scale-end.png') });
    const violations = await axeViolations(page);
    expect(violations, describeViolations('caseload of 5,000 at its end', violations)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
