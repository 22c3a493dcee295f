import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStage } from '../../../tests/support/app-api/case-story';

/** Riley Shaw's case (tests/support/app-api/case-story.ts; reviewed twice by default) on its Reviews tab. */
async function renderTab(upTo: RileyStage = 'reviewed') {
  const backend = createTestBackend();
  const caseId = seedRileyShaw(backend, { upTo });
  const view = await renderCasePage({ backend, caseId, tab: 'reviews' });
  return { ...view, caseId, panel: screen.getByRole('tabpanel') };
}

const review = (name: string) => screen.getByRole('article', { name });
const value = (scope: HTMLElement, key: string) => within(scope).getByText(key, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Reviews tab', () => {
  it('shows each review: date, who, ratings with the goal’s words, criteria progress, decision and next date', async () => {
    await renderTab();
    const first = review('Review 1: 23/11/2026');
    expect(value(first, 'Who attended')).toBe('Young person; Parent or carer');
    expect(value(first, 'Goal ratings (0 to 10)')).toBe(
      'Goal 1: “Sleep through the night”: 5Goal 2: “Go back to school”: 2Goal 3: “Join a club”: 5',
    );
    expect(value(first, 'Ending criteria')).toBe(
      '“Sleeps through most nights for a month”: Partly met“Attends school every day for four weeks”: Not yet',
    );
    expect(value(first, 'Current View')).toBe('Recorded: Getting Help (Changed understanding)');
    expect(value(first, 'Decision')).toBe('Revise the plan');
    expect(value(first, 'What was agreed (explicit discussion)')).toBe('Not recorded');
    expect(value(first, 'Next agreed review date')).toBe('04/01/2027');
    expect(value(first, 'Notes')).toBe('Sleep improving; school feels too big a step.');
    // Recorded at noon UTC on the review day (the test clock), which is 12:00 in London in winter.
    expect(value(first, 'Recorded by')).toBe('Alex Morgan on 23/11/2026 12:00');
    expect(within(first).queryByText('Ending plan')).toBeNull();

    const second = review('Review 2: 04/01/2027');
    expect(value(second, 'Who attended')).toBe('Young person; Others: School nurse');
    expect(value(second, 'Decision')).toBe('Move to ending');
    expect(value(second, 'What was agreed (explicit discussion)')).toBe('Agreed to keep the sleep routine going without sessions.');
    expect(value(second, 'Ending plan')).toBe('Two more sessions, then end with a wellbeing plan.');
    expect(value(second, 'Next agreed review date')).toBe('15/02/2027');
  });

  it('says when a review has no Current View and offers to record it for that review', async () => {
    const { user, backend, caseId, route } = await renderTab();
    expect(within(review('Review 1: 23/11/2026')).queryByText('Current View missing')).toBeNull();
    const second = review('Review 2: 04/01/2027');
    expect(within(second).getByText('Current View missing')).toBeTruthy();
    await user.click(within(second).getByRole('button', { name: 'Record the missing Current View' }));
    const missing = backend.getCase(caseId).reviews.find((r) => r.currentViewId === null);
    expect(route()).toEqual({ name: 'current-view', caseId, reviewId: missing?.id });
  });

  it('still says a closed case’s Current View is missing, without offering to change the closed record', async () => {
    const { panel } = await renderTab('closed');
    expect(within(review('Review 2: 04/01/2027')).getByText('Current View missing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the missing Current View' })).toBeNull();
    // Reading (and copying) a closed record is still fine.
    expect(within(panel).getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy review summary', 'Copy review summary']);
  });

  it('says when there are no reviews yet', async () => {
    const { panel } = await renderTab('plan');
    expect(within(panel).getByText('No reviews yet. The agreed review date is 23/11/2026.')).toBeTruthy();
  });
});
