import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { largeTeam } from '../../test-support/team-fixtures';

const CAPTION = 'Team cases, most urgent first';
const SEARCH = 'Search by name, case reference or NHS number';

/** The rows in the DOM (spacer rows are hidden from assistive technology, so not counted). */
const dataRows = () => within(screen.getByRole('table', { name: CAPTION })).getAllByRole('row').slice(1);
const rankOf = (row: Element) => Number(row.querySelector('td')!.textContent);
const focusedRow = () => document.activeElement!.closest('tr')!;

async function openLargeTeam() {
  const team = largeTeam({ openCases: 5000 });
  const r = await renderApp({ fake: team.fake, route: { name: 'team' } });
  await screen.findByRole('table', { name: CAPTION }, { timeout: 10_000 });
  return { ...r, ...team };
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
    const { user } = await openLargeTeam();
    await user.type(screen.getByLabelText(SEARCH), 'bulk-04321');
    await waitFor(() => expect(dataRows().map((r) => within(r).getByRole('link').textContent)).toEqual(['Young Person 4321']));
    expect(screen.getByRole('table', { name: CAPTION }).getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByText(/^5,000 open cases, [\d,]+ need action\. Showing 1 that match\.$/)).toBeTruthy();
  });
});
