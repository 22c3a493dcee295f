import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { TEAM_VIEW_FORBIDDEN_MESSAGE } from '../../../shared/domain/team-access';
import { renderApp } from '../../test-support/render-app';
import { SMALL_TEAM_ORDER, smallTeam, type SmallTeam } from '../../../tests/support/app-api/small-team';
import type { Route } from '../../stores/navigation';

/** Main answers over an in-memory database: on a busy machine the team figures can take a few seconds. */
const SLOW = { timeout: 5000 };

const SEARCH = 'Search by name, case reference or NHS number';
const CAPTION = 'Team cases, most urgent first';

async function openTeam(team: SmallTeam = smallTeam(), route: Route = { name: 'team' }) {
  const r = await renderApp({ backend: team.backend, route });
  await screen.findByRole('heading', { level: 1, name: 'Team caseload review' }, SLOW);
  await screen.findByRole('table', { name: CAPTION }, SLOW);
  await screen.findByRole('heading', { level: 2, name: 'Cases by flag' }, SLOW);
  return { ...r, ...team };
}

const table = () => screen.getByRole('table', { name: CAPTION });
const rowNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);
const rowOf = (name: string) => within(table()).getByRole('link', { name }).closest('tr')!;
const countLine = () => screen.getByText(/open cases?, \d+ needs? action/);

