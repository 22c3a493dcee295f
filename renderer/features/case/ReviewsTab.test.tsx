import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/ipc/types';
import { useNavigationStore } from '../../stores/navigation';
import { CASE_ID, closedCaseDetail, newCaseDetail, openCaseDetail } from '../../test-support/case-fixtures';
import { ReviewsTab } from './ReviewsTab';

function renderTab(detail: CaseDetail) {
  const user = userEvent.setup();
  render(<ReviewsTab detail={detail} />);
  return user;
}

const review = (name: string) => screen.getByRole('article', { name });
const value = (scope: HTMLElement, key: string) => within(scope).getByText(key, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Reviews tab', () => {
  it('shows each review: date, who, ratings with the goal’s words, criteria progress, decision and next date', () => {
    renderTab(openCaseDetail());
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
    expect(value(first, 'Recorded by')).toBe('Alex Morgan on 23/11/2026 10:30');
    expect(within(first).queryByText('Ending plan')).toBeNull();

    const second = review('Review 2: 04/01/2027');
    expect(value(second, 'Who attended')).toBe('Young person; Others: School nurse');
    expect(value(second, 'Decision')).toBe('Move to ending');
    expect(value(second, 'What was agreed (explicit discussion)')).toBe('Agreed to keep the sleep routine going without sessions.');
    expect(value(second, 'Ending plan')).toBe('Two more sessions, then end with a wellbeing plan.');
    expect(value(second, 'Next agreed review date')).toBe('15/02/2027');
  });

  it('says when a review has no Current View and offers to record it for that review', async () => {
    const detail = openCaseDetail();
    const user = renderTab(detail);
    expect(within(review('Review 1: 23/11/2026')).queryByText('Current View missing')).toBeNull();
    const second = review('Review 2: 04/01/2027');
    expect(within(second).getByText('Current View missing')).toBeTruthy();
    await user.click(within(second).getByRole('button', { name: 'Record the missing Current View' }));
    const missing = detail.reviews.find((r) => r.currentViewId === null);
    expect(useNavigationStore.getState().route).toEqual({ name: 'current-view', caseId: CASE_ID, reviewId: missing?.id });
  });

  it('still says a closed case’s Current View is missing, without offering to change the closed record', () => {
    renderTab(closedCaseDetail());
    expect(within(review('Review 2: 04/01/2027')).getByText('Current View missing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the missing Current View' })).toBeNull();
    // Reading (and copying) a closed record is still fine.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Copy review summary', 'Copy review summary']);
  });

  it('says when there are no reviews yet', () => {
    const detail = newCaseDetail();
    detail.summary.nextReviewDate = '2027-02-01';
    renderTab(detail);
    expect(screen.getByText('No reviews yet. The agreed review date is 01/02/2027.')).toBeTruthy();
  });
});
