/**
 * The app lock (docs/quality.md#app-lock), in Chromium against the real SecureSession (main/session) and an encrypted
 * database: a new install is protected with a passphrase before anything else, the recovery code is
 * shown once, "Lock" and the idle timer both lock the app, the lock screen shows no record data, a
 * wrong passphrase is refused beside the field, and the recovery code opens the records and sets a
 * new passphrase. The idle time passes on Playwright's fake page clock, never by waiting.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_CODE_RE, normaliseRecoveryCode } from '../../shared/ipc/schemas/lock';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { errorSummary, Journey, waitForHeading, waitToSee } from '../support/e2e/journey';

const TODAY = '2026-11-16';
const PASSPHRASE = 'kettle lantern orchard';
const WRONG_PASSPHRASE = 'kettle lantern orchid';
const NEW_PASSPHRASE = 'harbour meadow compass';

let suite: Suite;
let app: E2eApp;
let journey: Journey;

beforeAll(async () => {
  suite = await startSuite();
  // A new install with no OS key protection (as on Linux without a keyring): the passphrase wrap alone.
  app = await launchApp(suite, { today: TODAY, session: { os: null }, pageClock: true });
  journey = new Journey(app);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  if (journey) console.log(`lock timings (ms): ${JSON.stringify(journey.timings)}`);
});

/** Every visible word on the page, for "no record data" checks. */
async function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

async function lockScreenShowsNothingOf(page: Page, names: readonly string[]): Promise<void> {
  await waitForHeading(page, 'THRIVE Plans is locked');
  const text = await pageText(page);
  const leaked = names.filter((name) => text.includes(name));
  expect(leaked, 'record data on the lock screen').toEqual([]);
  expect(text).not.toMatch(/My caseload|My open cases/);
  // Nothing of the records is left in the document either (hidden text, titles, attributes).
  const html = await page.content();
  expect(names.filter((name) => html.includes(name)), 'record data in the lock screen markup').toEqual([]);
}

