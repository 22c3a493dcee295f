import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';
import { TEST_PASSPHRASE } from '../../../tests/support/app-api/session';

/** Whether the app now opens with this passphrase (locks it first: the end of a test). */
function opensWith(backend: TestBackend, passphrase: string): boolean {
  backend.session.lockNow();
  return backend.session.invoke('lock:unlock', { passphrase }).ok;
}

const NEW_PASSPHRASE = 'purple kettle morning';

describe('First run: protect these records', () => {
  it('sets a passphrase, shows the recovery code once, requires the checkbox, then asks for the profile', async () => {
    const backend = createTestBackend({ lock: 'setup', withProfile: false });
    const { user } = await renderApp({ backend });
    await screen.findByRole('heading', { level: 1, name: 'Protect these records' });
    const choose = screen.getByLabelText('Choose a passphrase') as HTMLInputElement;
    expect(choose.type).toBe('password');
    expect(choose.autocomplete).toBe('new-password');
    expect(screen.getByText('At least 12 characters. Three random words work well.')).toBeTruthy();
    await expectNoAxeViolations();

    // Too short, and not matching: both beside their fields and in the summary.
    await user.type(choose, 'short');
    await user.type(screen.getByLabelText('Type the passphrase again'), 'other');
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Use at least 12 characters');
    expect(document.activeElement).toBe(summary);
    expect(backend.callsTo('lock:setup')).toEqual([]);

    await user.clear(choose);
    await user.type(choose, NEW_PASSPHRASE);
    await user.clear(screen.getByLabelText('Type the passphrase again'));
    await user.type(screen.getByLabelText('Type the passphrase again'), NEW_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));

    await screen.findByRole('heading', { level: 1, name: 'Your organisation recovery code' });
    // The code main made for this install, in six groups of five.
    const code = screen.getByText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/).textContent ?? '';
    expect(backend.callsTo('lock:setup')).toHaveLength(1);
    expect(screen.getByText(/It will not be shown again\./)).toBeTruthy();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Confirm that you have stored the recovery code safely');
    expect(screen.getByRole('heading', { level: 1, name: 'Your organisation recovery code' })).toBeTruthy();

    await user.click(screen.getByLabelText('I have stored the recovery code safely'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Set up your profile' });
    expect(document.body.textContent).not.toContain(code);
    expect(opensWith(backend, NEW_PASSPHRASE)).toBe(true);
  });
});

describe('Lock screen', () => {
  it('shows no record data once locked, and unlocking returns to the same screen', async () => {
    const backend = createTestBackend({ lock: 'unlocked' });
    const caseId = backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ backend, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(backend.session.status().state).toBe('locked');
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('Jamie Lee');
    expect(text).not.toContain('RIO-1');
    expect(text).not.toContain('Alex Morgan');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.autocomplete).toBe('current-password');
    await expectNoAxeViolations();

    await user.type(field, TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
  });

  it('says a wrong passphrase is not right beside the field and in the summary', async () => {
    const backend = createTestBackend({ lock: 'locked' });
    const { user } = await renderApp({ backend });
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    await user.type(screen.getByLabelText('Passphrase'), 'not my passphrase');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    expect(summary.textContent).toContain('That passphrase is not right.');
    expect(document.activeElement).toBe(summary);
    const field = screen.getByLabelText('Passphrase');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toContain('That passphrase is not right.');
    expect((field as HTMLInputElement).value).toBe('');
    // The lock status decides first: nothing from the records was asked for.
    expect(backend.callsTo('app:state')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('unlocks with the recovery code and a new passphrase', async () => {
    const backend = createTestBackend({ lock: 'locked' });
    const { user } = await renderApp({ backend });
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    await user.click(screen.getByRole('button', { name: 'Forgotten your passphrase?' }));
    await screen.findByRole('heading', { level: 1, name: 'Unlock with the recovery code' });
    await expectNoAxeViolations();

    await user.type(screen.getByLabelText('Recovery code'), '7F3K9-QW2MZ-A1B2C-D3E4F-G5H6J-K7M8P');
    await user.type(screen.getByLabelText('New passphrase'), NEW_PASSPHRASE);
    await user.type(screen.getByLabelText('Type the new passphrase again'), NEW_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock and set passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That recovery code is not right.');

    await user.clear(screen.getByLabelText('Recovery code'));
    // Typed as people do: lower case, spaces for the dashes.
    await user.type(screen.getByLabelText('Recovery code'), (backend.session.recoveryCode ?? '').toLowerCase().replace(/-/g, ' '));
    await user.click(screen.getByRole('button', { name: 'Unlock and set passphrase' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(opensWith(backend, NEW_PASSPHRASE)).toBe(true);
  });

  it('shows the recovery notice as an alert on the first screen after unlocking', async () => {
    // A backup, then the database's first page damaged while the app was locked: unlocking sets the
    // file aside and restores the backup, and says so.
    const backend = createTestBackend({ lock: 'unlocked' });
    backend.okNow('backup:create', {});
    backend.session.damageDatabase();
    const { user } = await renderApp({ backend });
    await user.type(await screen.findByLabelText('Passphrase'), TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    const notice = screen.getByRole('alert').textContent ?? '';
    expect(notice).toContain('THRIVE Plans found its database damaged and set it aside. It restored the backup taken');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.body.textContent).not.toContain(notice);
  });

  it("goes to the lock screen when any call answers 'locked'", async () => {
    const backend = createTestBackend({ lock: 'unlocked' });
    backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ backend });
    await screen.findByRole('link', { name: 'Jamie Lee' });
    // Main's own idle backstop locked it; the next thing the renderer asks for is refused.
    backend.session.lockNow();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(document.body.textContent).not.toContain('Jamie Lee');
    await user.type(screen.getByLabelText('Passphrase'), TEST_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
  });

  it('comes back when main refuses to lock a session opened with a key (the e2e bridge, the CLI)', async () => {
    // The headless backend is such a session: main itself refuses lock:lock.
    const backend = createTestBackend();
    backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ backend });
    await screen.findByRole('link', { name: 'Jamie Lee' });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('link', { name: 'Jamie Lee' });
    await waitFor(() => expect(backend.callsTo('lock:status').length).toBe(2));
  });
});
