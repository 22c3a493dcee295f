import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';
import type { GeneratedCaseload } from '../../../tests/support/synthetic-caseload';

const CAPTION = 'Team cases, most urgent first';
const SEARCH = 'Search by name, case reference or NHS number';

/** The rows in the DOM (spacer rows are hidden from assistive technology, so not counted). */
const dataRows = () => within(screen.getByRole('table', { name: CAPTION })).getAllByRole('row').slice(1);
const rankOf = (row: Element) => Number(row.querySelector('td')!.textContent);
const focusedRow = () => document.activeElement!.closest('tr')!;

let team: { backend: TestBackend; generated: GeneratedCaseload };

// A team lead's team of 5,000 open cases (tests/support/synthetic-caseload.ts), written once for the
// file: the tests only read it, and writing it takes seconds.
beforeAll(() => {
  const backend = createTestBackend({ withProfile: false, forFile: true });
  team = { backend, generated: backend.generate({ seed: 7, teams: 1, cliniciansPerTeam: 12, openCases: 5000, closedCases: 0 }) };
}, 180_000);

async function openLargeTeam() {
  const r = await renderApp({ backend: team.backend, route: { name: 'team' } });
  await screen.findByRole('table', { name: CAPTION }, { timeout: 10_000 });
  return { ...r, generated: team.generated };
}

describe('The team case table with 5,000 open cases', () => {
  it('renders only a small window of rows, keeping the true size for assistive technology', async () => {
    await openLargeTeam();
    const table = screen.getByRole('table', { name: CAPTION });
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    const rows = dataRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 2)));
    expect(rows.map(rankOf)).toEqual(rows.map((_, i) => i + 1));
    expect(screen.getByText(/^5,000 open cases, [\d,]+ need action$/)).toBeTruthy();
  });

  it('moves focus with Down, PageDown, End and Home, scrolling the row into the DOM, and opens it with Enter', async () => {
    const { user } = await openLargeTeam();
    await user.click(screen.getByLabelText(SEARCH));
    await user.keyboard('{ArrowDown}');
    expect(rankOf(focusedRow())).toBe(1);
    await user.keyboard('{ArrowDown}');
    expect(rankOf(focusedRow())).toBe(2);
    await user.keyboard('{PageDown}');
    const afterPage = rankOf(focusedRow());
    expect(afterPage).toBeGreaterThan(2);

    await user.keyboard('{End}');
    expect(rankOf(focusedRow())).toBe(5000);
    expect(focusedRow().getAttribute('aria-rowindex')).toBe('5001');
    // The window moved to the end: the first rows are no longer in the DOM.
    expect(dataRows().some((r) => rankOf(r) === 1)).toBe(false);
    expect(dataRows().length).toBeLessThan(40);
    await user.keyboard('{ArrowUp}');
    expect(rankOf(focusedRow())).toBe(4999);

    await user.keyboard('{Home}');
    expect(rankOf(focusedRow())).toBe(1);
    await user.keyboard('{End}');
    const name = document.activeElement!.textContent!;
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name });
  });

  it('filters all 5,000 rows as you type', async () => {
    const { user, generated } = await openLargeTeam();
    const sought = generated.cases[4320]!;
    await user.type(screen.getByLabelText(SEARCH), sought.caseRef.toLowerCase());
    await waitFor(() => expect(dataRows().map((r) => within(r).getByRole('link').textContent)).toEqual([sought.name]));
    expect(screen.getByRole('table', { name: CAPTION }).getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByText(/^5,000 open cases, [\d,]+ need action\. Showing 1 that match\.$/)).toBeTruthy();
  });
});
