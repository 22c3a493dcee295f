import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestBackend } from '../tests/support/app-api/backend';
import { renderApp } from './test-support/render-app';

describe('App shell', () => {
  it('has the app name, who is signed in, the main links and a skip link', async () => {
    const { user } = await renderApp();
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    const banner = screen.getByRole('banner');
    expect(banner.textContent).toContain('THRIVE Plans');
    expect(banner.textContent).toContain('Alex Morgan (Clinician), Riverside CAMHS');
    expect(screen.getByRole('link', { name: 'Caseload' }).getAttribute('aria-current')).toBe('page');

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    // The new screen's heading takes focus so a screen reader starts there.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Settings' }));

    await user.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('warns before leaving a form with unsaved changes, in an in-app dialog', async () => {
    const { user } = await renderApp({ route: { name: 'open-case' } });
    await user.type(await screen.findByLabelText('Case reference'), 'RIO-77');
    await user.click(screen.getByRole('link', { name: 'Caseload' }));

    const dialog = screen.getByRole('dialog', { name: 'You have unsaved changes' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay on this page' }));
    // The form autosaves, so the dialog says what really happens to the typing.
    expect(dialog.textContent).toContain('kept as a draft on this computer');
    expect(dialog.textContent).not.toContain('will be lost');

    // Staying keeps what was typed and puts focus back.
    await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByLabelText('Case reference') as HTMLInputElement).value).toBe('RIO-77');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Caseload' }));

    // Escape also stays; Tab stays inside the dialog.
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Leave without saving' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stay on this page' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    await user.click(screen.getByRole('button', { name: 'Leave without saving' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
  });

  it('does not warn when nothing was typed', async () => {
    const { user } = await renderApp({ route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
  });

  it('explains when app state cannot be loaded, and tries again', async () => {
    const backend = createTestBackend();
    backend.failNext('app:state', { code: 'internal', message: 'The records could not be opened.' });
    const { user } = await renderApp({ backend });
    expect((await screen.findByRole('alert')).textContent).toContain('The records could not be opened.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
  });

  it('keeps the last moments of typing when leaving a form before the autosave timer fires', async () => {
    const { user, backend } = await renderApp({ route: { name: 'open-case' } });
    await user.type(await screen.findByLabelText('Case reference'), 'RIO-78');
    // No time passes: the 800 ms autosave has not fired yet when the user leaves.
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    await user.click(screen.getByRole('button', { name: 'Leave without saving' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(JSON.stringify(backend.draft('open_case', null)?.payload)).toContain('RIO-78');
  });

  it('says typing will be lost on a form that keeps no draft (settings)', async () => {
    const { user } = await renderApp({ route: { name: 'settings' } });
    const field = await screen.findByLabelText(/^Weeks from agreeing a plan/);
    await user.clear(field);
    await user.type(field, '10');
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    expect(screen.getByRole('dialog', { name: 'You have unsaved changes' }).textContent).toContain('will be lost');
  });
});
