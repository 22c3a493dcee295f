import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { smallTeam } from '../../../tests/support/app-api/small-team';

/** Main answers over an in-memory database: on a busy machine the team figures can take a few seconds. */
const SLOW = { timeout: 5000 };

async function openTeam() {
  const team = smallTeam();
  const r = await renderApp({ backend: team.backend, route: { name: 'team' } });
  await screen.findByRole('heading', { level: 2, name: 'Endings in the period' }, SLOW);
  return { ...r, ...team };
}

interface Figure {
  label: string;
  value: number;
}

/** What a chart draws: each bar's label and the value written beside it. */
function chartFigures(svg: Element): Figure[] {
  return Array.from(svg.querySelectorAll('.bar-chart__row')).map((g) => ({
    label: g.querySelector('.bar-chart__label')!.textContent!,
    value: Number(g.querySelector('.bar-chart__value')!.textContent),
  }));
}

/** The first table after `el` in the page. */
function tableAfter(el: Element): HTMLTableElement {
  const next = Array.from(document.querySelectorAll('table')).find(
    (t) => el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (!next) throw new Error('no table after the chart');
  return next;
}

/** The number a table gives for a bar: its row (and, in a transition table, its column). */
function tableValue(table: HTMLTableElement, label: string): number {
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const [from, to] = label.split(' → ');
  if (to === undefined) {
    const row = rows.find((r) => r.querySelector('th')?.textContent === label);
    if (!row) throw new Error(`no row "${label}" in table "${table.caption?.textContent}"`);
    return Number(row.querySelector('td')!.textContent);
  }
  const headers = Array.from(table.querySelectorAll('thead th'));
  const column = headers.findIndex((th) => th.textContent?.endsWith(`: ${to}`));
  const row = rows.find((r) => r.querySelector('th')?.textContent?.endsWith(`: ${from}`));
  if (column < 1 || !row) throw new Error(`no cell for "${label}"`);
  return Number(row.children[column]!.textContent);
}

const tableRows = (caption: string) =>
  within(screen.getByRole('table', { name: caption }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.children).map((c) => c.textContent));

describe('Team figures', () => {
  it('pairs every chart with a table giving the same numbers', async () => {
    await openTeam();
    const charts = screen.getAllByRole('img');
    expect(charts.map((svg) => svg.querySelector('title')?.textContent)).toEqual([
      'Chart of open cases by flag',
      'Chart of open cases by THRIVE grouping',
      'Chart of open cases by clinician',
      'Chart of open cases by time open',
      'Chart of open cases by grouping at open and now',
      'Chart of closed cases by grouping at open and at close',
      'Chart of GBO change at close',
      'Chart of ending reasons',
    ]);
    for (const svg of charts) {
      const figures = chartFigures(svg);
      expect(figures.length).toBeGreaterThan(0);
      const table = tableAfter(svg);
      for (const f of figures) expect(tableValue(table, f.label), `${svg.querySelector('title')?.textContent}: ${f.label}`).toBe(f.value);
      // The description read out for the image carries the same figures.
      expect(svg.querySelector('desc')?.textContent).toContain(`${figures[0]!.label}: ${figures[0]!.value}`);
    }
  });

  it('counts the open cases by flag, grouping and clinician', async () => {
    await openTeam();
    expect(tableRows('Cases by flag')).toEqual([
      ['Risk Support review gap', '1'],
      // Jordan Blake's too: main holds Risk Support plans to a review within 4 weeks, so a gap is overdue.
      ['Review overdue', '2'],
      ['Past target date', '0'],
      ['Goals stuck', '0'],
      ['No plan', '1'],
      ['Current View missing', '0'],
      ['Review due soon', '1'],
    ]);
    expect(tableRows('Cases by grouping')).toEqual([
      ['Thriving', '0'],
      ['Getting Advice and Signposting', '1'],
      ['Getting Help', '2'],
      ['Getting More Help', '0'],
      ['Getting Risk Support', '1'],
      ['Not recorded yet', '1'],
      ['Total', '5'],
    ]);
    expect(tableRows('Cases by clinician')).toEqual([
      ['Alex Morgan', '2', '1'],
      ['Dr Kim', '2', '2'],
      ['Sam Rivera', '1', '0'],
    ]);
    expect(tableRows('Time open')).toEqual([
      ['Under 6 weeks', '3'],
      ['6 to 12 weeks', '2'],
      ['12 to 26 weeks', '0'],
      ['26 to 52 weeks', '0'],
      ['52 weeks or more', '0'],
      ['Total', '5'],
    ]);
  });

  it('shows transition tables with row and column headers', async () => {
    await openTeam();
    const openNow = screen.getByRole('table', { name: 'Grouping at open and now' });
    const headers = within(openNow).getAllByRole('columnheader');
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(headers.map((th) => th.textContent)).toEqual([
      'At open ↓ now →',
      'Now: Thriving',
      'Now: Getting Advice and Signposting',
      'Now: Getting Help',
      'Now: Getting More Help',
      'Now: Getting Risk Support',
      'Total',
    ]);
    const rowHeaders = within(openNow).getAllByRole('rowheader');
    expect(rowHeaders.every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    expect(rowHeaders.map((th) => th.textContent)).toEqual([
      'At open: Getting Advice and Signposting',
      'At open: Getting Help',
      'At open: Getting More Help',
      'At open: Getting Risk Support',
      'Total',
    ]);
    // Alex Brown moved from Getting More Help to Getting Help at today's review.
    expect(tableRows('Grouping at open and now')[2]).toEqual(['At open: Getting More Help', '0', '0', '1', '0', '0', '1']);
    expect(tableRows('Grouping at open and at close')[1]).toEqual(['At open: Getting Help', '1', '0', '0', '0', '0', '1']);
  });

  it('shows endings over the last 12 months by default, and another period on "Show period"', async () => {
    const { user, backend } = await openTeam();
    expect((screen.getByLabelText('Closed from') as HTMLInputElement).value).toBe('11/01/2026');
    expect((screen.getByLabelText('Closed to') as HTMLInputElement).value).toBe('11/01/2027');
    expect(screen.getByText('2 cases closed from 11/01/2026 to 11/01/2027.')).toBeTruthy();
    expect(tableRows('GBO change at close')).toEqual([
      ['Improved', '1'],
      ['No reliable change', '0'],
      ['Deteriorated', '1'],
      ['Total', '2'],
    ]);
    expect(screen.getByText(/A change of 3 or more points between the first and final rating of a goal counts as meaningful/).textContent).toContain(
      '2 goals of 2 closed cases.',
    );
    expect(tableRows('Ending reasons').filter((r) => r[1] !== '0')).toEqual([
      ['Ending criteria met', '1'],
      ['Moved away', '1'],
      ['Total', '2'],
    ]);

    await user.clear(screen.getByLabelText('Closed from'));
    await user.type(screen.getByLabelText('Closed from'), '01/01/2025');
    await user.click(screen.getByRole('button', { name: 'Show period' }));
    expect(await screen.findByText('3 cases closed from 01/01/2025 to 11/01/2027.', undefined, SLOW)).toBeTruthy();
    expect(backend.callsTo('team:overview').at(-1)).toEqual({ closedFrom: '2025-01-01', closedTo: '2027-01-11' });
    expect(tableRows('GBO change at close')[1]).toEqual(['No reliable change', '1']);
    expect(tableRows('Ending reasons').filter((r) => r[1] !== '0')).toContainEqual(['Enough help agreed, though not all criteria met', '1']);
    // The open-case figures stayed on screen throughout.
    expect(screen.getByRole('table', { name: 'Cases by flag' })).toBeTruthy();
  });

  it('shows period problems beside the fields and in the summary, without asking main', async () => {
    const { user, backend } = await openTeam();
    const calls = backend.callsTo('team:overview').length;
    await user.clear(screen.getByLabelText('Closed from'));
    await user.type(screen.getByLabelText('Closed from'), '31/02/2026');
    await user.clear(screen.getByLabelText('Closed to'));
    await user.click(screen.getByRole('button', { name: 'Show period' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Closed from must be a real date, for example 15/03/2026',
      'Enter the end of the period',
    ]);
    expect(document.title).toBe('Error: Team caseload review – THRIVE Plans');
    expect(screen.getByLabelText('Closed to').getAttribute('aria-invalid')).toBe('true');

    await user.clear(screen.getByLabelText('Closed from'));
    await user.type(screen.getByLabelText('Closed from'), '01/02/2027');
    await user.type(screen.getByLabelText('Closed to'), '01/01/2027');
    await user.click(screen.getByRole('button', { name: 'Show period' }));
    await waitFor(() => expect(screen.getByRole('alert', { name: 'There is a problem' }).textContent).toContain('Closed from must be the same as or before closed to'));
    expect(backend.callsTo('team:overview')).toHaveLength(calls);
    await expectNoAxeViolations();
  });

  it("puts main's period error beside the field it names", async () => {
    const { user, backend } = await openTeam();
    backend.failNext('team:overview', {
      code: 'validation',
      message: 'The start of the period must be the same as or before the end',
      fields: [{ path: 'closedFrom', message: 'The start of the period must be the same as or before the end' }],
    });
    await user.click(screen.getByRole('button', { name: 'Show period' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('The start of the period must be the same as or before the end');
    expect(screen.getByLabelText('Closed from').getAttribute('aria-describedby')).toContain('field-closedFrom-error');
  });
});
