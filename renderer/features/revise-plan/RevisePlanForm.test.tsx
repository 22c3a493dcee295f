import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside, fieldValue, fill } from '../../test-support/form-queries';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';
import { JAMIE_GOALS, jamie } from '../../../tests/support/app-api/seed';

/** Jamie: plan agreed 09/11/2026 with two goals and two ending criteria; today is 11/01/2027. */
async function openRevise(options: { goals?: number; reviewed?: boolean } = {}) {
  const backend = createTestBackend();
  const caseId = backend.seedCase(
    jamie({
      targetDate: '2027-03-01',
      reviewDate: '2027-01-04',
      criteria: ['Attends school every day for four weeks', 'Sleeps through most nights'],
      goals: JAMIE_GOALS.slice(0, options.goals ?? 2),
    }),
  );
  // Main records a review only with every active goal rated, and ratings that moved need no explicit discussion.
  const reviewId = options.reviewed ? backend.seedReview(caseId, { reviewDate: '2027-01-11', scores: [6, 7], decision: 'revise_plan', nextReviewDate: '2027-02-22' }) : undefined;
  const r = await renderApp({ backend, route: { name: 'revise-plan', caseId, ...(reviewId ? { reviewId } : {}) } });
  await screen.findByRole('button', { name: 'Save revised plan' });
  return { ...r, caseId, reviewId };
}

describe('Revise the THRIVE plan', () => {
  it('has no accessibility violations, with or without errors', async () => {
    const { user } = await openRevise();
    await screen.findByRole('heading', { level: 1, name: 'Revise the THRIVE plan' });
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    await screen.findByRole('alert');
    await expectNoAxeViolations();
  });

  it('starts from the plan in force: goals without a new rating, criteria, target date and the rest', async () => {
    await openRevise();
    expect(fieldValue('Date revised')).toBe('11/01/2027');
    expect(fieldValue("Goal 1 in the young person's words")).toBe('Go back to school');
    expect(fieldValue("Goal 2 in the young person's words")).toBe('Sleep through the night');
    expect(screen.queryByLabelText('Goal 1 first rating (0 to 10)')).toBeNull();
    expect(fieldValue('Ending criterion 1')).toBe('Attends school every day for four weeks');
    expect(fieldValue('Ending criterion 2')).toBe('Sleeps through most nights');
    expect(fieldValue('What success would look like')).toBe('Back at school and sleeping well');
    expect((screen.getByRole('radio', { name: 'Likely' }) as HTMLInputElement).checked).toBe(true);
    expect(fieldValue('Target date')).toBe('01/03/2027');
    expect(fieldValue('If not achieved by the target date (contingency)')).toBe('Review with the family and agree a change of plan');
    // The review date agreed with the plan has passed: the next one is today plus the interval.
    expect(fieldValue('Next agreed review date')).toBe('22/02/2027');
    expect((screen.getByRole('checkbox', { name: 'Young person' }) as HTMLInputElement).checked).toBe(true);
    expect(fieldValue('Options considered')).toBe('CBT');
  });

  it('needs the reason for the revision', async () => {
    const { user, backend } = await openRevise();
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual(['Say why the plan is being revised']);
    expect(errorBeside('Why the plan is being revised')).toContain('Say why the plan is being revised');
    expect(backend.callsTo('plan:revise')).toEqual([]);
  });

  it('asks for the first rating of a reworded goal, and records it as a new goal linked to the old one', async () => {
    const { user, backend, caseId } = await openRevise();
    await fill(user, 'Why the plan is being revised', 'School is now part-time');
    await fill(user, "Goal 1 in the young person's words", 'Go to school three days a week');
    expect(screen.getByText(/Reworded: "Go back to school" ends/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'A new or reworded goal needs its first rating from 0 to 10' })).toBeTruthy();
    expect(errorBeside('Goal 1 first rating (0 to 10)')).toContain('A new or reworded goal needs its first rating');
    expect(screen.queryByLabelText('Goal 2 first rating (0 to 10)')).toBeNull();

    await fill(user, 'Goal 1 first rating (0 to 10)', '4');
    await fill(user, 'Target date', '12/04/2027');
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });

    const c = backend.getCase(caseId);
    const old = c.goals.find((g) => g.description === 'Go back to school')!;
    const reworded = c.goals.find((g) => g.description === 'Go to school three days a week')!;
    expect(old.status).toBe('dropped');
    expect(reworded).toMatchObject({ status: 'active', replacesGoalId: old.id });
    expect(reworded.ratings.map((r) => r.score)).toEqual([4]);
    expect(c.summary.targetDate).toBe('2027-04-12');
    expect(c.plan?.versionNo).toBe(2);
  });

  it('keeps at least one ending criterion', async () => {
    const { user } = await openRevise();
    await user.click(screen.getByRole('button', { name: 'Remove ending criterion 1' }));
    expect(fieldValue('Ending criterion 1')).toBe('Sleeps through most nights');
    expect(screen.queryByRole('button', { name: /Remove ending criterion/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add another ending criterion' }));
  });

  it('allows no more than three goals, a new one with its first rating', async () => {
    const { user, backend, caseId } = await openRevise();
    await user.click(screen.getByRole('button', { name: 'Add another goal' }));
    expect(document.activeElement).toBe(screen.getByLabelText("Goal 3 in the young person's words"));
    expect(screen.getByLabelText('Goal 3 first rating (0 to 10)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add another goal' })).toBeNull();
    expect(screen.getByText('A plan can have up to 3 goals. Remove one to add a different goal.')).toBeTruthy();

    await user.type(screen.getByLabelText("Goal 3 in the young person's words"), 'Feel less worried when out');
    await fill(user, 'Goal 3 first rating (0 to 10)', '6');
    await user.click(screen.getByRole('button', { name: 'Remove goal 2' }));
    await fill(user, 'Why the plan is being revised', 'Sleep is better; worry is the new focus');
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });

    const [sent] = backend.callsTo('plan:revise') as Array<{ goals: unknown[] }>;
    const c = backend.getCase(caseId);
    const school = c.goals.find((g) => g.description === 'Go back to school')!;
    expect(sent?.goals).toEqual([
      { goalId: school.id, description: 'Go back to school', firstRating: null },
      { goalId: null, description: 'Feel less worried when out', firstRating: 6 },
    ]);
    expect(c.goals.find((g) => g.description === 'Sleep through the night')?.status).toBe('dropped');
  });

  it('links the revision to the review it was agreed at', async () => {
    const { user, backend, reviewId } = await openRevise({ reviewed: true });
    expect(fieldValue('Next agreed review date')).toBe('22/02/2027');
    await fill(user, 'Why the plan is being revised', 'Agreed at the review');
    await user.click(screen.getByRole('button', { name: 'Save revised plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    expect(backend.callsTo('plan:revise')).toMatchObject([{ reviewId, revisedDate: '2027-01-11', reviewDate: '2027-02-22' }]);
  });
});
