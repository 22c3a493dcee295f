import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GroupingCode } from '../../../shared/domain/groupings';
import { expectNoAxeViolations } from '../../test-support/axe';
import { errorBeside, fieldValue, fill } from '../../test-support/form-queries';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

async function openPlan(grouping: GroupingCode | null = 'getting_help', settings = {}) {
  const backend = createTestBackend({ settings });
  const caseId = backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1001', openDate: '2027-01-04', ...(grouping ? { grouping } : {}) });
  const r = await renderApp({ backend, route: { name: 'plan', caseId } });
  await screen.findByRole('heading', { level: 1, name: 'Agree the THRIVE plan' });
  return { ...r, caseId };
}

type User = Awaited<ReturnType<typeof openPlan>>['user'];

async function fillCompletePlan(user: User) {
  await fill(user, "Goal 1 in the young person's words", 'Go back to school');
  await fill(user, 'Goal 1 first rating (0 to 10)', '3');
  await fill(user, 'What success would look like', 'Jamie is at school most days and sleeping well');
  await fill(user, 'Ending criterion 1', 'Attends school every day for four weeks');
  await user.click(screen.getByRole('radio', { name: 'Possible' }));
  await fill(user, 'Target date', '12/04/2027');
  await fill(user, 'If not achieved by the target date (contingency)', 'Meet with the family to agree what changes');
  await user.click(screen.getByRole('checkbox', { name: 'Young person' }));
  await user.click(screen.getByRole('checkbox', { name: 'Parent or carer' }));
  await fill(user, 'Options considered', 'CBT in clinic; school-based support');
}

const submit = async (user: User) => {
  await user.click(screen.getByRole('button', { name: 'Agree plan' }));
  return screen.findByRole('alert');
};

