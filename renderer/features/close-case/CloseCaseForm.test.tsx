import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import { expectNoAxeViolations } from '../../test-support/axe';
import { choose, errorBeside, fill } from '../../test-support/form-queries';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { STALE_CASE_MESSAGE } from '../../../tests/support/app-api/messages';
import { renderApp } from '../../test-support/render-app';
import { jamie } from '../../../tests/support/app-api/seed';

/** Jamie: plan agreed 09/11/2026, reviewed 04/01/2027; today is 11/01/2027. */
async function openEnding() {
  const backend = createTestBackend();
  const caseId = backend.seedCase(jamie());
  backend.seedReview(caseId, { reviewDate: '2027-01-04', scores: [6, 7], decision: 'move_to_ending' });
  const r = await renderApp({ backend, route: { name: 'close-case', caseId } });
  await screen.findByRole('button', { name: 'Close the case' });
  return { ...r, caseId };
}

type User = Awaited<ReturnType<typeof openEnding>>['user'];

/** Everything but the Current View at close. */
async function fillEnding(user: User) {
  await user.click(screen.getByRole('radio', { name: 'Ending criteria met' }));
  await choose(user, 'Attends school every day for four weeks', 'Met');
  await fill(user, 'Final rating for goal 1 (0 to 10)', '8');
  await fill(user, 'Final rating for goal 2 (0 to 10)', '9');
  await fill(user, 'Signposting (optional)', 'Youth club on Thursdays');
  await choose(user, 'Was the ending discussed from the start?', 'Yes');
}

async function fillCurrentViewAtClose(user: User) {
  within(screen.getByRole('radiogroup', { name: 'Anxious away from caregivers' })).getAllByRole('radio')[0]!.focus();
  await user.keyboard(CURRENT_VIEW_ITEMS.map((item) => (item.scale === 'severity' ? '0' : 'n')).join(''));
  await choose(user, 'Reason for completing', 'Changed situation');
  await user.click(screen.getByRole('radio', { name: 'Thriving' }));
}

const submit = async (user: User) => {
  await user.click(screen.getByRole('button', { name: 'Close the case' }));
  return screen.findByRole('alert');
};

describe('End the case', () => {
  it('has no accessibility violations, showing its errors', async () => {
    const { user } = await openEnding();
    await screen.findByRole('heading', { level: 1, name: 'End the case' });
    await user.click(screen.getByRole('radio', { name: 'Other' }));
    await submit(user);
    await expectNoAxeViolations();
  });

  it('refuses to close without the Current View at close, and says so', async () => {
    const { user, backend } = await openEnding();
    await fillEnding(user);
    const summary = await submit(user);
    const message = 'Record the Current View at close, with the grouping at close, before closing the case';
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([message]);
    expect(within(screen.getByRole('region', { name: 'Current View at close' })).getByText(message, { selector: '.error-message' })).toBeTruthy();
    await user.click(within(summary).getByRole('link', { name: message }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Current View at close' }));
    expect(backend.callsTo('cases:close')).toEqual([]);
  });

  it('refuses to close without a final rating for every active goal', async () => {
    const { user } = await openEnding();
    await fillEnding(user);
    await fillCurrentViewAtClose(user);
    await user.clear(screen.getByLabelText('Final rating for goal 2 (0 to 10)'));
    const summary = await submit(user);
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Give the final rating for goal "Sleep through the night"',
    ]);
    expect(errorBeside('Final rating for goal 2 (0 to 10)')).toContain('Give the final rating for goal "Sleep through the night"');
  });

  it('needs the other reason when the reason is Other', async () => {
    const { user } = await openEnding();
    expect(screen.queryByLabelText('Other reason')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Other' }));
    await submit(user);
    expect(errorBeside('Other reason')).toContain('Say what the other reason for ending was');
  });

  it('needs the ending date on or after the last review', async () => {
    const { user } = await openEnding();
    await fill(user, 'Ending date', '03/01/2027');
    await submit(user);
    expect(errorBeside('Ending date')).toContain('Ending date must be on or after the last review (04/01/2027)');
  });

  it('offers all five groupings at close, Thriving first', async () => {
    await openEnding();
    const grouping = screen.getByRole('group', { name: 'THRIVE grouping at close' });
    expect(within(grouping).getAllByRole('radio').map((r) => r.closest('.radios__item')?.textContent)).toEqual([
      'Thriving',
      'Getting Advice and Signposting',
      'Getting Help',
      'Getting More Help',
      'Getting Risk Support',
    ]);
  });

  it('closes the case and shows it', async () => {
    const { user, backend, caseId } = await openEnding();
    await fillEnding(user);
    await fillCurrentViewAtClose(user);
    await user.click(screen.getByRole('button', { name: 'Close the case' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });

    const [sent] = backend.callsTo('cases:close') as Array<Record<string, unknown>>;
    expect(sent).toMatchObject({
      endingDate: '2027-01-11',
      reason: 'criteria_met',
      reasonOther: null,
      signposting: 'Youth club on Thursdays',
      discussedFromStart: true,
      currentView: { reason: 'changed_situation', grouping: 'thriving' },
    });
    const c = backend.getCase(caseId);
    expect(c.summary.status).toBe('closed');
    expect(c.summary.closedDate).toBe('2027-01-11');
    expect(c.summary.grouping).toBe('thriving');
    expect(c.ending?.finalRatings.map((r) => r.score)).toEqual([8, 9]);
  });

  it('says when the case was changed elsewhere', async () => {
    const { user, backend, caseId } = await openEnding();
    await fillEnding(user);
    await fillCurrentViewAtClose(user);
    backend.changeElsewhere(caseId);
    const summary = await submit(user);
    expect(summary.textContent).toContain(STALE_CASE_MESSAGE);
    expect(within(summary).getByRole('button', { name: 'Reload the case' })).toBeTruthy();
    expect(backend.getCase(caseId).summary.status).toBe('open');
  });
});
