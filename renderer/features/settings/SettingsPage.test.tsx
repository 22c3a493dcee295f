import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

const REVIEW = 'Weeks from agreeing a plan to its first review';

describe('Settings', () => {
  it('shows the profile and the current thresholds, with no accessibility violations', async () => {
    await renderApp({ route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(document.title).toBe('Settings – THRIVE Plans');
    expect(screen.getByText('Riverside CAMHS', { selector: 'dd' })).toBeTruthy();
    expect((screen.getByLabelText(REVIEW) as HTMLInputElement).value).toBe('6');
    expect((screen.getByLabelText('Days before a review to flag it as due soon') as HTMLInputElement).value).toBe('7');
    await expectNoAxeViolations();
  });

  it('saves new thresholds, and the plan form then uses the new review interval', async () => {
    const backend = createTestBackend();
    const caseId = backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1', openDate: '2027-01-04', grouping: 'getting_help' });
    const { user } = await renderApp({ backend, route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await user.clear(screen.getByLabelText(REVIEW));
    await user.type(screen.getByLabelText(REVIEW), '8');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Settings saved/)).toBeTruthy();
    expect(backend.settings.reviewIntervalWeeks).toBe(8);

    // Saved, so leaving does not warn.
    await user.click(screen.getByRole('link', { name: 'Caseload' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    await user.click(screen.getByRole('link', { name: 'Jamie Lee' }));
    await user.click(await screen.findByRole('button', { name: 'Agree the THRIVE plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Agree the THRIVE plan' });
    expect((screen.getByLabelText('Agreed review date') as HTMLInputElement).value).toBe('08/03/2027');
    expect(caseId).toBeTruthy();
  });

  it('rejects values outside the allowed range and blanks', async () => {
    const { user, backend } = await renderApp({ route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await user.clear(screen.getByLabelText(REVIEW));
    await user.type(screen.getByLabelText(REVIEW), '0');
    await user.clear(screen.getByLabelText('Days before a review to flag it as due soon'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('At least 1 week');
    expect(summary.textContent).toContain('Enter a number of days');
    expect(document.activeElement).toBe(summary);
    expect(backend.callsTo('settings:update')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('refuses a save over another editor\'s newer save, says so beside the form and reloads theirs', async () => {
    const { user, backend } = await renderApp({ route: { name: 'settings' } });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    // Another window or person saves after this page loaded.
    await backend.api.settings.update({ noPlanDays: 30 });

    await user.clear(screen.getByLabelText(REVIEW));
    await user.type(screen.getByLabelText(REVIEW), '8');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Settings were changed elsewhere');
    expect(screen.getByText(/saved by someone else after you opened this page/)).toBeTruthy();
    expect(screen.queryByText(/Settings saved/)).toBeNull();
    // Theirs stands; nothing of this form was written.
    expect(backend.settings).toMatchObject({ noPlanDays: 30, reviewIntervalWeeks: 6 });

    await user.click(screen.getByRole('button', { name: 'Reload settings' }));
    const noPlan = 'Days a case can be open without a plan before it is flagged';
    await screen.findByDisplayValue('30');
    expect((screen.getByLabelText(noPlan) as HTMLInputElement).value).toBe('30');
    expect(screen.queryByRole('button', { name: 'Reload settings' })).toBeNull();

    await user.clear(screen.getByLabelText(REVIEW));
    await user.type(screen.getByLabelText(REVIEW), '8');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Settings saved/)).toBeTruthy();
    expect(backend.settings).toMatchObject({ noPlanDays: 30, reviewIntervalWeeks: 8 });
    await expectNoAxeViolations();
  });
});