describe('Agree the THRIVE plan', () => {
  it('has no accessibility violations, with or without errors', async () => {
    const { user } = await openPlan('getting_risk_support');
    await expectNoAxeViolations();
    await submit(user);
    await expectNoAxeViolations();
  });

  it('allows no more than three goals', async () => {
    const { user } = await openPlan();
    await user.click(screen.getByRole('button', { name: 'Add another goal' }));
    expect(document.activeElement).toBe(screen.getByLabelText("Goal 2 in the young person's words"));
    await user.click(screen.getByRole('button', { name: 'Add another goal' }));
    expect(screen.getByLabelText('Goal 3 first rating (0 to 10)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add another goal' })).toBeNull();
    expect(screen.queryByLabelText("Goal 4 in the young person's words")).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove goal 2' }));
    expect(screen.queryByLabelText("Goal 3 in the young person's words")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add another goal' }));
  });

  it('rejects goal ratings of 11 and 4.5', async () => {
    const { user, backend } = await openPlan();
    await fillCompletePlan(user);
    await user.click(screen.getByRole('button', { name: 'Add another goal' }));
    await fill(user, "Goal 2 in the young person's words", 'Argue less with mum');
    await fill(user, 'Goal 1 first rating (0 to 10)', '11');
    await fill(user, 'Goal 2 first rating (0 to 10)', '4.5');
    const summary = await submit(user);
    expect(errorBeside('Goal 1 first rating (0 to 10)')).toContain('Enter a rating from 0 to 10');
    expect(errorBeside('Goal 2 first rating (0 to 10)')).toContain('Enter a whole number from 0 to 10');
    await user.click(within(summary).getByRole('link', { name: 'Enter a whole number from 0 to 10' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Goal 2 first rating (0 to 10)'));
    expect(backend.callsTo('plan:save')).toEqual([]);
  });

  it('needs at least one ending criterion', async () => {
    const { user } = await openPlan();
    await fillCompletePlan(user);
    await user.clear(screen.getByLabelText('Ending criterion 1'));
    const summary = await submit(user);
    expect(errorBeside('Ending criterion 1')).toContain('Enter the ending criterion, or remove it');
    expect(within(summary).getByRole('link', { name: 'Enter the ending criterion, or remove it' })).toBeTruthy();
  });

  it('needs a contingency for Getting Help', async () => {
    const { user } = await openPlan('getting_help');
    await fillCompletePlan(user);
    await user.clear(screen.getByLabelText('If not achieved by the target date (contingency)'));
    await submit(user);
    expect(errorBeside('If not achieved by the target date (contingency)')).toContain(
      'Say what will happen if the outcome is not achieved by the target date',
    );
  });

  it('needs a risk-support plan summary for Getting Risk Support, and reviews within the maximum interval', async () => {
    const { user } = await openPlan('getting_risk_support');
    // The usual 6-week interval is capped at the 4-week Risk Support maximum.
    expect(fieldValue('Agreed review date')).toBe('08/02/2027');
    await fillCompletePlan(user);
    await submit(user);
    expect(errorBeside('Risk-support plan summary')).toContain('Getting Risk Support needs a risk-support plan summary');

    await fill(user, 'Agreed review date', '22/03/2027');
    await submit(user);
    expect(errorBeside('Agreed review date')).toContain('reviewed within 4 weeks');
  });

  it('has no risk-support summary field for other groupings', async () => {
    await openPlan('getting_help');
    expect(screen.queryByLabelText('Risk-support plan summary')).toBeNull();
  });

  it('pre-fills the review date from the date agreed and the interval, until the clinician changes it', async () => {
    const { user } = await openPlan('getting_help', { reviewIntervalWeeks: 6 });
    expect(fieldValue('Date agreed')).toBe('11/01/2027');
    expect(fieldValue('Agreed review date')).toBe('22/02/2027');

    await fill(user, 'Date agreed', '05/01/2027');
    expect(fieldValue('Agreed review date')).toBe('16/02/2027');

    await fill(user, 'Agreed review date', '01/03/2027');
    await fill(user, 'Date agreed', '06/01/2027');
    expect(fieldValue('Agreed review date')).toBe('01/03/2027');
  });

  it('agrees a complete plan and shows it on the case page', async () => {
    const { user, backend } = await openPlan('getting_help');
    await fillCompletePlan(user);
    await user.click(screen.getByRole('checkbox', { name: 'Others (say who)' }));
    await fill(user, 'Who else took part', 'School nurse');
    await fill(user, 'Effort made to help them understand the issues (0 to 9)', '9');
    await fill(user, 'Effort made to listen to what matters most to them (0 to 9)', '8');
    await fill(user, 'Effort made to include what matters most in choosing what to do next (0 to 9)', '9');
    await user.click(screen.getByRole('button', { name: 'Agree plan' }));

    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    const [sent] = backend.callsTo('plan:save') as Array<Record<string, unknown>>;
    expect(sent).toMatchObject({
      agreedDate: '2027-01-11',
      goals: [{ description: 'Go back to school', firstRating: 3 }],
      endingCriteria: ['Attends school every day for four weeks'],
      likelihood: 'possible',
      targetDate: '2027-04-12',
      reviewDate: '2027-02-22',
      riskSupportSummary: null,
      sdm: {
        participants: ['young_person', 'parent_carer', 'other'],
        otherParticipants: 'School nurse',
        collaborate: { understand: 9, listen: 8, include: 9 },
      },
    });
    expect(screen.getByText('Attends school every day for four weeks')).toBeTruthy();
  });

  it('asks for CollaboRATE as all three scores or none', async () => {
    const { user } = await openPlan('getting_help');
    await fillCompletePlan(user);
    await fill(user, 'Effort made to help them understand the issues (0 to 9)', '10');
    await submit(user);
    expect(errorBeside('Effort made to help them understand the issues (0 to 9)')).toContain('Enter a score from 0 to 9');
    expect(errorBeside('Effort made to listen to what matters most to them (0 to 9)')).toContain('Enter a score from 0 to 9');
  });

  it('lets a Getting Advice plan have no goals and no contingency', async () => {
    const { user, backend } = await openPlan('getting_advice');
    await fillCompletePlan(user);
    await user.click(screen.getByRole('button', { name: 'Remove goal 1' }));
    await user.clear(screen.getByLabelText('If not achieved by the target date (contingency)'));
    expect(screen.getByRole('button', { name: 'Add a goal' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Agree plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    expect(backend.callsTo('plan:save')).toHaveLength(1);
  });

  it('sends the clinician to the Current View first when there is no grouping yet', async () => {
    await openPlan(null);
    expect(screen.getByRole('button', { name: 'Record Current View at open' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Agree plan' })).toBeNull();
  });
});
