import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

describe('First run: set up your profile', () => {
  it('is shown when there is no profile, with no accessibility violations', async () => {
    await renderApp({ backend: createTestBackend({ withProfile: false }) });
    await screen.findByRole('heading', { level: 1, name: 'Set up your profile' });
    expect(document.title).toBe('Set up your profile – THRIVE Plans');
    // Nothing else is reachable before the profile exists.
    expect(screen.queryByRole('link', { name: 'Caseload' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('asks for each field', async () => {
    const { user } = await renderApp({ backend: createTestBackend({ withProfile: false }) });
    await user.click(await screen.findByRole('button', { name: 'Save and continue' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter your name',
      'Choose clinician or team lead',
      'Enter your team',
    ]);
    await user.click(within(summary).getByRole('link', { name: 'Choose clinician or team lead' }));
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Clinician' }));
    await expectNoAxeViolations();
  });

  it('saves the profile and opens the caseload, with the name and team in the header', async () => {
    const backend = createTestBackend({ withProfile: false });
    const { user } = await renderApp({ backend });
    await user.type(await screen.findByLabelText('Your name'), 'Priya Shah');
    await user.click(screen.getByRole('radio', { name: 'Team lead' }));
    await user.type(screen.getByLabelText('Team'), 'Northside CAMHS');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(backend.callsTo('profile:setup')).toEqual([{ name: 'Priya Shah', role: 'team_lead', teamName: 'Northside CAMHS' }]);
    expect(screen.getByRole('banner').textContent).toContain('Priya Shah (Team lead), Northside CAMHS');
  });
});
