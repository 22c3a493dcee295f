/**
 * A new clinician's first session, by keyboard alone, in Chromium against the real handlers and an
 * encrypted database: profile → empty caseload → open a case → Current View at open → plan → case
 * page → caseload. Then the calendar moves past the agreed review date and the case is flagged
 * "Review overdue", on the caseload and on the case page. axe-core checks every screen visited.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from '../../shared/domain/current-view';
import { hasFocus, hasFocusWithin } from '../support/e2e/in-page';
import { axeViolations, describeViolations, launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { chooseRadio, describeFocus, pressButton, setCheckbox, tabTo, typeInto } from '../support/e2e/keyboard';

// The first session happens on Monday 16/11/2026; the default review interval is 6 weeks.
const FIRST_DAY = '2026-11-16';
const REVIEW_DATE_UK = '28/12/2026';
const THREE_DAYS_AFTER_REVIEW = '2026-12-31';

const YOUNG_PERSON = 'Alex Morgan';
const CASE_REF = 'TH-2026-0042';

/** One key per Current View item, in form order: mostly None, a few rated, all complexity factors No. */
const CURRENT_VIEW_KEYS: Record<string, string> = { p3: '1', p9: '2', p10: '1', p21: '2', cf12: 'k', ctx_home: '1', ctx_school: '2' };
const keyFor = (code: string, scale: string) => CURRENT_VIEW_KEYS[code] ?? (scale === 'complexity' ? 'n' : '0');

let suite: Suite;
let app: E2eApp;
const axeFindings: string[] = [];
const timings: Record<string, number> = {};

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Records axe violations per screen; the test fails at the end with every screen's findings. */
async function checkAccessibility(screen: string): Promise<void> {
  const violations = await axeViolations(app.page);
  if (violations.length > 0) axeFindings.push(describeViolations(screen, violations));
}

/** One screen: wait for its heading, check it with axe, screenshot it, then drive it. */
async function step(name: string, screenHeading: string, body: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await heading(app.page, screenHeading);
  await checkAccessibility(`${name} "${screenHeading}"`);
  await app.screenshot(name);
  await body();
  timings[name] = Math.round(performance.now() - started);
}

beforeAll(async () => {
  const started = performance.now();
  suite = await startSuite();
  app = await launchApp(suite, { today: FIRST_DAY });
  timings['launch'] = Math.round(performance.now() - started);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  console.log(`first-session timings (ms): ${JSON.stringify(timings)}`);
});

