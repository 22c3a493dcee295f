/**
 * What a clinician does in the browser to join their team (tests/e2e/team-sync.e2e.test.ts): Settings →
 * Team server → the server's address → Connect → Sign in, then the identity provider's own login page
 * (server/idp/login-page.ts) in the "system browser", a new Chromium page, filled in by its labels.
 */
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../team/idp';
import { axeViolations, describeViolations } from './harness';
import { waitForHeading, waitToSee } from './journey';
import { pressButton, tabTo, typeInto } from './keyboard';
import { toSettings, type TeamApp } from './team-sync-app';

export const IDP_HEADING = 'Sign in to THRIVE Plans';

/** The Team server section of Settings (its region, named by its heading). */
export function teamServerSection(page: Page) {
  return page.getByRole('region', { name: 'Team server', exact: true });
}

/** A row of the section's summary list ("Signed in as", "Your role"…): its value's text. */
export async function summaryValue(page: Page, label: string): Promise<string> {
  const row = teamServerSection(page).locator('.summary-list__row').filter({ has: page.getByText(label, { exact: true }) });
  return (await row.locator('dd').first().innerText()).trim();
}

/**
 * The person at the system browser: the provider's login page in a new page of the app's Chromium
 * context, email and password typed into their labelled fields, the form sent; the page ends on the
 * app's loopback "Signed in" page. `shot` names a screenshot of the login page as the person saw it.
 */
export async function signInAtProvider(team: TeamApp, email: string, shot?: string): Promise<void> {
  const url = await team.nextBrowserUrl();
  const browserPage = await team.app.context.newPage();
  try {
    await browserPage.goto(url);
    await waitForHeading(browserPage, IDP_HEADING);
    await browserPage.getByLabel('Email', { exact: true }).fill(email);
    await browserPage.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    if (shot) await team.shot(shot, browserPage);
    await browserPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForHeading(browserPage, 'Signed in');
  } finally {
    await browserPage.close();
  }
}

/**
 * Settings → Team server → address → Connect → Sign in → the provider → back in the app, signed in as
 * `name`. With `axe`, returns axe-core's findings on the page before and after (empty when it passes).
 */
export async function joinTeam(
  team: TeamApp,
  input: { serverUrl: string; email: string; name: string; idpShot?: string; settingsShot?: string; axe?: boolean },
): Promise<string[]> {
  const { page } = team;
  const findings: string[] = [];
  const axe = async (what: string) => {
    if (!input.axe) return;
    const violations = await axeViolations(page);
    if (violations.length > 0) findings.push(describeViolations(what, violations));
  };
  await toSettings(page);
  const section = teamServerSection(page);
  await waitToSee(section.getByLabel('Server address', { exact: true }), 'the "Server address" field');
  await axe('Team server (not connected)');
  await typeInto(page, section.getByLabel('Server address', { exact: true }), '"Server address"', input.serverUrl);
  await pressButton(page, section.getByRole('button', { name: 'Connect', exact: true }), '"Connect"');
  await waitToSee(section.getByText(`Connected to ${input.serverUrl}`), `"Connected to ${input.serverUrl}"`);

  const signInButton = section.getByRole('button', { name: 'Sign in', exact: true });
  await tabTo(page, signInButton, '"Sign in"');
  await page.keyboard.press('Enter');
  await signInAtProvider(team, input.email, input.idpShot);
  await waitToSee(section.getByText(`Signed in as ${input.name}.`), `"Signed in as ${input.name}."`);
  await axe('Team server (signed in)');
  if (input.settingsShot) await team.shot(input.settingsShot, page, true);
  return findings;
}