describe('Team caseload review', () => {
  it('shows the team, its count line and the case table, with no accessibility violations', async () => {
    await openTeam();
    expect(document.title).toBe('Team caseload review – THRIVE Plans');
    expect(screen.getByText('Riverside CAMHS', { selector: 'p.caption' })).toBeTruthy();
    expect(countLine().textContent).toBe('5 open cases, 3 need action');
    expect(within(table()).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Rank',
      'Name',
      'Case ref',
      'Clinician',
      'Grouping',
      'Weeks open',
      'Next review',
      'Target date',
      'Flags',
    ]);
    expect(screen.getByRole('link', { name: 'Team', current: 'page' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('lists the cases most urgent first, each with its rank, clinician and flags with reasons', async () => {
    await openTeam();
    expect(rowNames()).toEqual(SMALL_TEAM_ORDER);
    const jordan = within(rowOf('Jordan Blake'));
    expect(jordan.getByText('1')).toBeTruthy();
    expect(jordan.getByText('Dr Kim')).toBeTruthy();
    expect(jordan.getByText('Risk Support review gap')).toBeTruthy();
    expect(jordan.getByText(/No review since opening on 01\/11\/2026, 71 days ago/)).toBeTruthy();
    const riley = within(rowOf('Riley Shaw'));
    expect(riley.getByText('Review overdue')).toBeTruthy();
    expect(riley.getByText('Agreed review date 08/01/2027 passed 3 days ago; no review held since.')).toBeTruthy();
    expect(within(rowOf('Sam Patel')).getByText('Not recorded')).toBeTruthy();
    expect(within(rowOf('Alex Brown')).getByText('None')).toBeTruthy();
    expect(rowOf('Jo Okafor').getAttribute('aria-rowindex')).toBe('5');
  });

  it('filters by flag, grouping and search (NHS number spaces ignored), and says how many match', async () => {
    const { user } = await openTeam();
    await user.selectOptions(screen.getByLabelText('Flag'), 'Any flag that needs action');
    expect(rowNames()).toEqual(['Jordan Blake', 'Riley Shaw', 'Sam Patel']);
    expect(countLine().textContent).toBe('5 open cases, 3 need action. Showing 3 that match.');
    await user.selectOptions(screen.getByLabelText('Flag'), 'Review due soon');
    expect(rowNames()).toEqual(['Jo Okafor']);
    await user.selectOptions(screen.getByLabelText('Flag'), 'All cases');

    await user.selectOptions(screen.getByLabelText('Grouping'), 'Getting Help');
    expect(rowNames()).toEqual(['Riley Shaw', 'Alex Brown']);
    await user.selectOptions(screen.getByLabelText('Grouping'), 'Not recorded yet');
    expect(rowNames()).toEqual(['Sam Patel']);
    await user.selectOptions(screen.getByLabelText('Grouping'), 'All groupings');

    const search = screen.getByLabelText(SEARCH);
    await user.type(search, '943 476 5919');
    expect(rowNames()).toEqual(['Sam Patel']);
    await user.clear(search);
    await user.type(search, 'rio-1004');
    expect(rowNames()).toEqual(['Jo Okafor']);
    await user.clear(search);
    await user.type(search, 'SHAW');
    expect(rowNames()).toEqual(['Riley Shaw']);
    expect(table().getAttribute('aria-rowcount')).toBe('2');
    await user.clear(search);
    await user.type(search, 'nobody');
    expect(screen.getByText('No open cases match your search and filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(rowNames()).toEqual(SMALL_TEAM_ORDER);
  });

  it('drills down to one clinician from the Clinician select, asking main for their cases and figures', async () => {
    const { user, backend, kim } = await openTeam();
    const select = screen.getByLabelText('Clinician');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All clinicians', 'Alex Morgan', 'Dr Kim', 'Sam Rivera']);
    await user.selectOptions(select, 'Dr Kim');
    await waitFor(() => expect(rowNames()).toEqual(['Jordan Blake', 'Sam Patel']));
    expect(countLine().textContent).toBe('2 open cases, 2 need action');
    expect(screen.getByText('Caseload of Dr Kim')).toBeTruthy();
    expect(document.activeElement).toBe(select);
    expect(backend.callsTo('team:cases').at(-1)).toEqual({ clinicianId: kim.id });
    await waitFor(() => expect(backend.callsTo('team:overview').at(-1)).toEqual({ clinicianId: kim.id }));
    expect(screen.getByRole('button', { name: 'Download supervision pack (PDF)' })).toBeTruthy();

    await user.selectOptions(select, 'All clinicians');
    await waitFor(() => expect(rowNames()).toEqual(SMALL_TEAM_ORDER));
    expect(backend.callsTo('team:cases').at(-1)).toEqual({});
    expect(screen.queryByRole('button', { name: 'Download supervision pack (PDF)' })).toBeNull();
  });

  it('drills down from a name in "Cases by clinician", with no accessibility violations', async () => {
    const { user, backend, rivera } = await openTeam();
    const byClinician = screen.getByRole('table', { name: 'Cases by clinician' });
    expect(within(byClinician).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Clinician', 'Open cases', 'Need action']);
    await user.click(within(byClinician).getByRole('button', { name: 'Sam Rivera' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    await waitFor(() => expect(rowNames()).toEqual(['Jo Okafor']));
    await screen.findByRole('heading', { level: 2, name: 'Cases by clinician' }, SLOW);
    expect(backend.callsTo('team:overview').at(-1)).toEqual({ clinicianId: rivera.id });
    expect((screen.getByLabelText('Clinician') as HTMLSelectElement).value).toBe(rivera.id);
    const mine = screen.getByRole('table', { name: 'Cases by clinician' });
    expect(within(mine).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Sam Rivera10']);
    await expectNoAxeViolations();
  });

  it('moves a roving row focus with the keys and opens the case with Enter', async () => {
    const { user } = await openTeam();
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText(SEARCH));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Jordan Blake' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Sam Patel' }));
    expect(rowOf('Sam Patel').className).toContain('is-highlighted');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Alex Brown' }));
    await user.keyboard('{Home}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Riley Shaw' }));
    // Only the highlighted row is a Tab stop.
    expect(screen.getByRole('link', { name: 'Riley Shaw' }).getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('link', { name: 'Jordan Blake' }).getAttribute('tabindex')).toBe('-1');
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Riley Shaw' });
  });

  it('shows one clinician with no open cases, with no accessibility violations', async () => {
    const team = smallTeam();
    const newcomer = team.backend.addClinician('Dr New');
    await renderApp({ backend: team.backend, route: { name: 'team', clinicianId: newcomer.id } });
    await screen.findByRole('heading', { level: 2, name: 'No open cases' }, SLOW);
    expect(screen.getByText('Dr New has no open cases.')).toBeTruthy();
    expect(countLine().textContent).toBe('0 open cases, 0 need action');
    await screen.findByRole('heading', { level: 2, name: 'Cases by flag' }, SLOW);
    await expectNoAxeViolations();
  });

  it('shows an empty team, with no accessibility violations', async () => {
    await renderApp({ backend: createTestBackend({ role: 'team_lead' }), route: { name: 'team' } });
    await screen.findByRole('heading', { level: 2, name: 'No open cases' }, SLOW);
    expect(screen.getByText('Nobody in the team has an open case.')).toBeTruthy();
    expect(countLine().textContent).toBe('0 open cases, 0 need action');
    await screen.findByRole('heading', { level: 2, name: 'Endings in the period' }, SLOW);
    expect(screen.getByText('0 cases closed from 11/01/2026 to 11/01/2027.')).toBeTruthy();
    expect(screen.getByText('No cases were closed in this period.')).toBeTruthy();
    await expectNoAxeViolations();
  });
});

describe('The team view for someone who is not a team lead', () => {
  it('has no Team link, and says who the view is for when routed there', async () => {
    const backend = createTestBackend();
    await renderApp({ backend, route: { name: 'team' } });
    await screen.findByRole('heading', { level: 1, name: 'Team caseload review' });
    expect(screen.getByText(TEAM_VIEW_FORBIDDEN_MESSAGE)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Caseload', 'Settings']);
    expect(backend.callsTo('team:cases')).toEqual([]);
    await expectNoAxeViolations();
  });

  it("shows main's refusal if the role changed elsewhere", async () => {
    const { backend, lead } = smallTeam();
    // The app loads as a team lead; before main answers for the team, the role is changed elsewhere.
    const release = backend.hold('team:cases');
    await renderApp({ backend, route: { name: 'team' } });
    backend.addClinician('Dr Lee', 'team_lead'); // main keeps at least one team lead in a team
    backend.okNow('clinicians:update', { clinicianId: lead.id, role: 'clinician' });
    release();
    const refusal = await backend.api.team.cases({});
    if (refusal.ok) expect.fail('main still showed the team to a clinician');
    expect(refusal.error.code).toBe('forbidden');
    expect(await screen.findByText(refusal.error.message)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the Team link to team leads', async () => {
    const { user } = await renderApp({ backend: createTestBackend({ role: 'team_lead' }) });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Caseload', 'Team', 'Settings']);
    await user.click(within(nav).getByRole('link', { name: 'Team' }));
    await screen.findByRole('heading', { level: 1, name: 'Team caseload review' });
  });
});
