import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStage } from '../../../tests/support/app-api/case-story';

/** Riley Shaw's case (tests/support/app-api/case-story.ts; revised at its first review by default) on its Plan tab. */
async function renderPlan(upTo: RileyStage = 'reviewed') {
  const backend = createTestBackend();
  const view = await renderCasePage({ backend, caseId: seedRileyShaw(backend, { upTo }), tab: 'plan' });
  return { ...view, panel: screen.getByRole('tabpanel') };
}

const listItems = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.textContent);

describe('Plan tab', () => {
  it('shows the plan in force with its version, why it was revised and the goals it works on', async () => {
    const { panel } = await renderPlan();
    const region = within(panel).getByRole('region', { name: 'THRIVE plan' });
    expect(within(region).getByText('Version 2, revised 23/11/2026 by Alex Morgan at the review of 23/11/2026.')).toBeTruthy();
    expect(within(region).getByText(/Riley wanted the school goal to be more realistic/)).toBeTruthy();
    const goals = within(panel).getAllByText('Goals', { selector: 'dt' })[0]!.nextElementSibling as HTMLElement;
    expect(listItems(goals)).toEqual([
      'Goal 1: “Sleep through the night”',
      'Goal 2: “Go to school three days a week”',
      'Goal 3: “Feel less worried when out”',
    ]);
    expect(within(panel).getAllByText('Target date', { selector: 'dt' })[0]!.nextElementSibling?.textContent).toBe('01/03/2027');
  });

  it('says what the revision changed: goals reworded, added and dropped, criteria and the target date', async () => {
    const { panel } = await renderPlan();
    const heading = within(panel).getByRole('heading', { name: 'What changed in version 2' });
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
    const { user, panel } = await renderPlan();
    const earlier = within(panel).getByRole('region', { name: 'Earlier versions' });
    expect(within(earlier).getByText('Version 1, agreed 12/10/2026 by Alex Morgan.')).toBeTruthy();
    expect(within(earlier).getByText('The plan as first agreed.')).toBeTruthy();
    await user.click(within(earlier).getByText('Show version 1 in full'));
    const goals = within(earlier).getByText('Goals', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(listItems(goals)).toEqual(['Goal 1: “Sleep through the night”', 'Goal 2: “Go back to school”', 'Goal 3: “Join a club”']);
    expect(within(earlier).getByText('Target date', { selector: 'dt' }).nextElementSibling?.textContent).toBe('01/02/2027');
  });

  it('has no earlier versions for a plan never revised, and says when there is no plan', async () => {
    const first = await renderPlan('plan');
    expect(within(first.panel).getByText('Version 1, agreed 12/10/2026 by Alex Morgan.')).toBeTruthy();
    expect(within(first.panel).queryByRole('region', { name: 'Earlier versions' })).toBeNull();
    first.unmount();
    const { panel } = await renderPlan('opened');
    expect(within(panel).getByText('No plan has been agreed yet.')).toBeTruthy();
  });
});