describe("a new clinician's first session, by keyboard", () => {
  it('sets up, opens and plans a case, and later sees it flagged Review overdue', async () => {
    const { page } = app;

    await step('01-profile', 'Set up your profile', async () => {
      await typeInto(page, page.getByLabel('Your name', { exact: true }), '"Your name"', 'Priya Shah');
      await chooseRadio(page, page.getByRole('group', { name: 'Role' }), 'the Role radios', page.getByRole('radio', { name: 'Clinician', exact: true }));
      await typeInto(page, page.getByLabel('Team', { exact: true }), '"Team"', 'Riverside CAMHS Getting Help team');
      await checkAccessibility('01-profile-filled');
      await app.screenshot('01-profile-filled');
      // Enter in a text field submits the form.
      await page.keyboard.press('Enter');
    });

    await step('02-caseload-empty', 'My caseload', async () => {
      await expect.poll(() => page.getByRole('button', { name: 'Load demo caseload' }).isVisible()).toBe(true);
      await checkAccessibility('02-caseload-empty (loaded)');
      await pressButton(page, page.getByRole('button', { name: 'Open a case' }), '"Open a case"');
    });

    await step('03-open-case', 'Open a case', async () => {
      await typeInto(page, page.getByLabel('Case reference', { exact: true }), '"Case reference"', CASE_REF);
      await typeInto(page, page.getByLabel("Young person's name", { exact: true }), '"Young person\'s name"', YOUNG_PERSON);
      await typeInto(page, page.getByLabel('Date of birth', { exact: true }), '"Date of birth"', '14/02/2012');
      await typeInto(page, page.getByLabel('NHS number (optional)', { exact: true }), '"NHS number (optional)"', '943 476 5919');
      await typeInto(page, page.getByLabel('Referral date', { exact: true }), '"Referral date"', '02/11/2026');
      await typeInto(page, page.getByLabel('Open date', { exact: true }), '"Open date"', '16/11/2026');
      // Lead clinician defaults to the profile; the coordinating agency to CAMHS.
      await expect.poll(() => page.getByLabel('Lead clinician', { exact: true }).locator('option:checked').textContent()).toContain('Priya Shah');
      expect(await page.getByLabel('Coordinating agency', { exact: true }).inputValue()).toBe('CAMHS');
      await checkAccessibility('03-open-case-filled');
      await app.screenshot('03-open-case-filled');
      await pressButton(page, page.getByRole('button', { name: 'Open case', exact: true }), '"Open case"');
    });

    await step('04-current-view', 'Current View at open', async () => {
      expect(await page.getByLabel('Date completed', { exact: true }).inputValue()).toBe('16/11/2026');
      expect(await page.getByRole('radio', { name: 'First contact' }).isChecked()).toBe(true);
      const first = CURRENT_VIEW_ITEMS[0];
      if (!first) throw new Error('no Current View items');
      await tabTo(page, page.getByRole('radiogroup', { name: first.label, exact: true }), `the first Current View item "${first.label}"`);
      // One key per item; focus moves on to the next item by itself.
      for (const item of CURRENT_VIEW_ITEMS) {
        const group = page.getByRole('radiogroup', { name: item.label, exact: true });
        const focusedHere = await group.evaluate(hasFocusWithin);
        if (!focusedHere) throw new Error(`Expected focus on Current View item "${item.label}", but it is on ${await describeFocus(page)}`);
        await page.keyboard.press(keyFor(item.code, item.scale));
      }
      await expect.poll(() => page.getByText(`${CURRENT_VIEW_ITEMS.length} of ${CURRENT_VIEW_ITEMS.length} rated`).isVisible()).toBe(true);
      // ArrowUp moves back between items without changing a rating.
      await tabTo(page, page.getByRole('radiogroup', { name: 'Attainment difficulties', exact: true }), 'the last Current View item', { backwards: true });
      await page.keyboard.press('ArrowUp');
      expect(await page.getByRole('radiogroup', { name: 'Attendance difficulties', exact: true }).evaluate(hasFocusWithin)).toBe(true);
      expect(await page.getByRole('radiogroup', { name: 'Depression/low mood', exact: true }).getByRole('radio', { name: 'Moderate' }).isChecked()).toBe(true);

      await chooseRadio(
        page,
        page.getByRole('group', { name: 'THRIVE grouping agreed with the family' }),
        'the THRIVE grouping radios',
        page.getByRole('radio', { name: 'Getting Help', exact: true }),
      );
      await checkAccessibility('04-current-view-filled');
      await app.screenshot('04-current-view-filled');
      await pressButton(page, page.getByRole('button', { name: 'Save Current View' }), '"Save Current View"');
    });

    await step('05-plan', 'Agree the THRIVE plan', async () => {
      expect(await page.getByLabel('Date agreed', { exact: true }).inputValue()).toBe('16/11/2026');
      await typeInto(page, page.getByLabel("Goal 1 in the young person's words", { exact: true }), 'goal 1', 'To go back to school for full days');
      await typeInto(page, page.getByLabel('Goal 1 first rating (0 to 10)', { exact: true }), 'goal 1 first rating', '3');
      await typeInto(page, page.getByLabel('What success would look like', { exact: true }), '"What success would look like"', 'Alex is in school every day and sleeping through most nights.');
      await typeInto(page, page.getByLabel('Ending criterion 1', { exact: true }), '"Ending criterion 1"', 'Full-time attendance for four weeks running');
      await chooseRadio(page, page.getByRole('group', { name: 'How likely by the target date' }), 'the likelihood radios', page.getByRole('radio', { name: 'Likely', exact: true }));
      await typeInto(page, page.getByLabel('Target date', { exact: true }), '"Target date"', '15/03/2027');
      await typeInto(
        page,
        page.getByLabel('If not achieved by the target date (contingency)', { exact: true }),
        'the contingency',
        'Review the plan with Alex and family; consider Getting More Help.',
      );
      // The review date default (date agreed + 6 weeks) is accepted as it is.
      expect(await page.getByLabel('Agreed review date', { exact: true }).inputValue()).toBe(REVIEW_DATE_UK);
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Young person' }), '"Young person"');
      await setCheckbox(page, page.getByRole('checkbox', { name: 'Parent or carer' }), '"Parent or carer"');
      await typeInto(page, page.getByLabel('Options considered', { exact: true }), '"Options considered"', 'CBT for anxiety; school liaison; guided self-help.');
      await checkAccessibility('05-plan-filled');
      await app.screenshot('05-plan-filled');
      await pressButton(page, page.getByRole('button', { name: 'Agree plan' }), '"Agree plan"');
    });

    await step('06-case', YOUNG_PERSON, async () => {
      const main = page.locator('main');
      for (const text of [CASE_REF, '943 476 5919', 'Getting Help', 'Priya Shah', '16/11/2026', REVIEW_DATE_UK, '15/03/2027', 'To go back to school for full days']) {
        await expect.poll(() => main.getByText(text, { exact: false }).first().isVisible(), { message: `case page shows ${text}` }).toBe(true);
      }
      await checkAccessibility('06-case (loaded)');
      await app.screenshot('06-case-loaded');
      await pressButton(page, page.getByRole('link', { name: 'Back to caseload' }), '"Back to caseload"');
    });

    await step('07-caseload-listed', 'My caseload', async () => {
      const table = page.getByRole('table', { name: 'My open cases' });
      await expect.poll(() => table.getByRole('link', { name: YOUNG_PERSON }).isVisible()).toBe(true);
      const row = table.getByRole('row').filter({ hasText: YOUNG_PERSON });
      expect(await row.textContent()).toContain(CASE_REF);
      expect(await row.textContent()).not.toContain('Review overdue');
      await checkAccessibility('07-caseload-listed (loaded)');
      await app.screenshot('07-caseload-listed-loaded');
      // Three days after the agreed review date, with no review held, the app is opened again.
      await app.setToday(THREE_DAYS_AFTER_REVIEW);
      await page.reload();
    });

    const reason = `Agreed review date ${REVIEW_DATE_UK} passed 3 days ago; no review held since.`;

    await step('08-caseload-overdue', 'My caseload', async () => {
      const row = page.getByRole('table', { name: 'My open cases' }).getByRole('row').filter({ hasText: YOUNG_PERSON });
      await expect.poll(() => row.getByText('Review overdue').isVisible()).toBe(true);
      await expect.poll(() => row.getByText(reason).isVisible()).toBe(true);
      await checkAccessibility('08-caseload-overdue (loaded)');
      await app.screenshot('08-caseload-overdue-flag');
      // "/" jumps to the search box from anywhere on the caseload.
      await page.locator('h1').focus();
      await page.keyboard.press('/');
      const search = page.getByLabel('Search by name, case reference or NHS number');
      expect(await search.evaluate(hasFocus)).toBe(true);
      await page.keyboard.type('morgan');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    });

    await step('09-case-overdue', YOUNG_PERSON, async () => {
      await expect.poll(() => page.locator('main').getByText('Review overdue').first().isVisible()).toBe(true);
      await expect.poll(() => page.locator('main').getByText(reason).first().isVisible()).toBe(true);
      await checkAccessibility('09-case-overdue (loaded)');
      await app.screenshot('09-case-overdue-flag');
    });

    // What was saved went into an encrypted file: no SQLite plaintext header on disk.
    const fd = openSync(app.dbPath, 'r');
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    closeSync(fd);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\u0000');

    expect(app.pageErrors, 'no uncaught errors or console errors in the page').toEqual([]);
    expect(axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
  });
});
