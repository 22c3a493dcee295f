import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { newCaseDetail, openCaseDetail } from '../../test-support/case-fixtures';
import { PlanTab } from './PlanTab';

const listItems = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.textContent);

describe('Plan tab', () => {
  it('shows the plan in force with its version, why it was revised and the goals it works on', () => {
    render(<PlanTab detail={openCaseDetail()} />);
    const region = screen.getByRole('region', { name: 'THRIVE plan' });
    expect(within(region).getByText('Version 2, revised 23/11/2026 by Alex Morgan at the review of 23/11/2026.')).toBeTruthy();
    expect(within(region).getByText(/Riley wanted the school goal to be more realistic/)).toBeTruthy();
    const goals = screen.getAllByText('Goals', { selector: 'dt' })[0]!.nextElementSibling as HTMLElement;
    expect(listItems(goals)).toEqual([
      'Goal 1: “Sleep through the night”',
      'Goal 2: “Go to school three days a week”',
      'Goal 3: “Feel less worried when out”',
    ]);
    expect(screen.getAllByText('Target date', { selector: 'dt' })[0]!.nextElementSibling?.textContent).toBe('01/03/2027');
  });

  it('says what the revision changed: goals reworded, added and dropped, criteria and the target date', () => {
    render(<PlanTab detail={openCaseDetail()} />);
    const heading = screen.getByRole('heading', { name: 'What changed in version 2' });
    expect(listItems(heading.nextElementSibling as HTMLElement)).toEqual([
      'Goal 2 reworded: “Go back to school” → “Go to school three days a week”',
      'Goal 3 added: “Feel less worried when out”',
      'Goal 3 dropped: “Join a club”',
      'Ending criterion 2 reworded: “Attends school every day for four weeks” → “Attends school three days a week for four weeks”',
      'Target date: 01/02/2027 → 01/03/2027',
      'Agreed review date: 23/11/2026 → 04/01/2027',
      'THRIVE grouping: Getting More Help → Getting Help',
    ]);
  });

  it('lists earlier versions with who agreed them and when, each viewable in full', async () => {
    const user = userEvent.setup();
    render(<PlanTab detail={openCaseDetail()} />);
    const earlier = screen.getByRole('region', { name: 'Earlier versions' });
    expect(within(earlier).getByText('Version 1, agreed 12/10/2026 by Alex Morgan.')).toBeTruthy();
    expect(within(earlier).getByText('The plan as first agreed.')).toBeTruthy();
    await user.click(within(earlier).getByText('Show version 1 in full'));
    const goals = within(earlier).getByText('Goals', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(listItems(goals)).toEqual(['Goal 1: “Sleep through the night”', 'Goal 2: “Go back to school”', 'Goal 3: “Join a club”']);
    expect(within(earlier).getByText('Target date', { selector: 'dt' }).nextElementSibling?.textContent).toBe('01/02/2027');
  });

  it('has no earlier versions for a plan never revised, and says when there is no plan', () => {
    const detail = openCaseDetail();
    detail.planVersions = detail.planVersions.slice(0, 1);
    detail.plan = detail.planVersions[0]!;
    const { unmount } = render(<PlanTab detail={detail} />);
    expect(screen.getByText('Version 1, agreed 12/10/2026 by Alex Morgan.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Earlier versions' })).toBeNull();
    unmount();
    render(<PlanTab detail={newCaseDetail()} />);
    expect(screen.getByText('No plan has been agreed yet.')).toBeTruthy();
  });
});
