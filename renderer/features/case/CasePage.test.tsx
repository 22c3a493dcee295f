import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderCasePage } from '../../test-support/render-case-page';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';
import { seedRileyShaw, type RileyStage } from '../../../tests/support/app-api/case-story';
import { CASE_TABS } from './CaseTabs';

/** Riley Shaw's case seeded through the real channels up to `upTo` (default: open, reviewed twice). */
function riley(upTo?: RileyStage): { backend: TestBackend; caseId: string } {
  const backend = createTestBackend();
  return { backend, caseId: seedRileyShaw(backend, { upTo }) };
}

/** Riley's closed case re-opened today as episode 2. */
function reopened(): { backend: TestBackend; first: string; second: string } {
  const { backend, caseId: first } = riley('closed');
  const second = backend.okNow('cases:reopen', {
    caseId: first,
    caseVersion: backend.getCase(first).summary.version,
    referralDate: backend.today,
    openDate: backend.today,
    leadClinicianId: backend.profile.id,
    reason: 'Sleep has got worse again since the holidays.',
  }).id;
  return { backend, first, second };
}

const detailsValue = (key: string) => {
  const term = screen.getAllByText(key, { selector: 'dt' })[0]!;
  return term.nextElementSibling?.textContent;
};

const EDIT_BUTTONS = ['Record a review', 'Revise the plan', 'End the case'];

