import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../shared/dates';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import { expectNoAxeViolations } from '../../test-support/axe';
import { choose, errorBeside, fieldValue, fill } from '../../test-support/form-queries';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';
import { READ_ONLY_MESSAGE, STALE_CASE_MESSAGE } from '../../../tests/support/app-api/messages';
import { renderApp } from '../../test-support/render-app';
import { jamie } from '../../../tests/support/app-api/seed';

/** Jamie: open 02/11/2026, plan agreed 09/11/2026; today (the backend's) is 11/01/2027. */
function seedJamie(backend: TestBackend, targetDate: IsoDate = '2027-03-01') {
  return backend.seedCase(
    jamie({
      targetDate,
      reviewDate: '2027-01-04',
      criteria: ['Attends school every day for four weeks', 'Sleeps through most nights'],
      goals: [
        { description: 'Go back to school', ratings: [{ date: '2026-11-09', score: 2 }] },
        { description: 'Join a club', status: 'dropped', ratings: [{ date: '2026-11-09', score: 5 }] },
        { description: 'Sleep through the night', ratings: [{ date: '2026-11-09', score: 3 }, { date: '2026-12-07', score: 4 }] },
      ],
    }),
  );
}

async function openReview(options: { targetDate?: IsoDate } = {}) {
  const backend = createTestBackend();
  const caseId = seedJamie(backend, options.targetDate);
  const r = await renderApp({ backend, route: { name: 'review', caseId } });
  await screen.findByRole('button', { name: 'Save review' });
  return { ...r, caseId };
}

type User = Awaited<ReturnType<typeof openReview>>['user'];

/** Everything a review needs, with ratings that move enough for no goal to be stuck. */
async function fillReview(user: User, decision = 'Continue with the plan') {
  await user.click(screen.getByRole('checkbox', { name: 'Young person' }));
  await fill(user, 'Goal 1 rating (0 to 10)', '6');
  await fill(user, 'Goal 2 rating (0 to 10)', '7');
  await choose(user, 'Attends school every day for four weeks', 'Partly met');
  await choose(user, 'Sleeps through most nights', 'Met');
  await user.click(screen.getByRole('radio', { name: decision }));
}

/** Rates all 50 Current View items from the keyboard: severity 1, complexity factors No. */
async function rateCurrentView(user: User) {
  within(screen.getByRole('radiogroup', { name: 'Anxious away from caregivers' })).getAllByRole('radio')[0]!.focus();
  await user.keyboard(CURRENT_VIEW_ITEMS.map((item) => (item.scale === 'severity' ? '1' : 'n')).join(''));
}

const submit = async (user: User) => {
  await user.click(screen.getByRole('button', { name: 'Save review' }));
  return screen.findByRole('alert');
};

