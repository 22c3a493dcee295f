/**
 * Drafts autosave (docs/quality.md#reliability), in Chromium against the real handlers and an encrypted
 * database: a half-filled review (date, who attended, one goal rating) survives closing the app —
 * page, browser context and services, so the database is closed — and launching it again on the same
 * file. The restored draft is never a record: the caseload still flags the review as overdue and the
 * case lists no review. "Discard draft" empties the form; saving the review clears the draft.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { CaseloadRow, CaseDetail, DraftRecord, Caseload } from '../../shared/ipc/types';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { chooseTab, Journey, openFromCaseload, rateCurrentView, waitForHeading, waitToSee } from '../support/e2e/journey';
import { chooseRadio, pressButton, setCheckbox, tabTo, typeInto } from '../support/e2e/keyboard';
import { call, openCaseWithPlan, setUpProfile } from '../support/e2e/seed';

// Seven days after the agreed review date 28/12/2026, with no review held.
const TODAY = '2027-01-04';
const TODAY_UK = '04/01/2027';
const REVIEW_DATE_UK = '28/12/2026';
const TYPED_REVIEW_DATE = '02/01/2027';
const YOUNG_PERSON = 'Sam Taylor';
const GOAL = 'To walk to school with friends';
const CRITERION = 'Walks to school on most days for a month';
const RESTORED = `Restored your unsaved draft from ${TODAY_UK} 12:00.`;
const OVERDUE_REASON = `Agreed review date ${REVIEW_DATE_UK} passed 7 days ago; no review held since.`;

let suite: Suite;
let app: E2eApp;
let dbPath = '';
let caseId = '';
let journey: Journey;
const timings: Record<string, number> = {};

beforeAll(async () => {
  suite = await startSuite();
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  console.log(`drafts timings (ms): ${JSON.stringify({ ...timings, ...journey?.timings })}`);
});

function reviewDraft(): DraftRecord | null {
  return call<DraftRecord | null>(app.services, 'drafts:get', { kind: 'review', caseId });
}

function savedCase(): CaseDetail {
  return call<CaseDetail>(app.services, 'cases:get', { caseId });
}

function caseloadRow(page: Page) {
  return page.getByRole('table', { name: 'My open cases' }).getByRole('row').filter({ hasText: YOUNG_PERSON });
}

const goalRating = (page: Page) => page.getByLabel('Goal 1 rating (0 to 10)', { exact: true });
const reviewDate = (page: Page) => page.getByLabel('Date of the review', { exact: true });
const youngPerson = (page: Page) => page.getByRole('checkbox', { name: 'Young person', exact: true });
const restoredNotice = (page: Page) => page.getByText(RESTORED, { exact: false });

/** Caseload → case (Tab to the name, Enter) → "Record a review". */
async function openReviewForm(page: Page): Promise<void> {
  await journey.step('351-caseload', 'My caseload', async () => {
    await waitToSee(caseloadRow(page).getByText(OVERDUE_REASON), `"Review overdue" with its reason`);
    expect(await caseloadRow(page).textContent()).toContain(REVIEW_DATE_UK);
    await openFromCaseload(page, YOUNG_PERSON);
  });
  await journey.step('352-case', YOUNG_PERSON, async () => {
    await waitToSee(page.locator('main').getByText('Review overdue'), '"Review overdue" on the case page');
    await pressButton(page, page.locator('main').getByRole('button', { name: 'Record a review', exact: true }), '"Record a review"');
  });
  await waitForHeading(page, 'Record a review');
}

/** The half of a review typed before the app is closed: a date, who attended and one rating. */
async function typeHalfAReview(page: Page): Promise<void> {
  await typeInto(page, reviewDate(page), '"Date of the review"', TYPED_REVIEW_DATE);
  await setCheckbox(page, youngPerson(page), '"Young person"');
  await typeInto(page, goalRating(page), '"Goal 1 rating (0 to 10)"', '6');
  // Autosave runs ~800 ms after the last change: wait until the draft holds all three.
  await expect.poll(() => draftHoldsHalfAReview(), { message: 'the draft is autosaved with what was typed', timeout: 10_000 }).toBe(true);
}

