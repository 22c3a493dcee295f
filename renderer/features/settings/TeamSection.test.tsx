import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

function leadWithTeam() {
  const backend = createTestBackend({ role: 'team_lead' });
  const kim = backend.addClinician('Dr Kim');
  const north = backend.addTeam('North CAMHS');
  return { backend, kim, north };
}

async function openSettings(backend = leadWithTeam().backend) {
  const r = await renderApp({ backend, route: { name: 'settings' } });
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  await screen.findByRole('table', { name: 'Members of Riverside CAMHS' });
  return r;
}

const members = () =>
  within(screen.getByRole('table', { name: 'Members of Riverside CAMHS' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [r.querySelector('th')!.textContent, r.querySelectorAll('td')[0]!.textContent]);
const memberRow = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('Settings: Team (team leads)', () => {
  it("lists the team's members with their roles, with no accessibility violations", async () => {
    await openSettings();
    expect(screen.getByRole('heading', { level: 2, name: 'Team' })).toBeTruthy();
    expect(members()).toEqual([
      ['Alex Morgan (you)', 'Team lead'],
      ['Dr Kim', 'Clinician'],
    ]);
    await expectNoAxeViolations();
  });

  it('moves a clinician to another team', async () => {
    const { backend, kim, north } = leadWithTeam();
    const { user } = await openSettings(backend);
    const row = within(memberRow('Dr Kim'));
    await user.selectOptions(row.getByLabelText('Move to another team'), 'North CAMHS');
    await user.click(row.getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Dr Kim moved to North CAMHS.')).toBeTruthy();
    expect(backend.callsTo('clinicians:update')).toEqual([{ clinicianId: kim.id, teamId: north.id }]);
    await waitFor(() => expect(members()).toEqual([['Alex Morgan (you)', 'Team lead']]));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Team' }));
  });

  it('refuses to leave the team without a team lead, saying so beside the select', async () => {
    const { backend } = leadWithTeam();
    const { user } = await openSettings(backend);
    const row = within(memberRow('Alex Morgan (you)'));
    await user.selectOptions(row.getByLabelText('Move to another team'), 'North CAMHS');
    await user.click(row.getByRole('button', { name: 'Move' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('A team needs at least one team lead');
    expect(row.getByText('A team needs at least one team lead')).toBeTruthy();
    expect(members()).toHaveLength(2);
  });

  it('asks which team before moving anyone', async () => {
    const { backend } = leadWithTeam();
    const { user } = await openSettings(backend);
    await user.click(within(memberRow('Dr Kim')).getByRole('button', { name: 'Move' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Choose the team to move Dr Kim to');
    const select = within(memberRow('Dr Kim')).getByLabelText('Move to another team');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(backend.callsTo('clinicians:update')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('adds a team, which can then be moved to', async () => {
    const backend = createTestBackend({ role: 'team_lead' });
    backend.addClinician('Dr Kim');
    const { user } = await openSettings(backend);
    expect(within(memberRow('Dr Kim')).getByText('Add another team first.')).toBeTruthy();
    await user.type(screen.getByLabelText('Team name'), 'Eastside CAMHS');
    await user.click(screen.getByRole('button', { name: 'Add a team' }));
    expect(await screen.findByText('Team Eastside CAMHS added.')).toBeTruthy();
    expect(backend.callsTo('teams:create')).toEqual([{ name: 'Eastside CAMHS' }]);
    expect((screen.getByLabelText('Team name') as HTMLInputElement).value).toBe('');
    const select = await within(memberRow('Dr Kim')).findByLabelText('Move to another team');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a team', 'Eastside CAMHS']);
  });

  it('adds a clinician to the team, and shows problems beside the fields', async () => {
    const { backend } = leadWithTeam();
    const { user } = await openSettings(backend);
    await user.click(screen.getByRole('button', { name: 'Add a clinician' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain("Enter the clinician's name");
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(backend.callsTo('clinicians:create')).toEqual([]);

    await user.type(screen.getByLabelText('Name'), 'Dr Lee');
    await user.selectOptions(screen.getByLabelText('Role'), 'Team lead');
    await user.click(screen.getByRole('button', { name: 'Add a clinician' }));
    expect(await screen.findByText('Dr Lee added to Riverside CAMHS.')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).toBeNull();
    await waitFor(() => expect(members()).toContainEqual(['Dr Lee', 'Team lead']));
    expect(backend.callsTo('clinicians:create')).toEqual([{ name: 'Dr Lee', role: 'team_lead', teamId: backend.teamId }]);
  });

  it('says when a team name is taken', async () => {
    const { backend } = leadWithTeam();
    const { user } = await openSettings(backend);
    await user.type(screen.getByLabelText('Team name'), 'north camhs');
    await user.click(screen.getByRole('button', { name: 'Add a team' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain('There is already a team called North CAMHS');
    expect(screen.getByLabelText('Team name').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('Settings for a clinician', () => {
  it('has no Team section; changing the role to team lead brings the Team link', async () => {
    const backend = createTestBackend();
    const { user } = await renderApp({ backend, route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.queryByRole('heading', { level: 2, name: 'Team' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Team' })).toBeNull();
    await expectNoAxeViolations();

    await user.selectOptions(screen.getByLabelText('Your role'), 'Team lead');
    await user.click(screen.getByRole('button', { name: 'Change role' }));
    expect(await screen.findByText('Your role is now team lead.')).toBeTruthy();
    expect(backend.callsTo('clinicians:update')).toEqual([{ clinicianId: backend.profile!.id, role: 'team_lead' }]);
    expect(screen.getByRole('link', { name: 'Team' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Members of Riverside CAMHS' });
  });
});