async function unlockWith(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('the app lock', () => {
  let recoveryCode = '';
  let demoNames: string[] = [];

  it('protects a new install with a passphrase and shows the recovery code once', async () => {
    const { page } = app;
    await journey.step('lock-01-protect', 'Protect these records', async () => {
      expect(await pageText(page)).toMatch(/passphrase/i);
      const choose = page.getByLabel('Choose a passphrase', { exact: true });
      await expect.poll(() => choose.getAttribute('type')).toBe('password');
      await choose.fill(PASSPHRASE);
      await page.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Set passphrase', exact: true }).click();
    });

    await journey.step('lock-02-recovery-code', 'Your organisation recovery code', async () => {
      const text = await pageText(page);
      const shown = /[0-9A-HJKMNP-TV-Z]{5}(?:[-\s]?[0-9A-HJKMNP-TV-Z]{5}){5}/.exec(text)?.[0];
      expect(shown, 'a recovery code of 6 groups of 5 on the page').toBeDefined();
      recoveryCode = shown ?? '';
      expect(normaliseRecoveryCode(recoveryCode)).toMatch(RECOVERY_CODE_RE);
      expect(text).toContain('It will not be shown again.');
      // Continue is refused until the clinician confirms the code is stored (disabled, or an error).
      const continueButton = page.getByRole('button', { name: 'Continue', exact: true });
      if (!(await continueButton.isDisabled())) {
        await continueButton.click();
        await waitToSee(errorSummary(page), 'the error summary when the recovery code box is not ticked');
        await journey.check('lock-02b-recovery-code-unticked');
      }
      await waitForHeading(page, 'Your organisation recovery code');
      await page.getByLabel('I have stored the recovery code safely', { exact: true }).check();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
    });

    await journey.step('lock-03-profile', 'Set up your profile', async () => {
      // The code is never shown again once the clinician has moved on.
      expect(await pageText(page)).not.toContain(recoveryCode);
      await page.getByLabel('Your name', { exact: true }).fill('Priya Shah');
      await page.getByRole('radio', { name: 'Clinician', exact: true }).check();
      await page.getByLabel('Team', { exact: true }).fill('Riverside CAMHS');
      await page.getByRole('button', { name: 'Save and continue', exact: true }).click();
    });

    await journey.step('lock-04-caseload-empty', 'My caseload', async () => {
      await page.getByRole('button', { name: 'Load demo caseload' }).click();
      const table = page.getByRole('table', { name: 'My open cases' });
      await table.getByRole('row').nth(1).waitFor({ timeout: 15_000 });
      demoNames = (await table.getByRole('row').locator('a').allTextContents()).map((n) => n.trim()).filter(Boolean);
      expect(demoNames.length).toBeGreaterThan(3);
      await journey.check('lock-05-caseload-demo');
    });
  });

  it('locks from the header, shows no record data, refuses a wrong passphrase and opens with the right one', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await lockScreenShowsNothingOf(page, demoNames);
    await journey.check('lock-06-locked');
    // Locked in main too: the database is closed and no channel but lock:* answers.
    expect(app.session?.status().state).toBe('locked');
    expect(app.invoke('caseload:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expect.poll(() => page.getByLabel('Passphrase', { exact: true }).getAttribute('type')).toBe('password');

    await unlockWith(page, WRONG_PASSPHRASE);
    await waitToSee(errorSummary(page), 'the error summary after a wrong passphrase');
    await expect.poll(async () => (await errorSummary(page).innerText()).includes('That passphrase is not right.')).toBe(true);
    const field = page.getByLabel('Passphrase', { exact: true });
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const besideField = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(besideField.join(' '), 'the error beside the Passphrase field').toContain('That passphrase is not right.');
    await lockScreenShowsNothingOf(page, demoNames);
    await journey.check('lock-07-wrong-passphrase');

    await unlockWith(page, PASSPHRASE);
    await waitForHeading(page, 'My caseload');
    await waitToSee(page.getByRole('link', { name: demoNames[0] ?? '', exact: true }), 'the caseload again after unlocking');
    await journey.check('lock-08-unlocked');
    // The database was checked again at this unlock, in the worker thread, without holding up the page.
    await expect.poll(() => app.serviceLog.filter((line) => /^database check passed in/.test(line)).length).toBeGreaterThanOrEqual(2);
  });

  it('locks by itself after the idle minutes set in Settings', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await waitForHeading(page, 'Settings');
    const minutes = page.getByLabel('Lock after this many idle minutes', { exact: true });
    await minutes.fill('1');
    await page.getByRole('button', { name: 'Save settings', exact: true }).click();
    await waitToSee(page.getByRole('status').filter({ hasText: /saved/i }), 'a status saying the settings were saved');
    await journey.check('lock-09-settings-one-minute');

    // Half a minute of quiet is not enough…
    await page.clock.fastForward('00:30');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible()).toBe(true);
    // …a full idle minute is.
    await page.clock.fastForward('00:31');
    await lockScreenShowsNothingOf(page, demoNames);
    await journey.check('lock-10-auto-locked');
    expect(app.session?.status().state).toBe('locked');
  });

  it('opens with the recovery code when the passphrase is forgotten, and sets a new passphrase', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Forgotten your passphrase?' }).click();
    await journey.step('lock-11-recovery', 'Unlock with the recovery code', async () => {
      await page.getByLabel('Recovery code', { exact: true }).fill(recoveryCode);
      await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
      await page.getByLabel('Type the new passphrase again', { exact: true }).fill(NEW_PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock and set passphrase', exact: true }).click();
    });
    // Back where the clinician was when the app locked, with the records loaded afresh.
    await waitForHeading(page, 'Settings');
    await journey.check('lock-12-recovered');
    expect(app.session?.status().state).toBe('unlocked');

    // The new passphrase is the one that works from now on; the old one no longer does.
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await waitForHeading(page, 'THRIVE Plans is locked');
    await unlockWith(page, PASSPHRASE);
    await waitToSee(errorSummary(page), 'the error summary for the old passphrase');
    await unlockWith(page, NEW_PASSPHRASE);
    await waitForHeading(page, 'Settings');
  });

  it('passes axe-core on every screen and logs no page errors', () => {
    expect(journey.axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
    expect(app.pageErrors).toEqual([]);
  });
});