describe('Case page header', () => {
  it('shows who, the grouping, the coordinator, dates as dd/mm/yyyy and flags with their reasons', async () => {
    await renderCasePage(riley());
    await waitFor(() => expect(document.title).toBe('Riley Shaw – THRIVE Plans'));
    expect(screen.getByText('Case RIO-2001')).toBeTruthy();
    expect(detailsValue('NHS number')).toBe('943 476 5919');
    expect(detailsValue('Date of birth')).toBe('30/06/2011 (age 15)');
    expect(detailsValue('THRIVE grouping')).toBe('Getting Help');
    expect(detailsValue('Lead clinician')).toBe('Alex Morgan');
    expect(detailsValue('Coordinating agency')).toBe('CAMHS');
    expect(detailsValue('Referral date')).toBe('21/09/2026');
    expect(detailsValue('Open date')).toBe('05/10/2026');
    expect(detailsValue('Next review')).toBe('15/02/2027');
    expect(detailsValue('Target date')).toBe('01/03/2027');
    const flags = screen.getByRole('region', { name: 'Flags' });
    expect(within(flags).getByText('Current View missing')).toBeTruthy();
    expect(within(flags).getByText('1 review or closure recorded without a Current View.')).toBeTruthy();
  });

  it('offers the next steps of an open case, each going to its form', async () => {
    const { caseId, ...story } = riley();
    const { user, route } = await renderCasePage({ ...story, caseId });
    expect(screen.queryByText(/is read-only/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Re-open as a new episode' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Record a review' }));
    expect(route()).toEqual({ name: 'review', caseId });
    await user.click(screen.getByRole('button', { name: 'Revise the plan' }));
    expect(route()).toEqual({ name: 'revise-plan', caseId });
    await user.click(screen.getByRole('button', { name: 'End the case' }));
    expect(route()).toEqual({ name: 'close-case', caseId });
  });

  it('does not offer to revise a plan that has not been agreed, and says what to do first', async () => {
    const { caseId, ...story } = riley('opened');
    const { user, route } = await renderCasePage({ ...story, caseId });
    expect(screen.queryByRole('button', { name: 'Revise the plan' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Record a review' })).toBeTruthy();
    expect(detailsValue('THRIVE grouping')).toBe('Not recorded yet');
    await user.click(screen.getByRole('button', { name: 'Record Current View at open' }));
    expect(route()).toEqual({ name: 'current-view', caseId });
  });

  it('asks for the plan once the Current View at open is recorded', async () => {
    const { caseId, ...story } = riley('current-view');
    const { user, route } = await renderCasePage({ ...story, caseId });
    await user.click(screen.getByRole('button', { name: 'Agree the THRIVE plan' }));
    expect(route()).toEqual({ name: 'plan', caseId });
  });

  it('shows a closed case as read-only, with no edit buttons, and offers to re-open it', async () => {
    const { caseId, ...story } = riley('closed');
    const { user, route } = await renderCasePage({ ...story, caseId });
    expect(screen.getByText('This case is closed (ended 08/01/2027) and is read-only.')).toBeTruthy();
    expect(detailsValue('Date closed')).toBe('08/01/2027');
    for (const name of EDIT_BUTTONS) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.getByText('No flags: the case is closed.')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Reviews' }));
    expect(screen.getAllByText('Current View missing').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Record the missing Current View' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Re-open as a new episode' }));
    expect(route()).toEqual({ name: 'reopen-case', caseId });
  });

  it('links to the episode a closed case was re-opened as, instead of re-opening it twice', async () => {
    const { backend, first, second } = reopened();
    const { user, route } = await renderCasePage({ backend, caseId: first });
    expect(screen.queryByRole('button', { name: 'Re-open as a new episode' })).toBeNull();
    expect(screen.getByText('It has already been re-opened as episode 2.')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Next episode (episode 2)' }));
    expect(route()).toEqual({ name: 'case', caseId: second });
  });

  it('links a re-opened episode to the one before it', async () => {
    const { backend, first, second } = reopened();
    const { user, route } = await renderCasePage({ backend, caseId: second });
    expect(screen.getByText('Case RIO-2001')).toBeTruthy();
    expect(detailsValue('Case reference')).toBe('RIO-2001 (episode 2)');
    expect(screen.queryByRole('link', { name: /Next episode/ })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Previous episode (episode 1)' }));
    expect(route()).toEqual({ name: 'case', caseId: first });
  });

  it('goes back to the caseload', async () => {
    const { user, route } = await renderCasePage(riley());
    await user.click(screen.getByRole('link', { name: 'Back to caseload' }));
    expect(route()).toEqual({ name: 'caseload' });
  });

  it('goes back to the team view, drilled down as it was, when opened from there, keeping that across tabs', async () => {
    const story = riley();
    const from = { name: 'team' as const, clinicianId: story.backend.addClinician('Sam Patel').id };
    const { user, route } = await renderCasePage({ ...story, from });
    expect(screen.queryByRole('link', { name: 'Back to caseload' })).toBeNull();
    await user.click(screen.getByRole('tab', { name: 'Goals' }));
    await user.click(screen.getByRole('link', { name: 'Back to team view' }));
    expect(route()).toEqual(from);
  });

  it('says so when the case cannot be found', async () => {
    const backend = createTestBackend();
    const caseId = '0190f3a0-0000-7000-8000-00000000c0de';
    const answer = await backend.api.cases.get({ caseId });
    if (answer.ok) expect.fail('no case was seeded, yet main found one');
    await renderCasePage({ backend, caseId, expectAlert: true });
    expect(screen.getByRole('alert').textContent).toContain(answer.error.message);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Case');
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});

describe('Case page tabs', () => {
  const tabNames = () => screen.getAllByRole('tab').map((t) => t.textContent);
  const selectedTab = () => screen.getByRole('tab', { selected: true }).textContent;

  it('shows the sections as a tablist, Plan first, with only the selected panel showing', async () => {
    await renderCasePage(riley());
    expect(screen.getByRole('tablist', { name: 'Case sections' })).toBeTruthy();
    expect(tabNames()).toEqual(['Plan', 'Goals', 'Current View', 'Reviews', 'Ending', 'History']);
    expect(selectedTab()).toBe('Plan');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Plan' }).id);
    expect(within(panel).getByRole('heading', { name: 'THRIVE plan' })).toBeTruthy();
    expect(screen.getAllByRole('tabpanel', { hidden: true })).toHaveLength(6);
  });

  it('moves between tabs with the arrow keys, Home and End, remembering the tab in the route', async () => {
    const { caseId, ...story } = riley();
    const { user, route } = await renderCasePage({ ...story, caseId });
    const plan = screen.getByRole('tab', { name: 'Plan' });
    expect(plan.tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Goals' }).tabIndex).toBe(-1);

    plan.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Goals' }));
    expect(selectedTab()).toBe('Goals');
    expect(route()).toEqual({ name: 'case', caseId, tab: 'goals' });
    expect(within(screen.getByRole('tabpanel')).getByRole('heading', { name: 'Goals' })).toBeTruthy();

    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'History' }));
    expect(route()).toEqual({ name: 'case', caseId, tab: 'history' });
    await user.keyboard('{ArrowRight}');
    expect(selectedTab()).toBe('Plan');
    await user.keyboard('{ArrowLeft}');
    expect(selectedTab()).toBe('History');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Plan' }));
    expect(selectedTab()).toBe('Plan');

    // Tab leaves the tablist for the panel rather than walking through every tab.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tabpanel'));
  });

  it('opens on the tab named in the route and changes tab on click', async () => {
    const { caseId, ...story } = riley();
    const { user, route } = await renderCasePage({ ...story, caseId, tab: 'reviews' });
    expect(selectedTab()).toBe('Reviews');
    await user.click(screen.getByRole('tab', { name: 'Current View' }));
    expect(selectedTab()).toBe('Current View');
    expect(route()).toEqual({ name: 'case', caseId, tab: 'current-view' });
  });
});

describe('Case page accessibility', () => {
  const cases = [
    ['an open', 'reviewed'],
    ['a closed', 'closed'],
  ] as const;
  for (const [which, upTo] of cases) {
    for (const tab of CASE_TABS) {
      it(`has no axe violations on the ${tab.label} tab of ${which} case`, async () => {
        await renderCasePage({ ...riley(upTo), tab: tab.id });
        if (tab.id === 'history') await screen.findByRole('table', { name: 'History' });
        await expectNoAxeViolations();
      });
    }
  }

  it('has no axe violations on a case with no plan yet', async () => {
    await renderCasePage(riley('opened'));
    await expectNoAxeViolations();
  });
});