describe('Record a review', () => {
  it('has no accessibility violations, showing its errors', async () => {
    const { user } = await openReview();
    await screen.findByRole('heading', { level: 1, name: 'Record a review' });
    // One run over the whole form with every kind of error showing (the 50-item grid makes axe slow).
    await submit(user);
    await expectNoAxeViolations();
  });

  it('offers each active goal with its words and last rating, each criterion in force, and sensible dates', async () => {
    await openReview();
    expect(fieldValue('Date of the review')).toBe('11/01/2027');
    expect(fieldValue('Next agreed review date')).toBe('22/02/2027');
    const goal2 = screen.getByLabelText('Goal 2 rating (0 to 10)');
    const hint = document.getElementById(goal2.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(hint.textContent).toContain('Sleep through the night');
    expect(hint.textContent).toContain('Last rating: 4 on 07/12/2026.');
    expect(screen.getByText('Last rating: 2 on 09/11/2026.', { exact: false })).toBeTruthy();
    // The dropped goal is history: it is not rated.
    expect(screen.queryByText('Join a club')).toBeNull();
    expect(screen.queryByLabelText('Goal 3 rating (0 to 10)')).toBeNull();
    expect(
      within(screen.getByRole('group', { name: 'Sleeps through most nights' }))
        .getAllByRole('radio')
        .map((r) => r.closest('.radios__item')?.textContent),
    ).toEqual(['Met', 'Partly met', 'Not yet']);
    // All five groupings, Thriving included, under the Current View at review.
    const grouping = screen.getByRole('group', { name: 'THRIVE grouping agreed with the family' });
    expect(within(grouping).getAllByRole('radio')).toHaveLength(5);
    expect(within(grouping).getByRole('radio', { name: 'Thriving' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Current View at review' })).toBeTruthy();
  });

  it('needs a rating for every active goal (naming it) and progress on every criterion', async () => {
    const { user, backend } = await openReview();
    const summary = await submit(user);
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual([
      'Say who attended the review',
      'Rate goal "Go back to school" from 0 to 10',
      'Rate goal "Sleep through the night" from 0 to 10',
      'Say whether "Attends school every day for four weeks" is met, partly met or not yet met',
      'Say whether "Sleeps through most nights" is met, partly met or not yet met',
      'Choose what was decided',
    ]);
    expect(errorBeside('Goal 2 rating (0 to 10)')).toContain('Rate goal "Sleep through the night" from 0 to 10');
    await user.click(within(summary).getByRole('link', { name: 'Rate goal "Sleep through the night" from 0 to 10' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Goal 2 rating (0 to 10)'));
    await user.click(within(summary).getByRole('link', { name: /Sleeps through most nights/ }));
    expect(screen.getByRole('group', { name: 'Sleeps through most nights' }).contains(document.activeElement)).toBe(true);
    expect(backend.callsTo('review:record')).toEqual([]);
  });

  it('rejects a rating of 11 beside that goal', async () => {
    const { user } = await openReview();
    await fillReview(user);
    await fill(user, 'Goal 2 rating (0 to 10)', '11');
    const summary = await submit(user);
    expect(errorBeside('Goal 2 rating (0 to 10)')).toBe('Error: Enter a rating from 0 to 10');
    await user.click(within(summary).getByRole('link', { name: 'Enter a rating from 0 to 10' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Goal 2 rating (0 to 10)'));
  });

  it('needs the next review date to be after the review date, and keeps it once changed', async () => {
    const { user } = await openReview();
    await fill(user, 'Date of the review', '04/01/2027');
    expect(fieldValue('Next agreed review date')).toBe('15/02/2027');
    await fillReview(user);
    await fill(user, 'Next agreed review date', '04/01/2027');
    await submit(user);
    expect(errorBeside('Next agreed review date')).toContain('Next review date must be after the date of this review');
    await fill(user, 'Date of the review', '05/01/2027');
    expect(fieldValue('Next agreed review date')).toBe('04/01/2027');
  });

  it('asks for the ending plan when moving to ending', async () => {
    const { user } = await openReview();
    expect(screen.queryByLabelText('Ending plan')).toBeNull();
    await fillReview(user, 'Move to ending');
    await submit(user);
    expect(errorBeside('Ending plan')).toContain('Describe the plan for ending: moving to ending needs an agreed ending plan');
  });

  it('requires the explicit discussion once the target date has passed, showing why', async () => {
    const { user, backend } = await openReview({ targetDate: '2027-01-01' });
    const reason = 'The target date 01/01/2027 has passed: record what was agreed, per the contingency';
    const field = screen.getByLabelText('What was agreed (explicit discussion)');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe(reason);
    expect(screen.queryByText('Add a note of an explicit discussion')).toBeNull();
    await fillReview(user);
    await submit(user);
    expect(errorBeside('What was agreed (explicit discussion)')).toContain(reason);
    expect(backend.callsTo('review:record')).toEqual([]);

    // A review held before the target date need not record it.
    await fill(user, 'Date of the review', '31/12/2026');
    expect(screen.getByText('Add a note of an explicit discussion')).toBeTruthy();
    expect(screen.queryByText(reason, { selector: '.hint' })).toBeNull();
  });

  it('requires the explicit discussion when a goal would be stuck, worked out as the rating is typed', async () => {
    const { user } = await openReview();
    expect(screen.getByText('Add a note of an explicit discussion')).toBeTruthy();
    // Goal 1 was 2 on 09/11/2026: 3 today, nine weeks on, is less than 3 points of movement.
    await fill(user, 'Goal 1 rating (0 to 10)', '3');
    const reason = 'Goal "Go back to school" is stuck: record the explicit discussion of what happens next';
    expect(screen.getByText(reason)).toBeTruthy();
    await fill(user, 'Goal 1 rating (0 to 10)', '6');
    expect(screen.queryByText(reason)).toBeNull();
    await fill(user, 'Goal 1 rating (0 to 10)', '2');
    await fillReview(user);
    await fill(user, 'Goal 1 rating (0 to 10)', '2');
    await submit(user);
    expect(errorBeside('What was agreed (explicit discussion)')).toContain(reason);
  });

  it('saves without a Current View (recorded as missing) and goes on to revise the plan', async () => {
    const { user, backend, caseId } = await openReview({ targetDate: '2027-01-01' });
    await fillReview(user, 'Revise the plan');
    await fill(user, 'What was agreed (explicit discussion)', 'Extend by six weeks with school support, per the contingency');
    await user.click(screen.getByRole('button', { name: 'Save review' }));

    await screen.findByRole('heading', { level: 1, name: 'Revise the THRIVE plan' });
    const [sent] = backend.callsTo('review:record') as Array<Record<string, unknown>>;
    const goals = backend.getCase(caseId).goals.filter((g) => g.status === 'active');
    expect(sent).toMatchObject({
      reviewDate: '2027-01-11',
      attendees: ['young_person'],
      goalRatings: [
        { goalId: goals[0]!.id, score: 6 },
        { goalId: goals[1]!.id, score: 7 },
      ],
      currentView: null,
      decision: 'revise_plan',
      explicitDiscussion: 'Extend by six weeks with school support, per the contingency',
      endingPlan: null,
      nextReviewDate: '2027-02-22',
    });
    expect(backend.getCase(caseId).summary.nextReviewDate).toBe('2027-02-22');
  });

  it('records the Current View at review with a new grouping, then shows the case', async () => {
    const { user, backend, caseId } = await openReview();
    await fillReview(user, 'Change grouping');
    await rateCurrentView(user);
    expect(screen.getByText('50 of 50 rated')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Choose the reason for completing the Current View',
      'Choose the THRIVE grouping agreed with the family',
    ]);
    await choose(user, 'Reason for completing', 'Changed situation');
    await user.click(screen.getByRole('radio', { name: 'Getting Help' }));
    await submit(user);
    const grouping = screen.getByRole('group', { name: 'THRIVE grouping agreed with the family' });
    expect(within(grouping).getByText('Choose the new grouping: the case is already in Getting Help')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Getting Advice and Signposting' }));
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    const c = backend.getCase(caseId);
    expect(c.summary.grouping).toBe('getting_advice');
    expect(c.currentViews.map((v) => [v.context, v.completedDate])).toEqual([
      ['open', '2026-11-02'],
      ['review', '2027-01-11'],
    ]);
  });

  it('says when the case was changed elsewhere, and reloads it keeping what was typed', async () => {
    const { user, backend, caseId } = await openReview();
    await fillReview(user);
    backend.changeElsewhere(caseId);
    const summary = await submit(user);
    expect(summary.textContent).toContain(STALE_CASE_MESSAGE);
    const gets = backend.callsTo('cases:get').length;
    await user.click(within(summary).getByRole('button', { name: 'Reload the case' }));
    expect(await screen.findByText(/The case has been reloaded/)).toBeTruthy();
    expect(backend.callsTo('cases:get')).toHaveLength(gets + 1);
    expect(fieldValue('Goal 2 rating (0 to 10)')).toBe('7');
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    expect(backend.getCase(caseId).reviews).toHaveLength(1);
  });

  it('shows the read-only notice instead of the form for a closed case', async () => {
    const backend = createTestBackend();
    const caseId = seedJamie(backend);
    backend.seedClosure(caseId, { endingDate: '2027-01-10' });
    const { user } = await renderApp({ backend, route: { name: 'review', caseId } });
    expect(await screen.findByText('This case is closed (ended 10/01/2027) and is read-only.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save review' })).toBeNull();
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Go to the case' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
  });

  it('shows the refusal when the case is closed elsewhere while the form is open', async () => {
    const { user, backend, caseId } = await openReview();
    await fillReview(user);
    backend.seedClosure(caseId, { endingDate: '2027-01-11' });
    const summary = await submit(user);
    expect(summary.textContent).toContain(READ_ONLY_MESSAGE);
    expect(within(summary).getByRole('button', { name: 'Go to the case' })).toBeTruthy();
  });
});
