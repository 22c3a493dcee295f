/**
 * The whole THRIVE cycle of one case, by keyboard alone (docs/product.md#the-lifecycle-of-a-case), in Chromium against
 * the real handlers and an encrypted database: open → Current View at open (Getting More Help) →
 * plan → review overdue → review 1 changes the grouping to Getting Help → past the target date →
 * review 2 records the explicit discussion and moves to ending → the ending with the Current View at
 * close (Thriving). Then the closed case refuses edits (in the page and through the API), the History
 * tab shows every step with who and when, the Current View and Goals tabs show the journey, and the
 * caseload no longer lists the case. axe-core checks every screen and tab visited.
 *
 * Locators are used only to assert and to check focus; everything is driven with Tab/Shift+Tab,
 * typing, Space and arrows for choices, and Enter.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CURRENT_VIEW_COMPARISON_NOTE } from '../../shared/domain/current-view-compare';
import { formatUkDateTime } from '../../shared/dates';
import type { IpcResult } from '../../shared/ipc/result';
import type { CaseDetail, CaseSummary, HistoryEntry } from '../../shared/ipc/types';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { describedByText, hasFocus, hasFocusWithin, labelText } from '../support/e2e/in-page';
import { chooseTab, errorSummary, Journey, openFromCaseload, rateCurrentView, waitForHeading, waitToSee } from '../support/e2e/journey';
import { chooseRadio, describeFocus, pressButton, setCheckbox, tabTo, typeInto } from '../support/e2e/keyboard';
import { call, openCase, setUpProfile } from '../support/e2e/seed';

// Calendar of the case (default review interval: 6 weeks).
const OPEN_DAY = '2026-11-16'; // Monday: opened, Current View, plan agreed
const REVIEW_1_DAY = '2026-12-31'; // 3 days after the agreed review date 28/12/2026
const REVIEW_2_DAY = '2027-02-01'; // 3 days after the target date 29/01/2027
const ENDING_DAY = '2027-02-15';

const CLINICIAN = 'Priya Shah';
const YOUNG_PERSON = 'Alex Morgan';
const CASE_REF = 'TH-2026-0042';
const OTHER_YOUNG_PERSON = 'Jordan Ellis';
const GOAL_1 = 'To go back to school for full days';
const GOAL_2 = 'To sleep through the night most nights';
const CRITERION = 'Full-time attendance for four weeks running';
const TARGET_DATE_UK = '29/01/2027';
const FIRST_REVIEW_DATE_UK = '28/12/2026';

const READ_ONLY_MESSAGE = 'This case is closed and cannot be changed. Re-open it as a new episode to continue.';

/** Keys for the Current View items that are not None (severity) or No (complexity) at each completion. */
const VIEWS: Record<'open' | 'review1' | 'review2' | 'close', Record<string, string>> = {
  open: { p3: '2', p9: '2', p10: '1', p21: '2', cf12: 'k', ctx_home: '2', ctx_school: '2' },
  review1: { p3: '1', p9: '2', p21: '1', cf12: 'k', ctx_home: '1', ctx_school: '2' },
  review2: { p3: '1', p9: '1', p21: '1', ctx_home: '1', ctx_school: '1' },
  close: { p9: '1', ctx_school: '1' },
};
const keysFor = (view: keyof typeof VIEWS) => (code: string, scale: string) => VIEWS[view][code] ?? (scale === 'complexity' ? 'n' : '0');

let suite: Suite;
let app: E2eApp;
let journey: Journey;

beforeAll(async () => {
  const started = performance.now();
  suite = await startSuite();
  app = await launchApp(suite, {
    today: OPEN_DAY,
    // The clinician set up their profile on an earlier day and already has another young person on
    // their caseload, so the caseload table is there before and after this case.
    setup: (services) => {
      const me = setUpProfile(services, CLINICIAN);
      openCase(services, { caseRef: 'TH-2026-0031', name: OTHER_YOUNG_PERSON, openDate: '2026-11-09', leadClinicianId: me.id });
    },
  });
  journey = new Journey(app);
  journey.timings['launch'] = Math.round(performance.now() - started);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  if (journey) console.log(`full-cycle timings (ms): ${JSON.stringify(journey.timings)}\nscreenshots:\n${journey.screenshots.join('\n')}`);
});

