import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside } from '../../test-support/form-queries';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';
import { useNavigationStore } from '../../stores/navigation';

async function openForm() {
  const r = await renderApp({ route: { name: 'open-case' } });
  await screen.findByRole('heading', { level: 1, name: 'Open a case' });
  return r;
}

async function fillValid(user: Awaited<ReturnType<typeof openForm>>['user'], overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'Case reference': 'RIO-1001',
    "Young person's name": 'Jamie Lee',
    'Date of birth': '14/02/2012',
    'NHS number (optional)': '',
    'Referral date': '02/12/2026',
    'Open date': '04/01/2027',
    ...overrides,
  };
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(label);
    await user.clear(input);
    if (value) await user.type(input, value);
  }
}

describe('Open a case', () => {
  it('has no accessibility violations, with or without errors', async () => {
    const { user } = await openForm();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByRole('alert');
    await expectNoAxeViolations();
    expect(document.title).toBe('Error: Open a case – THRIVE Plans');
  });

  it('shows each problem beside its field and in a summary that takes focus', async () => {
    const { user, backend } = await openForm();
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect(errorBeside('Case reference')).toContain('Enter the case reference');
    expect(errorBeside("Young person's name")).toContain("Enter the young person's name");
    expect(errorBeside('Date of birth')).toContain('Enter the date of birth');
    expect(screen.getByLabelText('Case reference').getAttribute('aria-invalid')).toBe('true');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter the case reference',
      "Enter the young person's name",
      'Enter the date of birth',
      'Enter the referral date',
      'Enter the date the case was opened',
    ]);
    expect(backend.callsTo('cases:open')).toEqual([]);

    // A summary link takes you to its field.
    await user.click(within(summary).getByRole('link', { name: 'Enter the date of birth' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Date of birth'));
  });

  it('rejects an NHS number whose check digit is wrong', async () => {
    const { user, backend } = await openForm();
    await fillValid(user, { 'NHS number (optional)': '943 476 5910' });
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByRole('alert');
    expect(errorBeside('NHS number (optional)')).toContain('check digit');
    expect(backend.callsTo('cases:open')).toEqual([]);
  });

  it('opens the case with a valid NHS number and UK dates, then goes to the Current View at open', async () => {
    const { user, backend } = await openForm();
    await fillValid(user, { 'NHS number (optional)': '943 476 5919', 'Date of birth': '5/3/2012' });
    expect((screen.getByLabelText('Lead clinician') as HTMLSelectElement).value).toBe(backend.profile.id);
    expect((screen.getByLabelText('Coordinating agency') as HTMLInputElement).value).toBe('CAMHS');
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
    expect(backend.callsTo('cases:open')).toEqual([
      {
        caseRef: 'RIO-1001',
        name: 'Jamie Lee',
        dateOfBirth: '2012-03-05',
        nhsNumber: '9434765919',
        referralDate: '2026-12-02',
        openDate: '2027-01-04',
        leadClinicianId: backend.profile.id,
        coordinatingAgency: 'CAMHS',
      },
    ]);
    const route = useNavigationStore.getState().route;
    expect(route.name).toBe('current-view');
  });

  it('says how to write a date that cannot be read, and rejects dates that do not exist', async () => {
    const { user } = await openForm();
    await fillValid(user, { 'Date of birth': 'March 2012', 'Referral date': '31/02/2026' });
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByRole('alert');
    expect(errorBeside('Date of birth')).toContain('Enter date of birth as dd/mm/yyyy, for example 15/03/2026');
    expect(errorBeside('Referral date')).toContain('Referral date must be a real date');
    // What was typed stays as typed, so it can be corrected.
    expect((screen.getByLabelText('Date of birth') as HTMLInputElement).value).toBe('March 2012');
  });

  it('applies the same date rules as main, using today from the app', async () => {
    const { user } = await openForm();
    await fillValid(user, { 'Open date': '12/01/2027', 'Referral date': '10/01/2027' });
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByRole('alert');
    // The backend's today is 11/01/2027.
    expect(errorBeside('Open date')).toContain('Open date must be today or in the past');
    expect(errorBeside('Referral date')).toBeNull();
  });

  it('shows a case reference already in use (from main) beside "Case reference"', async () => {
    const backend = createTestBackend();
    backend.seedCase({ name: 'Someone Else', caseRef: 'RIO-1001' });
    const { user } = await renderApp({ backend, route: { name: 'open-case' } });
    await screen.findByRole('heading', { level: 1, name: 'Open a case' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Open case' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(errorBeside('Case reference')).toContain('Case reference RIO-1001 is already in use');
    expect(within(summary).getByRole('link').textContent).toContain('already in use');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Open a case');
  });
});
