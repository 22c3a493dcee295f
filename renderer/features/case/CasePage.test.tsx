import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createFakeApi } from '../../test-support/fake-api';
import { renderApp } from '../../test-support/render-app';

const detailsValue = (key: string) => {
  const term = screen.getAllByText(key, { selector: 'dt' })[0]!;
  return term.nextElementSibling?.textContent;
};

describe('Case page', () => {
  it('shows who, the dates as dd/mm/yyyy, the NHS number 3-3-4, flags with reasons, the plan, goals and Current View', async () => {
    const fake = createFakeApi();
    const caseId = fake.seedCase({
      name: 'Riley Shaw',
      caseRef: 'RIO-2001',
      dateOfBirth: '2011-06-30',
      nhsNumber: '9434765919',
      referralDate: '2026-10-01',
      openDate: '2026-11-16',
      grouping: 'getting_help',
      plan: {
        agreedDate: '2026-11-20',
        reviewDate: '2027-01-08',
        targetDate: '2027-03-01',
        goals: [{ description: 'Sleep through the night', ratings: [{ date: '2026-11-20', score: 3 }, { date: '2027-01-05', score: 6 }] }],
      },
    });
    await renderApp({ fake, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Riley Shaw' });
    expect(document.title).toBe('Riley Shaw – THRIVE Plans');

    expect(detailsValue('Case reference')).toBe('RIO-2001');
    expect(detailsValue('NHS number')).toBe('943 476 5919');
    expect(detailsValue('Date of birth')).toBe('30/06/2011 (age 15)');
    expect(detailsValue('Referral date')).toBe('01/10/2026');
    expect(detailsValue('Open date')).toBe('16/11/2026');
    expect(detailsValue('Weeks open')).toBe('8');
    expect(detailsValue('Lead clinician')).toBe('Alex Morgan');
    expect(screen.getAllByText('Getting Help').length).toBeGreaterThan(0);

    expect(screen.getByText('Review overdue')).toBeTruthy();
    expect(screen.getByText('Agreed review date 08/01/2027 passed 3 days ago; no review held since.')).toBeTruthy();

    const plan = screen.getByRole('region', { name: 'THRIVE plan' });
    expect(within(plan).getByText('Back at school and sleeping well')).toBeTruthy();
    expect(within(plan).getByText('01/03/2027')).toBeTruthy();

    const goals = screen.getByRole('region', { name: 'Goals' });
    expect(within(goals).getByText(/Sleep through the night/)).toBeTruthy();
    expect(within(goals).getByText(/From 3 to 6: Improved/)).toBeTruthy();

    const cv = screen.getByRole('region', { name: 'Current View at open' });
    expect(within(cv).getByText(/not an outcome measure/)).toBeTruthy();
    expect(within(cv).getByText(/All 30 items rated None/)).toBeTruthy();

    expect(screen.queryByRole('button', { name: 'Record Current View at open' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Agree the THRIVE plan' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('prompts for the Current View at open when it is missing', async () => {
    const fake = createFakeApi();
    const caseId = fake.seedCase({ name: 'Sam Patel', caseRef: 'RIO-2002', openDate: '2026-12-01' });
    const { user } = await renderApp({ fake, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Sam Patel' });
    expect(detailsValue('NHS number')).toBe('Not recorded');
    expect(screen.getByText('No plan')).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Record Current View at open' }));
    await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
  });

  it('prompts for the plan once the Current View is recorded', async () => {
    const fake = createFakeApi();
    const caseId = fake.seedCase({ name: 'Jo Okafor', caseRef: 'RIO-2003', grouping: 'getting_risk_support' });
    const { user } = await renderApp({ fake, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Jo Okafor' });
    await user.click(screen.getByRole('button', { name: 'Agree the THRIVE plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Agree the THRIVE plan' });
  });

  it('goes back to the caseload', async () => {
    const fake = createFakeApi();
    const caseId = fake.seedCase({ name: 'Jo Okafor', caseRef: 'RIO-2003' });
    const { user } = await renderApp({ fake, route: { name: 'case', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Jo Okafor' });
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
  });

  it('says so when the case cannot be found', async () => {
    const fake = createFakeApi();
    await renderApp({ fake, route: { name: 'case', caseId: '00000000-0000-7000-8000-00000000ffff' } });
    expect((await screen.findByRole('alert')).textContent).toContain('That case was not found');
  });
});