/** The caseload row of a young person. */
function caseloadRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'My open cases' }).getByRole('row').filter({ hasText: name });
}

/** The case the spec drives, as saved. */
function savedCase(): CaseDetail {
  const list = call<CaseSummary[]>(app.services, 'cases:list', { status: 'all' });
  const summary = list.find((c) => c.caseRef === CASE_REF);
  if (!summary) throw new Error(`case ${CASE_REF} was not saved`);
  return call<CaseDetail>(app.services, 'cases:get', { caseId: summary.id });
}

/** Moves the app's calendar and opens it again (as a clinician would on a later day): the caseload. */
async function laterDay(day: string): Promise<void> {
  await app.setToday(day);
  await app.page.reload();
  await waitForHeading(app.page, 'My caseload');
  await waitToSee(caseloadRow(app.page, OTHER_YOUNG_PERSON), 'the caseload table');
}

/** A radio group by its legend, and the option to choose in it. */
async function choose(page: Page, legend: string, option: string): Promise<void> {
  const group = page.getByRole('group', { name: legend, exact: true });
  await chooseRadio(page, group, `the "${legend}" radios`, group.getByRole('radio', { name: option, exact: true }));
}

async function type(page: Page, label: string, text: string): Promise<void> {
  await typeInto(page, page.getByLabel(label, { exact: true }), `"${label}"`, text);
}

/** The options of a radio group, in the order shown. */
async function radioLabels(page: Page, legend: string): Promise<string[]> {
  const radios = page.getByRole('group', { name: legend, exact: true }).getByRole('radio');
  const labels: string[] = [];
  for (const radio of await radios.all()) labels.push(((await radio.evaluate(labelText)) ?? '').trim());
  return labels;
}

const ALL_GROUPINGS = ['Thriving', 'Getting Advice and Signposting', 'Getting Help', 'Getting More Help', 'Getting Risk Support'];

async function valueOf(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).inputValue();
}