/** Whatever shape the form gives its draft, it must carry the date, the attendee and the rating. */
function draftHoldsHalfAReview(): boolean {
  const text = JSON.stringify(reviewDraft()?.payload ?? null);
  return (text.includes(TYPED_REVIEW_DATE) || text.includes('2027-01-02')) && /young_?person/i.test(text) && /"6"|:6[,}\]]/.test(text);
}

describe('a half-filled review survives closing and reopening the app', () => {
  it('restores the draft, never counts it as a review, discards it, and clears it on save', async () => {
    // Where the journey stopped, for whoever reads the failure.
    onTestFailed(async () => {
      await app?.screenshot('369-failure').catch(() => undefined);
    });
    let started = performance.now();
    app = await launchApp(suite, {
      today: TODAY,
      setup: (services) => {
        const me = setUpProfile(services, 'Priya Shah');
        const detail = openCaseWithPlan(services, {
          caseRef: 'TH-2026-0077',
          name: YOUNG_PERSON,
          openDate: '2026-11-16',
          leadClinicianId: me.id,
          goal: GOAL,
          criterion: CRITERION,
          targetDate: '2027-03-15',
          reviewDate: '2026-12-28',
        });
        caseId = detail.summary.id;
      },
    });
    dbPath = app.dbPath;
    journey = new Journey(app);
    timings['launch-1'] = Math.round(performance.now() - started);

    await openReviewForm(app.page);
    await journey.timed('353-review-half-filled', async () => {
      expect(await restoredNotice(app.page).count(), 'no draft yet').toBe(0);
      await typeHalfAReview(app.page);
      await journey.check('353-review-half-filled');
    });

    // The clinician closes the app: page, browser context, bridge and services (the database).
    expect(app.pageErrors, 'no uncaught errors or console errors in the page before closing').toEqual([]);
    started = performance.now();
    await app.close({ keepDatabase: true });
    app = await launchApp(suite, { today: TODAY, dbPath });
    journey.use(app);
    timings['relaunch'] = Math.round(performance.now() - started);
    const { page } = app;

    // The draft is not a review: still overdue on the caseload and the case, no review listed.
    expect(savedCase().reviews).toEqual([]);
    const row = call<Caseload>(app.services, 'caseload:list', {}).rows.find((r: CaseloadRow) => r.caseId === caseId);
    expect(row?.flags.map((f) => f.label)).toContain('Review overdue');
    await journey.step('354-caseload-after-relaunch', 'My caseload', async () => {
      await waitToSee(caseloadRow(page).getByText(OVERDUE_REASON), `"Review overdue" with its reason after relaunch`);
      await openFromCaseload(page, YOUNG_PERSON);
    });
    await journey.step('355-case-after-relaunch', YOUNG_PERSON, async () => {
      await waitToSee(page.locator('main').getByText('Review overdue'), '"Review overdue" on the case page');
      const reviews = await chooseTab(page, 'Reviews');
      await waitToSee(reviews.getByText(`No reviews yet. The agreed review date is ${REVIEW_DATE_UK}.`), 'no review on the Reviews tab');
      expect(((await reviews.textContent()) ?? '').includes(TYPED_REVIEW_DATE), 'the draft review is not listed on the Reviews tab').toBe(false);
      await journey.check('356-case-after-relaunch-reviews-tab');
      // Nor is it in the audit trail: a draft is not a write to the case.
      const history = await chooseTab(page, 'History');
      await waitToSee(history.getByRole('table', { name: 'History' }), 'the History table');
      expect(await history.getByText(/Review recorded|draft/i).count(), 'no review or draft in the History').toBe(0);
      await journey.check('357-case-after-relaunch-history-tab');
      // The case's actions are above the tabs: back up to "Record a review".
      await tabTo(page, page.locator('main').getByRole('button', { name: 'Record a review', exact: true }), '"Record a review"', { backwards: true });
      await page.keyboard.press('Enter');
    });

    await journey.step('358-review-restored', 'Record a review', async () => {
      await waitToSee(restoredNotice(page), `"${RESTORED}"`);
      await waitToSee(page.getByRole('button', { name: 'Discard draft', exact: true }), '"Discard draft"');
      expect(await reviewDate(page).inputValue()).toBe(TYPED_REVIEW_DATE);
      expect(await youngPerson(page).isChecked()).toBe(true);
      expect(await goalRating(page).inputValue()).toBe('6');
      expect(await page.getByRole('checkbox', { name: 'Parent or carer', exact: true }).isChecked()).toBe(false);
    });

    await journey.timed('359-review-discarded', async () => {
      await pressButton(page, page.getByRole('button', { name: 'Discard draft', exact: true }), '"Discard draft"');
      await restoredNotice(page).waitFor({ state: 'detached', timeout: 10_000 });
      expect(await reviewDate(page).inputValue(), 'the date is back to its default, today').toBe(TODAY_UK);
      expect(await youngPerson(page).isChecked()).toBe(false);
      expect(await goalRating(page).inputValue()).toBe('');
      await expect.poll(() => reviewDraft(), { message: 'the draft is gone from the database' }).toBeNull();
      await journey.check('359-review-discarded');
    });

    await journey.timed('360-review-saved', async () => {
      await typeHalfAReview(page);
      const criterion = page.getByRole('group', { name: CRITERION, exact: true });
      await chooseRadio(page, criterion, `the "${CRITERION}" radios`, criterion.getByRole('radio', { name: 'Partly met', exact: true }));
      const reason = page.getByRole('group', { name: 'Reason for completing', exact: true });
      await chooseRadio(page, reason, 'the "Reason for completing" radios', reason.getByRole('radio', { name: 'Changed understanding', exact: true }));
      await rateCurrentView(page, (code, scale) => (scale === 'complexity' ? 'n' : code === 'p3' ? '1' : '0'));
      const grouping = page.getByRole('group', { name: 'THRIVE grouping agreed with the family', exact: true });
      await chooseRadio(page, grouping, 'the grouping radios', grouping.getByRole('radio', { name: 'Getting Help', exact: true }));
      const decision = page.getByRole('group', { name: 'Decision', exact: true });
      await chooseRadio(page, decision, 'the Decision radios', decision.getByRole('radio', { name: 'Continue with the plan', exact: true }));
      await journey.check('360-review-filled');
      await pressButton(page, page.getByRole('button', { name: 'Save review', exact: true }), '"Save review"');
      await waitForHeading(page, YOUNG_PERSON);
      expect(reviewDraft(), 'saving the review cleared its draft').toBeNull();
      expect(savedCase().reviews.map((r) => r.reviewDate)).toEqual(['2027-01-02']);
      expect(await page.locator('main').getByText('Review overdue').count(), 'the saved review clears "Review overdue"').toBe(0);
      await journey.check('361-case-after-save');
    });

    await journey.timed('362-review-form-again', async () => {
      await pressButton(page, page.locator('main').getByRole('button', { name: 'Record a review', exact: true }), '"Record a review"');
      await waitForHeading(page, 'Record a review');
      await waitToSee(goalRating(page), 'the review form');
      expect(await restoredNotice(page).count(), 'no restored notice once the review is saved').toBe(0);
      expect(await page.getByRole('button', { name: 'Discard draft', exact: true }).count()).toBe(0);
      expect(await reviewDate(page).inputValue()).toBe(TODAY_UK);
      await journey.check('362-review-form-again');
    });

    expect(app.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    expect(journey.axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
  });
});
