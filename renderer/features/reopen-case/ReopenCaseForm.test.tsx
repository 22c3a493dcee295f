import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside, fill } from '../../test-support/form-queries';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

/** Jamie's case ended on 04/01/2027; today is 11/01/2027. */
async function openReopen(options: { closed?: boolean } = {}) {
  const backend = createTestBackend();
  const caseId = backend.seedCase({
    name: 'Jamie Lee',
    caseRef: 'RIO-1001',
    openDate: '2026-11-02',
    grouping: 'getting_help',
    plan: { agreedDate: '2026-11-09', goals: [{ description: 'Go back to school', ratings: [{ date: '2026-11-09', score: 2 }] }] },
  });
  if (options.closed !== false) backend.seedClosure(caseId, { endingDate: '2027-01-04' });
  const r = await renderApp({ backend, route: { name: 'reopen-case', caseId } });
  await screen.findByRole('heading', { level: 1, name: 'Re-open as a new episode' });
  return { ...r, caseId };
}

type User = Awaited<ReturnType<typeof openReopen>>['user'];

const submit = async (user: User) => {
  await user.click(screen.getByRole('button', { name: 'Re-open case' }));
  return screen.findByRole('alert');
};

describe('Re-open as a new episode', () => {
  it('has no accessibility violations, with or without errors', async () => {
    const { user } = await openReopen();
    await screen.findByRole('button', { name: 'Re-open case' });
    await expectNoAxeViolations();
    await submit(user);
    await expectNoAxeViolations();
  });

  it('needs the referral date, the reason, and a re-open date from the ending to today', async () => {
    const { user, backend } = await openReopen();
    expect((screen.getByLabelText('Re-open date') as HTMLInputElement).value).toBe('11/01/2027');
    expect((screen.getByLabelText('Lead clinician') as HTMLSelectElement).value).toBe(backend.profile.id);
    const summary = await submit(user);
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter the referral date',
      'Say why the case is being re-opened',
    ]);

    await fill(user, 'Referral date', '02/01/2027');
    await fill(user, 'Re-open date', '03/01/2027');
    await fill(user, 'Why the case is being re-opened', 'Anxiety about school has returned');
    await submit(user);
    expect(errorBeside('Re-open date')).toContain('Re-open date must be on or after the date the case ended (04/01/2027)');

    await fill(user, 'Re-open date', '12/01/2027');
    await submit(user);
    expect(errorBeside('Re-open date')).toContain('Re-open date must be today or in the past');

    await fill(user, 'Referral date', '10/01/2027');
    await fill(user, 'Re-open date', '09/01/2027');
    await submit(user);
    expect(errorBeside('Re-open date')).toContain('Re-open date must be on or after the referral date');

    await fill(user, 'Re-open date', '31/02/2027');
    await submit(user);
    expect(errorBeside('Re-open date')).toContain('Re-open date must be a real date, for example 15/03/2026');
    expect(backend.callsTo('cases:reopen')).toEqual([]);
  });

  it('opens the new episode and goes on to its Current View at open', async () => {
    const { user, backend, caseId } = await openReopen();
    await fill(user, 'Referral date', '06/01/2027');
    await fill(user, 'Why the case is being re-opened', 'Anxiety about school has returned');
    await user.click(screen.getByRole('button', { name: 'Re-open case' }));
    await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
    expect(screen.getByText('Jamie Lee, case RIO-1001')).toBeTruthy();

    const old = backend.getCase(caseId);
    expect(old.summary.status).toBe('closed');
    const next = backend.getCase(old.nextEpisodeId!);
    expect(next.summary).toMatchObject({ episodeNo: 2, status: 'open', referralDate: '2027-01-06', openDate: '2027-01-11', caseRef: 'RIO-1001' });
    expect(next.previousEpisodeId).toBe(caseId);
  });

  it('is only for a closed case', async () => {
    const { user } = await openReopen({ closed: false });
    expect(screen.getByText('This case is open: only a closed case can be re-opened.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Re-open case' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to the case' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
  });
});
