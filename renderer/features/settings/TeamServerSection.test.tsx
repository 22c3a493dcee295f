import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside, fill } from '../../test-support/form-queries';
import { renderApp } from '../../test-support/render-app';

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
