import { act, cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside, fill } from '../../test-support/form-queries';
import { renderApp } from '../../test-support/render-app';
import type { TestBackend } from '../../../tests/support/app-api/backend';
import { jamie } from '../../../tests/support/app-api/seed';
import { teamBackend, UNREACHABLE_SERVER } from '../../../tests/support/app-api/team-mode';

const ADDRESS = 'Server address';

async function openSettings() {
  const r = await renderApp({ route: { name: 'settings' } });
  await screen.findByRole('heading', { level: 1, name: 'Settings' });
  await screen.findByLabelText(ADDRESS);
  return r;
}

describe('Settings → Team server (solo mode)', () => {
  it('shows no sync state in the header and offers to connect, with the role still the profile\'s', async () => {
    await openSettings();
    const banner = screen.getByRole('banner');
    expect(banner.textContent).not.toMatch(/Up to date|waiting|Signed out|Offline/);
    expect(within(banner).queryByRole('link', { name: /conflict/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Team server' })).toBeTruthy();
    // Working alone, the role is still the person's own to set.
    expect(screen.getByLabelText('Your role')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('checks the address beside the field before asking main, with main\'s own rule', async () => {
    const { user, backend } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(errorBeside(ADDRESS)).toContain('Enter the team server address');
    await fill(user, ADDRESS, 'http://thrive.example.nhs.uk');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(errorBeside(ADDRESS)).toContain('must start with https://');
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(backend.callsTo('sync:connect')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('says beside the field when no team server answers at the address (the real engine asking)', async () => {
    const { backend } = teamBackend({ connected: false });
    const { user } = await renderApp({ backend, route: { name: 'settings' } });
    await screen.findByLabelText(ADDRESS);
    await fill(user, ADDRESS, `${UNREACHABLE_SERVER}/`);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByRole('alert');
    expect(errorBeside(ADDRESS)).toBe('Error: No team server answered at this address. Check the address and that this computer is online.');
    // Still solo: nothing about sync in the header, the address still there to correct.
    expect(screen.getByRole('banner').textContent).not.toMatch(/Signed out|Offline/);
    expect(screen.getByLabelText(ADDRESS)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('puts main\'s refusal beside the field when this session cannot sync', async () => {
    const { user, backend } = await openSettings();
    await fill(user, ADDRESS, 'https://thrive.example.nhs.uk');
    await user.keyboard('{Enter}');
    // The component tests' headless session has no team server engine: main refuses, in its words.
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(errorBeside(ADDRESS)).toContain('Team sync is not available in this session');
    expect(backend.callsTo('sync:connect')).toEqual([{ serverUrl: 'https://thrive.example.nhs.uk' }]);
  });
});

describe('Settings → Team server (team mode)', () => {
  const waiting = (backend: TestBackend) => backend.db().prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;

  async function openTeamSettings(role?: 'clinician' | 'team_lead') {
    const team = teamBackend({ role, browser: true });
    team.backend.seedCase(jamie());
    const r = await renderApp({ backend: team.backend, route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await screen.findByRole('heading', { level: 2, name: 'Team server' });
    return { ...r, ...team };
  }

  it('signed out: no role to choose, the server named, and Sign in offered, with no accessibility violations', async () => {
    const { backend } = await openTeamSettings();
    const section = screen.getByRole('region', { name: 'Team server' });
    expect(within(section).getByText(UNREACHABLE_SERVER)).toBeTruthy();
    expect(within(section).getByText('Not signed in')).toBeTruthy();
    expect(within(section).getByText('Your role is granted by your service admin.')).toBeTruthy();
    // The profile's role select and "Change role" are gone: roles come from the organisation.
    expect(screen.queryByLabelText('Your role')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change role' })).toBeNull();
    expect(within(screen.getByRole('banner')).getByText(`Signed out · sign in to send ${waiting(backend)} changes`)).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('signs in through the browser, then shows the person, teams and role the server gives', async () => {
    const { user, backend, signIn } = await openTeamSettings('team_lead');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByText('Waiting for you to sign in in your browser…')).getAttribute('role')).toBe('status');
    await act(async () => signIn.finishInBrowser());

    const section = screen.getByRole('region', { name: 'Team server' });
    await within(section).findByText('Alex Morgan');
    expect(within(section).getByText('Riverside CAMHS')).toBeTruthy();
    expect(within(section).getByText('Team lead')).toBeTruthy();
    expect(screen.queryByText('Waiting for you to sign in in your browser…')).toBeNull();
    // Signed in, the engine tried the server at once and found it unreachable: the changes still wait.
    const banner = screen.getByRole('banner');
    await within(banner).findByText(`Offline since 12:00 · ${waiting(backend)} changes waiting`);
    expect(banner.textContent).toContain('Alex Morgan (Team lead), Riverside CAMHS');
    expect(banner.querySelector('[role="status"]')?.textContent).toBe('Team sync: offline. Your changes are kept on this computer.');
    await expectNoAxeViolations();
  });

  it('warns before signing out with changes waiting, and keeps them', async () => {
    const { user, backend, signIn } = await openTeamSettings();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await act(async () => signIn.finishInBrowser());
    const n = waiting(backend);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out with changes waiting?' });
    expect(dialog.textContent).toContain(`${n} changes have not been sent to the team server yet`);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Stay signed in' }));
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(screen.getByRole('button', { name: 'Sign out anyway' }));
    await screen.findByText('Signed out of the team server. Your records stay on this computer.');
    expect(within(screen.getByRole('banner')).getByText(`Signed out · sign in to send ${n} changes`)).toBeTruthy();
    expect(waiting(backend)).toBe(n);
  });

  it('leaves roles and team members to the server: no team forms for a lead, no "change your role" for a clinician', async () => {
    await openTeamSettings('team_lead');
    expect(screen.queryByRole('heading', { name: /Add a clinician/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Move' })).toBeNull();
    cleanup();

    const { backend } = teamBackend();
    await renderApp({ backend, route: { name: 'team' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The team view is for team leads. Your role is granted by your service admin.');
    expect(screen.queryByRole('link', { name: 'Go to Settings' })).toBeNull();
  });

  it("says so when the organisation's sign-in service cannot be reached (the app's own sign-in)", async () => {
    const { backend } = teamBackend();
    backend.seedCase(jamie());
    const { user } = await renderApp({ backend, route: { name: 'settings' } });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('The sign-in service at http://127.0.0.1:9/idp could not be reached');
    expect(screen.queryByText('Waiting for you to sign in in your browser…')).toBeNull();
    // Still signed out, nothing lost: the changes still wait.
    expect(within(screen.getByRole('banner')).getByText(`Signed out · sign in to send ${waiting(backend)} changes`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
