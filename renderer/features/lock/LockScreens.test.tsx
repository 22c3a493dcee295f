import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createFakeApi, FAKE_PASSPHRASE, FAKE_RECOVERY_CODE } from '../../test-support/fake-api';
import { renderApp } from '../../test-support/render-app';

const NEW_PASSPHRASE = 'purple kettle morning';

describe('First run: protect these records', () => {
  it('sets a passphrase, shows the recovery code once, requires the checkbox, then asks for the profile', async () => {
    const fake = createFakeApi({ lock: 'setup', withProfile: false });
    const { user } = await renderApp({ fake });
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
    expect(fake.callsTo('lock:setup')).toEqual([]);

    await user.clear(choose);
    await user.type(choose, NEW_PASSPHRASE);
    await user.clear(screen.getByLabelText('Type the passphrase again'));
    await user.type(screen.getByLabelText('Type the passphrase again'), NEW_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Set passphrase' }));

    await screen.findByRole('heading', { level: 1, name: 'Your organisation recovery code' });
    expect(screen.getByText(FAKE_RECOVERY_CODE)).toBeTruthy();
    expect(screen.getByText(/It will not be shown again\./)).toBeTruthy();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Confirm that you have stored the recovery code safely');
    expect(screen.getByRole('heading', { level: 1, name: 'Your organisation recovery code' })).toBeTruthy();

    await user.click(screen.getByLabelText('I have stored the recovery code safely'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Set up your profile' });
    expect(document.body.textContent).not.toContain(FAKE_RECOVERY_CODE);
    expect(fake.lock.passphrase).toBe(NEW_PASSPHRASE);
  });
});

describe('Lock screen', () => {
  it('shows no record data once locked, and unlocking returns to the same screen', async () => {
    const fake = createFakeApi();
    const caseId = fake.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ fake, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(fake.lock.state).toBe('locked');
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('Jamie Lee');
    expect(text).not.toContain('RIO-1');
    expect(text).not.toContain('Alex Morgan');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.autocomplete).toBe('current-password');
    await expectNoAxeViolations();

    await user.type(field, FAKE_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
  });

  it('says a wrong passphrase is not right beside the field and in the summary', async () => {
    const fake = createFakeApi({ lock: 'locked' });
    const { user } = await renderApp({ fake });
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
    expect(fake.callsTo('app:state')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('unlocks with the recovery code and a new passphrase', async () => {
    const fake = createFakeApi({ lock: 'locked' });
    const { user } = await renderApp({ fake });
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
    await user.type(screen.getByLabelText('Recovery code'), FAKE_RECOVERY_CODE.toLowerCase().replace(/-/g, ' '));
    await user.click(screen.getByRole('button', { name: 'Unlock and set passphrase' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(fake.lock.passphrase).toBe(NEW_PASSPHRASE);
  });

  it('shows the recovery notice as an alert on the first screen after unlocking', async () => {
    const fake = createFakeApi({ lock: 'locked' });
    const notice = 'THRIVE Plans found its database damaged and set it aside. It restored the backup taken 10/01/2027 18:00.';
    fake.lock.recoveryNotice = notice;
    const { user } = await renderApp({ fake });
    await user.type(await screen.findByLabelText('Passphrase'), FAKE_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(screen.getByRole('alert').textContent).toContain(notice);
    await expectNoAxeViolations();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.body.textContent).not.toContain(notice);
  });

  it("goes to the lock screen when any call answers 'locked'", async () => {
    const fake = createFakeApi();
    fake.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ fake });
    await screen.findByRole('link', { name: 'Jamie Lee' });
    // Main's own idle backstop locked it; the next thing the renderer asks for is refused.
    fake.lockFromMain();
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'THRIVE Plans is locked' });
    expect(document.body.textContent).not.toContain('Jamie Lee');
    await user.type(screen.getByLabelText('Passphrase'), FAKE_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
  });

  it('comes back when main refuses to lock a session opened with a key (the e2e bridge, the CLI)', async () => {
    const fake = createFakeApi();
    fake.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ fake });
    await screen.findByRole('link', { name: 'Jamie Lee' });
    fake.failNext('lock:lock', { code: 'forbidden', message: 'The app lock is managed in the app; this session was opened with a key.' });
    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('link', { name: 'Jamie Lee' });
    await waitFor(() => expect(fake.callsTo('lock:status').length).toBe(2));
  });
});