describe('the whole THRIVE cycle of a case, by keyboard', () => {
  it('opens, plans, reviews twice, ends the case, and then keeps it read-only with its history', async () => {
    // Where the journey stopped, for whoever reads the failure.
    onTestFailed(async () => {
      await app?.screenshot('399-failure').catch(() => undefined);
    });
    const { page } = app;
    const main = page.locator('main');

    await journey.step('301-caseload', 'My caseload', async () => {
      await waitToSee(caseloadRow(page, OTHER_YOUNG_PERSON), 'the existing case on the caseload');
      await pressButton(page, page.getByRole('button', { name: 'Open a case', exact: true }), '"Open a case"');
    });

    await journey.step('302-open-case', 'Open a case', async () => {
      await type(page, 'Case reference', CASE_REF);
      await type(page, "Young person's name", YOUNG_PERSON);
      await type(page, 'Date of birth', '14/02/2012');
      await type(page, 'NHS number (optional)', '943 476 5919');
      await type(page, 'Referral date', '02/11/2026');
      await type(page, 'Open date', '16/11/2026');
      await expect.poll(() => page.getByLabel('Lead clinician', { exact: true }).locator('option:checked').textContent()).toContain(CLINICIAN);
      await journey.check('303-open-case-filled');
      await pressButton(page, page.getByRole('button', { name: 'Open case', exact: true }), '"Open case"');
    });

    await journey.step('304-current-view-at-open', 'Current View at open', async () => {
      expect(await valueOf(page, 'Date completed')).toBe('16/11/2026');
      await rateCurrentView(page, keysFor('open'));
      await choose(page, 'THRIVE grouping agreed with the family', 'Getting More Help');
      await journey.check('305-current-view-at-open-filled');
      await pressButton(page, page.getByRole('button', { name: 'Save Current View', exact: true }), '"Save Current View"');
    });

    await journey.step('306-plan', 'Agree the THRIVE plan', async () => {
      expect(await valueOf(page, 'Date agreed')).toBe('16/11/2026');
      await type(page, "Goal 1 in the young person's words", GOAL_1);
      await type(page, 'Goal 1 first rating (0 to 10)', '3');
      await pressButton(page, page.getByRole('button', { name: 'Add another goal', exact: true }), '"Add another goal"');
      await type(page, "Goal 2 in the young person's words", GOAL_2);
      await type(page, 'Goal 2 first rating (0 to 10)', '2');
      await type(page, 'What success would look like', 'Alex is in school every day and sleeping through most nights.');
      await type(page, 'Ending criterion 1', CRITERION);
      await choose(page, 'How likely by the target date', 'Likely');
      await type(page, 'Target date', TARGET_DATE_UK);
      await type(page, 'If not achieved by the target date (contingency)', 'Review with Alex and family; consider a group programme instead.');
      expect(await valueOf(page, 'Agreed review date')).toBe(FIRST_REVIEW_DATE_UK);
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Young person', exact: true }), '"Young person"');
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Parent or carer', exact: true }), '"Parent or carer"');
      await type(page, 'Options considered', 'CBT for anxiety; school liaison; sleep hygiene work.');
      await journey.check('307-plan-filled');
      await pressButton(page, page.getByRole('button', { name: 'Agree plan', exact: true }), '"Agree plan"');
    });

    await journey.step('308-case-planned', YOUNG_PERSON, async () => {
      for (const text of [CASE_REF, 'Getting More Help', FIRST_REVIEW_DATE_UK, TARGET_DATE_UK, GOAL_1, GOAL_2]) {
        await waitToSee(main.getByText(text, { exact: false }), `"${text}" on the case page`);
      }
      for (const button of ['Record a review', 'Revise the plan', 'End the case']) {
        await waitToSee(main.getByRole('button', { name: button, exact: true }), `the "${button}" button on an open case with a plan`);
      }
      await journey.check('309-case-planned-loaded');
    });

    // Review 1: three days after the agreed review date, with no review held.
    await laterDay(REVIEW_1_DAY);
    await journey.step('310-caseload-review-overdue', 'My caseload', async () => {
      const row = caseloadRow(page, YOUNG_PERSON);
      await waitToSee(row.getByText('Review overdue'), 'the "Review overdue" flag');
      await waitToSee(row.getByText(`Agreed review date ${FIRST_REVIEW_DATE_UK} passed 3 days ago; no review held since.`), 'the overdue reason');
      await openFromCaseload(page, YOUNG_PERSON);
    });

    await journey.step('311-case-before-review-1', YOUNG_PERSON, async () => {
      await waitToSee(main.getByText('Review overdue'), '"Review overdue" on the case page');
      await pressButton(page, main.getByRole('button', { name: 'Record a review', exact: true }), '"Record a review"');
    });

    await journey.step('312-review-1', 'Record a review', async () => {
      expect(await valueOf(page, 'Date of the review')).toBe('31/12/2026');
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Young person', exact: true }), '"Young person"');
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Parent or carer', exact: true }), '"Parent or carer"');
      // Each goal's words are its rating's hint.
      const goal1 = page.getByLabel('Goal 1 rating (0 to 10)', { exact: true });
      await waitToSee(goal1, '"Goal 1 rating (0 to 10)"');
      expect(await goal1.evaluate(describedByText)).toContain(GOAL_1);
      expect(await page.getByLabel('Goal 2 rating (0 to 10)', { exact: true }).evaluate(describedByText)).toContain(GOAL_2);
      await type(page, 'Goal 1 rating (0 to 10)', '5');
      await type(page, 'Goal 2 rating (0 to 10)', '4');
      await choose(page, CRITERION, 'Partly met');
      await waitToSee(page.getByRole('heading', { name: 'Current View at review', exact: true }), 'the "Current View at review" heading');
      await choose(page, 'Reason for completing', 'Changed understanding');
      await rateCurrentView(page, keysFor('review1'));
      // At a review every grouping can be chosen, and the decision is one of the four.
      expect(await radioLabels(page, 'THRIVE grouping agreed with the family')).toEqual(ALL_GROUPINGS);
      expect(await radioLabels(page, 'Decision')).toEqual(['Continue with the plan', 'Revise the plan', 'Move to ending', 'Change grouping']);
      await choose(page, 'THRIVE grouping agreed with the family', 'Getting Help');
      await choose(page, 'Decision', 'Change grouping');
      // Before the target date with no goal stuck, the explicit discussion is optional and tucked away.
      expect(await page.getByLabel('Ending plan', { exact: true }).count(), '"Ending plan" only for "Move to ending"').toBe(0);
      expect(await page.getByLabel('What was agreed (explicit discussion)', { exact: true }).isVisible(), 'the optional note starts folded away').toBe(false);
      await waitToSee(page.getByText('Add a note of an explicit discussion', { exact: true }), '"Add a note of an explicit discussion"');
      // Default: the review date + the 6-week interval.
      expect(await valueOf(page, 'Next agreed review date')).toBe('11/02/2027');
      await journey.check('313-review-1-filled');
      await pressButton(page, page.getByRole('button', { name: 'Save review', exact: true }), '"Save review"');
    });

    await journey.step('314-case-after-review-1', YOUNG_PERSON, async () => {
      await waitToSee(main.getByText('11/02/2027'), 'the next review date 11/02/2027 on the case page');
      expect(await main.getByText('Review overdue').count(), '"Review overdue" cleared on the case page').toBe(0);
      const panel = await chooseTab(page, 'Current View');
      await waitToSee(panel.getByText('Grouping: Getting More Help → Getting Help', { exact: true }), 'the grouping path "Getting More Help → Getting Help"');
      await journey.check('315-case-after-review-1-current-view-tab');
      await pressButton(page, page.getByRole('link', { name: 'Back to caseload' }), '"Back to caseload"');
    });

    await journey.step('316-caseload-after-review-1', 'My caseload', async () => {
      const row = caseloadRow(page, YOUNG_PERSON);
      await waitToSee(row.getByText('11/02/2027'), 'the new review date in the caseload row');
      expect(await row.getByText('Review overdue').count(), '"Review overdue" cleared on the caseload').toBe(0);
      expect(await row.textContent()).toContain('Getting Help');
    });

    // Review 2: three days after the target date.
    await laterDay(REVIEW_2_DAY);
    await journey.step('317-caseload-past-target', 'My caseload', async () => {
      const row = caseloadRow(page, YOUNG_PERSON);
      await waitToSee(row.getByText('Past target date'), 'the "Past target date" flag');
      await waitToSee(
        row.getByText(`Target date ${TARGET_DATE_UK} passed 3 days ago; no review since has recorded the explicit discussion of what happens next.`),
        'the past-target reason',
      );
      await openFromCaseload(page, YOUNG_PERSON);
    });

    const explicitReason = `The target date ${TARGET_DATE_UK} has passed: record what was agreed, per the contingency`;
    const explicitLabel = 'What was agreed (explicit discussion)';

    await journey.step('318-case-before-review-2', YOUNG_PERSON, async () => {
      await waitToSee(main.getByText('Past target date'), '"Past target date" on the case page');
      await pressButton(page, main.getByRole('button', { name: 'Record a review', exact: true }), '"Record a review"');
    });

    await journey.step('319-review-2', 'Record a review', async () => {
      expect(await valueOf(page, 'Date of the review')).toBe('01/02/2027');
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Young person', exact: true }), '"Young person"');
      await type(page, 'Goal 1 rating (0 to 10)', '8');
      await type(page, 'Goal 2 rating (0 to 10)', '6');
      await choose(page, CRITERION, 'Met');
      await choose(page, 'Reason for completing', 'Changed situation');
      await rateCurrentView(page, keysFor('review2'));
      await choose(page, 'THRIVE grouping agreed with the family', 'Getting Help');
      await choose(page, 'Decision', 'Move to ending');
      await type(page, 'Ending plan', 'Two more sessions to plan for setbacks, then end by mid-February.');
      // Past the target date the explicit discussion is asked for, with the reason as its hint.
      const explicit = page.getByLabel(explicitLabel, { exact: true });
      await waitToSee(explicit, `"${explicitLabel}"`);
      expect(await explicit.evaluate(describedByText)).toContain(explicitReason);
      await journey.check('320-review-2-filled');
      await pressButton(page, page.getByRole('button', { name: 'Save review', exact: true }), '"Save review"');

      // Saved without it: the error summary names it, focused, with a link to the field.
      const summary = errorSummary(page);
      await waitToSee(summary, 'the error summary');
      const link = summary.getByRole('link', { name: explicitReason, exact: true });
      await waitToSee(link, `the error summary entry "${explicitReason}"`);
      await expect.poll(() => summary.evaluate(hasFocusWithin), { message: 'the error summary takes focus' }).toBe(true);
      expect(await summary.getByRole('link').count(), 'only the explicit discussion is missing').toBe(1);
      expect(await explicit.getAttribute('aria-invalid')).toBe('true');
      await journey.check('321-review-2-explicit-discussion-required');
      await tabTo(page, link, 'the error summary link');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await explicit.evaluate(hasFocus)) || describeFocus(page)).toBe(true);
      await page.keyboard.type('Target not met in full: agreed with Alex and parent to move to ending rather than extend, per the contingency.');
      await pressButton(page, page.getByRole('button', { name: 'Save review', exact: true }), '"Save review"');
    });

    await journey.step('322-case-after-review-2', YOUNG_PERSON, async () => {
      await waitToSee(main.getByText('15/03/2027'), 'the next review date 15/03/2027 on the case page');
      expect(await main.getByText('Past target date').count(), '"Past target date" cleared on the case page').toBe(0);
      const panel = await chooseTab(page, 'Reviews');
      await waitToSee(panel.getByText('Move to ending'), 'review 2 decision on the Reviews tab');
      await waitToSee(panel.getByText(/agreed with Alex and parent to move to ending/), 'the explicit discussion on the Reviews tab');
      await journey.check('323-case-after-review-2-reviews-tab');
      await pressButton(page, page.getByRole('link', { name: 'Back to caseload' }), '"Back to caseload"');
    });

    await journey.step('324-caseload-after-review-2', 'My caseload', async () => {
      const row = caseloadRow(page, YOUNG_PERSON);
      await waitToSee(row.getByText('15/03/2027'), 'the new review date in the caseload row');
      expect(await row.getByText('Past target date').count(), '"Past target date" cleared on the caseload').toBe(0);
    });

    // The ending, two weeks later.
    await laterDay(ENDING_DAY);
    await openFromCaseload(page, YOUNG_PERSON);
    await journey.step('325-case-before-ending', YOUNG_PERSON, async () => {
      await pressButton(page, main.getByRole('button', { name: 'End the case', exact: true }), '"End the case"');
    });

    await journey.step('326-end-case', 'End the case', async () => {
      expect(await valueOf(page, 'Ending date')).toBe('15/02/2027');
      await choose(page, 'Reason for ending', 'Ending criteria met');
      await choose(page, CRITERION, 'Met');
      await type(page, 'Final rating for goal 1 (0 to 10)', '9');
      await type(page, 'Final rating for goal 2 (0 to 10)', '7');
      await waitToSee(page.getByRole('heading', { name: 'Current View at close', exact: true }), 'the "Current View at close" heading');
      await choose(page, 'Reason for completing', 'Changed situation');
      await rateCurrentView(page, keysFor('close'));
      expect(await radioLabels(page, 'THRIVE grouping at close'), 'all five groupings, Thriving first').toEqual(ALL_GROUPINGS);
      await choose(page, 'THRIVE grouping at close', 'Thriving');
      await type(page, 'Continuing support (optional)', 'School nurse check-ins each half term.');
      await type(page, 'Signposting (optional)', 'Kooth; the school wellbeing hub.');
      await type(page, 'Wellbeing plan the young person keeps (optional)', 'Keep the sleep routine; talk to Mum or the school nurse when worries build.');
      await choose(page, 'Was the ending discussed from the start?', 'Yes');
      await journey.check('327-end-case-filled');
      await pressButton(page, page.getByRole('button', { name: 'Close the case', exact: true }), '"Close the case"');
    });

    await journey.step('328-case-closed', YOUNG_PERSON, async () => {
      await waitToSee(main.getByText('This case is closed (ended 15/02/2027) and is read-only.', { exact: true }), 'the read-only notice');
      await waitToSee(main.getByRole('button', { name: 'Re-open as a new episode', exact: true }), '"Re-open as a new episode"');
      for (const button of ['Record a review', 'Revise the plan', 'End the case']) {
        expect(await page.getByRole('button', { name: button, exact: true }).count(), `no "${button}" button on a closed case`).toBe(0);
      }
    });

    // Through the API too: a write to the closed case is refused and nothing is written.
    const closed = savedCase();
    expect(closed.summary.status).toBe('closed');
    const activeGoals = closed.goals.filter((g) => g.status !== 'dropped' && g.replacesGoalId === null);
    const attempt = app.services.invoke('review:record', {
      caseId: closed.summary.id,
      caseVersion: closed.summary.version,
      reviewDate: ENDING_DAY,
      attendees: ['young_person'],
      goalRatings: activeGoals.map((g) => ({ goalId: g.id, score: 9 })),
      criteriaProgress: closed.criteria.filter((c) => c.retiredAt === null).map((c) => ({ criterionId: c.id, status: 'met' })),
      currentView: null,
      decision: 'continue',
      nextReviewDate: '2027-03-29',
    }) as IpcResult<unknown>;
    expect(attempt.ok).toBe(false);
    if (!attempt.ok) {
      expect(attempt.error.code).toBe('read_only');
      expect(attempt.error.message).toBe(READ_ONLY_MESSAGE);
    }
    const draftAttempt = app.services.invoke('drafts:save', { kind: 'review', caseId: closed.summary.id, payload: { notes: 'x' } }) as IpcResult<unknown>;
    expect(draftAttempt.ok ? 'saved' : draftAttempt.error.code, 'a draft for a closed case is refused too').toBe('read_only');
    const after = savedCase();
    expect(after.reviews).toHaveLength(2);
    expect(after.summary.version).toBe(closed.summary.version);

    const history = call<HistoryEntry[]>(app.services, 'cases:history', { caseId: closed.summary.id });

    await journey.timed('case-closed-history', async () => {
      const panel = await chooseTab(page, 'History');
      const table = panel.getByRole('table', { name: 'History' });
      await waitToSee(table, 'the History table');
      const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
      expect(headers).toEqual(['When', 'Who', 'What', 'Changes']);
      const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
      const rowTexts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
      // Every step of the journey, each with who and when.
      const steps: Array<[string, string]> = [
        ['Case opened', '16/11/2026'],
        ['Current View at open recorded (Getting More Help)', '16/11/2026'],
        ['THRIVE plan agreed', '16/11/2026'],
        ['Review recorded (decision: Change grouping)', '31/12/2026'],
        ['Current View at review recorded (Getting Help)', '31/12/2026'],
        ['Review recorded (decision: Move to ending)', '01/02/2027'],
        ['Case closed (Ending criteria met)', '15/02/2027'],
        ['Current View at close recorded (Thriving)', '15/02/2027'],
      ];
      for (const [what, day] of steps) {
        const found = rowTexts.some((t) => t.includes(`${day} 12:00`) && t.includes(CLINICIAN) && t.includes(what));
        expect(found, `History lists "${what}" on ${day} by ${CLINICIAN}; rows:\n${rowTexts.join('\n')}`).toBe(true);
      }
      // And every audit entry of the case, as the API gives it.
      for (const entry of history) {
        const found = rowTexts.some((t) => t.includes(entry.summary) && t.includes(formatUkDateTime(entry.at)) && t.includes(entry.actorName));
        expect(found, `History shows "${entry.summary}" (${entry.action}) at ${formatUkDateTime(entry.at)} by ${entry.actorName}`).toBe(true);
      }
      await journey.check('329-case-closed-history-tab');
    });

    await journey.timed('case-closed-current-view', async () => {
      const panel = await chooseTab(page, 'Current View');
      await waitToSee(panel.getByText('Grouping: Getting More Help → Getting Help → Thriving', { exact: true }), 'the grouping path to Thriving');
      await waitToSee(panel.getByText(CURRENT_VIEW_COMPARISON_NOTE, { exact: true }), 'the not-an-outcome note');
      const table = panel.getByRole('table');
      const headers = (await table.first().getByRole('columnheader').allTextContents()).join(' | ');
      for (const column of ['At open 16/11/2026', 'Review 31/12/2026', 'Review 01/02/2027', 'At close 15/02/2027']) {
        expect(headers, `a column "${column}"`).toContain(column);
      }
      // Changed rows say so in words; "Depression/low mood" went Moderate → Moderate → Mild → Mild.
      const depression = table.getByRole('row').filter({ hasText: 'Depression/low mood' });
      await waitToSee(depression, 'the changed item "Depression/low mood"');
      expect(await depression.first().textContent()).toContain('Changed');
      // "Panics" never changed: hidden while only changed items are shown, listed without "Changed" once all are.
      const panics = table.getByRole('row').filter({ hasText: 'Panics' });
      expect(await panics.count(), 'unchanged items are hidden by "Show only items that changed"').toBe(0);
      await setCheckbox(page, panel.getByRole('checkbox', { name: 'Show only items that changed', exact: true }), '"Show only items that changed"', false);
      await waitToSee(panics, 'the unchanged item "Panics" once every item is shown');
      expect(await panics.first().textContent()).not.toContain('Changed');
      await journey.check('330-case-closed-current-view-tab');
    });

    await journey.timed('case-closed-goals', async () => {
      const panel = await chooseTab(page, 'Goals');
      const table = panel.getByRole('table', { name: 'GBO ratings over time' });
      await waitToSee(table, 'the table "GBO ratings over time"');
      const text = ((await table.textContent()) ?? '').replace(/\s+/g, ' ');
      for (const expected of ['16/11/2026', '31/12/2026', '01/02/2027', '15/02/2027']) expect(text, `ratings table has ${expected}`).toContain(expected);
      expect(await panel.locator('svg').count(), 'an SVG chart of the ratings').toBeGreaterThan(0);
      const panelText = ((await panel.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(panelText).toContain('3 → 9');
      expect(panelText).toContain('2 → 7');
      expect(panelText).toContain('Improved');
      expect(panelText).toContain('A change of 3 or more points between the first and latest rating counts as meaningful (NHS England CYP outcome metric)');
      await journey.check('331-case-closed-goals-tab');
    });

    await journey.timed('case-closed-ending', async () => {
      const panel = await chooseTab(page, 'Ending');
      await waitToSee(panel.getByText('Ending criteria met'), 'the reason for ending');
      await waitToSee(panel.getByText(/Keep the sleep routine/), 'the wellbeing plan');
      await journey.check('332-case-closed-ending-tab');
      const reviews = await chooseTab(page, 'Reviews');
      await waitToSee(reviews.getByText('Change grouping'), 'review 1 on the Reviews tab');
      await journey.check('333-case-closed-reviews-tab');
      await chooseTab(page, 'Plan');
      await journey.check('334-case-closed-plan-tab');
      await pressButton(page, page.getByRole('link', { name: 'Back to caseload' }), '"Back to caseload"');
    });

    await journey.step('335-caseload-after-ending', 'My caseload', async () => {
      await waitToSee(caseloadRow(page, OTHER_YOUNG_PERSON), 'the other case still on the caseload');
      expect(await page.getByRole('link', { name: YOUNG_PERSON }).count(), 'the closed case is no longer on the caseload').toBe(0);
      expect(await page.getByRole('table', { name: 'My open cases' }).textContent()).not.toContain(CASE_REF);
    });

    expect(app.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    expect(journey.axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
  });
});
