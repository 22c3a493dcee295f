import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { backendWithCaseload, openCaseload, rowNames, rowOf, SEARCH, table } from '../../test-support/render-caseload';

describe('My caseload', () => {
  it('has no accessibility violations and counts the cases that need action', async () => {
    await openCaseload();
    await expectNoAxeViolations();
    expect(screen.getByText('4 open cases, 2 need action')).toBeTruthy();
    expect(document.title).toBe('My caseload – THRIVE Plans');
    expect(within(table()).getAllByRole('columnheader').map((th) => th.textContent?.replace(/[▲▼↕]/g, ''))).toEqual([
      'Name',
      'Case ref',
      'Grouping',
      'Weeks open',
      'Next review',
      'Target date',
      'Goals',
      'Flags',
    ]);
  });

  it('shows each flag with its reason, the review badge, and goal movement', async () => {
    await openCaseload();
    const riley = within(rowOf('Riley Shaw'));
    expect(riley.getByText('Review overdue')).toBeTruthy();
    expect(riley.getByText('Agreed review date 08/01/2027 passed 3 days ago; no review held since.')).toBeTruthy();
    expect(riley.getByText('Overdue')).toBeTruthy();
    expect(riley.getByText('08/01/2027')).toBeTruthy();
    expect(riley.getByText('3→5')).toBeTruthy();
    expect(riley.getByText('Goal 1: first rating 3, latest 5.')).toBeTruthy();
    expect(within(rowOf('Sam Patel')).getByText('No plan')).toBeTruthy();
    expect(within(rowOf('Sam Patel')).getByText(/without an agreed THRIVE plan/)).toBeTruthy();
    expect(within(rowOf('Jo Okafor')).getByText('Due soon')).toBeTruthy();
    expect(within(rowOf('Alex Brown')).getByText('None')).toBeTruthy();
  });

  it('lists the most urgent first, and sorts by a column header', async () => {
    const { user } = await openCaseload();
    expect(rowNames()).toEqual(['Riley Shaw', 'Sam Patel', 'Jo Okafor', 'Alex Brown']);
    expect(screen.getByRole('columnheader', { name: 'Flags' }).getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(rowNames()).toEqual(['Alex Brown', 'Jo Okafor', 'Riley Shaw', 'Sam Patel']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: 'Flags' }).getAttribute('aria-sort')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(rowNames()).toEqual(['Sam Patel', 'Riley Shaw', 'Jo Okafor', 'Alex Brown']);
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');

    // Cases without a review date go last.
    await user.click(screen.getByRole('button', { name: 'Next review' }));
    expect(rowNames()).toEqual(['Riley Shaw', 'Jo Okafor', 'Alex Brown', 'Sam Patel']);
  });

  it('searches by name, case reference and NHS number (spaces ignored)', async () => {
    const { user } = await openCaseload();
    const search = screen.getByLabelText(SEARCH);
    await user.type(search, 'riley');
    expect(rowNames()).toEqual(['Riley Shaw']);
    await user.clear(search);
    await user.type(search, 'rio-2003');
    expect(rowNames()).toEqual(['Jo Okafor']);
    await user.clear(search);
    await user.type(search, '943 476 5919');
    expect(rowNames()).toEqual(['Sam Patel']);
    expect(screen.getByText('4 open cases, 2 need action. Showing 1 that match.')).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'nobody');
    expect(screen.getByText('No open cases match your search and filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(rowNames()).toHaveLength(4);
  });

  it('filters by flag and by grouping', async () => {
    const { user } = await openCaseload();
    await user.selectOptions(screen.getByLabelText('Flag'), 'No plan');
    expect(rowNames()).toEqual(['Sam Patel']);
    await user.selectOptions(screen.getByLabelText('Flag'), 'Any flag that needs action');
    expect(rowNames()).toEqual(['Riley Shaw', 'Sam Patel']);
    await user.selectOptions(screen.getByLabelText('Flag'), 'All cases');
    await user.selectOptions(screen.getByLabelText('Grouping'), 'Getting Advice and Signposting');
    expect(rowNames()).toEqual(['Jo Okafor']);
    await user.selectOptions(screen.getByLabelText('Grouping'), 'Not recorded yet');
    expect(rowNames()).toEqual(['Sam Patel']);
  });

  it('focuses the search box on "/", then moves through rows with the arrows and opens one with Enter', async () => {
    const { user } = await openCaseload();
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText(SEARCH));
    expect((screen.getByLabelText(SEARCH) as HTMLInputElement).value).toBe('');

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Riley Shaw' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Jo Okafor' }));
    expect(rowOf('Jo Okafor').className).toContain('is-highlighted');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Sam Patel' }));
    // Only the highlighted row is a Tab stop.
    expect(screen.getByRole('link', { name: 'Riley Shaw' }).getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('link', { name: 'Sam Patel' }).getAttribute('tabindex')).toBe('0');

    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Sam Patel' });
  });

  it('opens a case from its name', async () => {
    const { user } = await openCaseload();
    await user.click(screen.getByRole('link', { name: 'Riley Shaw' }));
    await screen.findByRole('heading', { level: 1, name: 'Riley Shaw' });
  });

  it('offers a demo caseload when the database has no cases, and shows it once loaded', async () => {
    const backend = createTestBackend();
    const { user } = await openCaseload(backend);
    expect(await screen.findByRole('heading', { name: 'You have no open cases' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open a case' })).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Load demo caseload' }));
    await screen.findByRole('table', { name: 'My open cases' });
    // Every open case the demo gave the signed-in clinician, as main lists them.
    const mine = backend.okNow('caseload:list', {}).rows;
    expect(mine.length).toBeGreaterThan(0);
    expect(rowNames()).toEqual(expect.arrayContaining(mine.map((row) => row.name)));
    expect(rowNames()).toHaveLength(mine.length);
    expect(backend.callsTo('demo:seed')).toHaveLength(1);
  });

  it('does not offer the demo once the database holds cases', async () => {
    const backend = createTestBackend();
    const colleague = backend.addClinician('Dr Kim');
    backend.seedCase({ name: 'Not Mine', caseRef: 'RIO-9', leadClinicianId: colleague.id });
    await openCaseload(backend);
    expect(await screen.findByRole('heading', { name: 'You have no open cases' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load demo caseload' })).toBeNull();
  });

  it("shows a colleague's caseload when chosen from the team's clinicians", async () => {
    const backend = backendWithCaseload();
    const colleague = backend.addClinician('Dr Kim');
    backend.seedCase({ name: 'Taylor Green', caseRef: 'RIO-3001', leadClinicianId: colleague.id });
    const { user } = await openCaseload(backend);
    await user.selectOptions(await screen.findByLabelText('Clinician'), 'Dr Kim');
    await screen.findByRole('table', { name: 'Open cases of Dr Kim' });
    expect(within(screen.getByRole('table')).getAllByRole('link').map((a) => a.textContent)).toEqual(['Taylor Green']);
    expect(screen.getByText('Dr Kim: 1 open case, 1 needs action')).toBeTruthy();
  });

  it('keeps a long caseload in one list: only rows near the viewport are rendered, yet every case is reachable', async () => {
    const backend = createTestBackend();
    for (let i = 1; i <= 130; i++) backend.seedCase({ name: `Young Person ${i}`, caseRef: `BULK-${i}`, openDate: '2027-01-10' });
    const { user } = await openCaseload(backend);
    expect(screen.getByText('130 open cases, 0 need action')).toBeTruthy();
    // The table states its true size; the rows it holds say where they are in it.
    expect(table().getAttribute('aria-rowcount')).toBe('131');
    const shown = rowNames();
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(60);
    expect(shown[0]).toBe('Young Person 1');
    expect(rowOf('Young Person 1').getAttribute('aria-rowindex')).toBe('2');
    expect(screen.queryByRole('button', { name: /more cases/ })).toBeNull();
    await expectNoAxeViolations();

    // The keyboard reaches the last case (End) and back (Home), one screenful at a time between.
    await user.keyboard('/{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Young Person 1' }));
    await user.keyboard('{End}');
    const last = screen.getByRole('link', { name: 'Young Person 130' });
    expect(document.activeElement).toBe(last);
    expect(last.closest('tr')?.getAttribute('aria-rowindex')).toBe('131');
    expect(last.getAttribute('tabindex')).toBe('0');
    await user.keyboard('{PageUp}');
    const up = document.activeElement?.closest('tr');
    expect(Number(up?.getAttribute('aria-rowindex'))).toBeLessThan(131);
    expect(Number(up?.getAttribute('aria-rowindex'))).toBeGreaterThan(100);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Young Person 1' }));
    await expectNoAxeViolations();

    // Search still covers every case, including ones not rendered.
    await user.type(screen.getByLabelText(SEARCH), 'BULK-129');
    expect(rowNames()).toEqual(['Young Person 129']);
    expect(table().getAttribute('aria-rowcount')).toBe('2');
  });

  it('opens the open-case form', async () => {
    const { user } = await openCaseload();
    await user.click(screen.getByRole('button', { name: 'Open a case' }));
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
  });
});
