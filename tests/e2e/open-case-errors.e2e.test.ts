/**
 * An "Open a case" submission with two mistakes: an NHS number whose check digit is wrong, and an
 * open date before the referral date. Each is shown at the top (focused, with a link to the field)
 * and beside the field, and nothing is saved. Both mistakes are reported by the first submit
 * (shared/ipc/validate.ts runs the cross-field date rules on the fields that parsed); after the NHS
 * number is corrected, only the date mistake remains.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFocus, hasFocusWithin } from '../support/e2e/in-page';
import { axeViolations, describeViolations, launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { describeFocus, pressButton, tabTo, typeInto } from '../support/e2e/keyboard';

const TODAY = '2026-11-16';
const NHS_MESSAGE = 'NHS number is not valid: check the digits (the check digit does not match)';
const OPEN_DATE_MESSAGE = 'Open date must be on or after the referral date';

let suite: Suite;
let app: E2eApp;

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 10_000 });
}

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: TODAY,
    // This clinician already set up their profile on an earlier day.
    setup: (services) => {
      const result = services.invoke('profile:setup', { name: 'Priya Shah', role: 'clinician', teamName: 'Riverside CAMHS' });
      if (!result.ok) throw new Error(`profile setup failed: ${result.error.message}`);
    },
  });
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
});

describe('Open a case with mistakes', () => {
  it('shows a focused error summary linking to each field, and saves nothing', async () => {
    const { page } = app;
    await heading(page, 'My caseload');
    await pressButton(page, page.getByRole('button', { name: 'Open a case' }), '"Open a case"');
    await heading(page, 'Open a case');

    await typeInto(page, page.getByLabel('Case reference', { exact: true }), '"Case reference"', 'TH-2026-0099');
    await typeInto(page, page.getByLabel("Young person's name", { exact: true }), '"Young person\'s name"', 'Jordan Ellis');
    await typeInto(page, page.getByLabel('Date of birth', { exact: true }), '"Date of birth"', '03/07/2010');
    await typeInto(page, page.getByLabel('NHS number (optional)', { exact: true }), '"NHS number (optional)"', '943 476 5910');
    await typeInto(page, page.getByLabel('Referral date', { exact: true }), '"Referral date"', '10/11/2026');
    await typeInto(page, page.getByLabel('Open date', { exact: true }), '"Open date"', '01/11/2026');
    await pressButton(page, page.getByRole('button', { name: 'Open case', exact: true }), '"Open case"');

    // Round 1. The summary: announced, focused, titled, a link to the field.
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    const nhsLink = summary.getByRole('link', { name: NHS_MESSAGE });
    const openDateLink = summary.getByRole('link', { name: OPEN_DATE_MESSAGE });
    const nhsField = page.getByLabel('NHS number (optional)', { exact: true });
    const openDateField = page.getByLabel('Open date', { exact: true });

    await summary.waitFor({ state: 'visible' });
    await app.screenshot('10-open-case-errors');
    await expect.poll(() => summary.evaluate(hasFocusWithin), { message: 'the error summary takes focus' }).toBe(true);
    expect(await nhsLink.isVisible()).toBe(true);
    expect(await openDateLink.isVisible(), 'both mistakes are listed after one submit').toBe(true);
    expect(await openDateField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.title()).toMatch(/^Error: /);
    // Beside the field too, which is marked invalid, and what was typed stays as typed.
    expect(await nhsField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(NHS_MESSAGE)]));
    expect(await nhsField.inputValue()).toBe('943 476 5910');
    expect(await openDateField.inputValue()).toBe('01/11/2026');
    expect(describeViolations('Open a case (NHS number error)', await axeViolations(page)), 'axe-core violations').toBe('');

    // The link takes the keyboard to the field; correct it there and submit again with Enter.
    await tabTo(page, nhsLink, 'the NHS number link in the error summary');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nhsField.evaluate(hasFocus)) || describeFocus(page)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('943 476 5919');
    await page.keyboard.press('Enter');

    // Round 2: only the open date before the referral date is left.
    await openDateLink.waitFor({ state: 'visible' });
    await expect.poll(() => summary.evaluate(hasFocusWithin), { message: 'the error summary takes focus again' }).toBe(true);
    expect(await nhsLink.count()).toBe(0);
    expect(await nhsField.getAttribute('aria-invalid')).toBeNull();
    expect(await openDateField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(OPEN_DATE_MESSAGE)]));
    await app.screenshot('11-open-case-date-error');
    expect(describeViolations('Open a case (open date error)', await axeViolations(page)), 'axe-core violations').toBe('');
    await tabTo(page, openDateLink, 'the open-date link in the error summary');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await openDateField.evaluate(hasFocus)) || describeFocus(page)).toBe(true);

    // Nothing reached the database.
    const state = app.services.invoke('app:state', {});
    expect(state.ok && (state.value as { caseCount: number }).caseCount).toBe(0);
    const cases = app.services.invoke('cases:list', { status: 'all' });
    expect(cases.ok && cases.value).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
