/**
 * Team mode in the browser (docs/team-mode.md): a real PostgreSQL, the real team server and the real
 * local identity provider (tests/support/team/sync-world.ts: Riverside CAMHS granted through the admin
 * functions), and three app instances, each the real handlers on its own encrypted file behind its own
 * bridge, each a Chromium page (tests/support/e2e/team-sync-app.ts). By the visible labels:
 * Alex signs in through the provider's real login page and sees who the server says she is and the
 * header's sync state; opens a case (changes waiting → up to date); Lee, the team lead, signs in the
 * same way and sees Alex's case on the team view; Alex and Bea both change the case before syncing,
 * Bea gets "1 conflict to resolve", sees hers beside the server's, keeps hers by keyboard, and after
 * sync all three devices agree. axe-core finds nothing on the Team server section or the conflicts screen.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { IsoDate } from '../../shared/dates';
import type { CaseDetail, Caseload } from '../../shared/ipc/types';
import { axeViolations, describeViolations, startSuite, type Suite } from '../support/e2e/harness';
import { waitForHeading, waitToSee } from '../support/e2e/journey';
import { pressButton, tabTo } from '../support/e2e/keyboard';
import { launchTeamApp, navLink, waitForSyncState, type TeamApp } from '../support/e2e/team-sync-app';
import { joinTeam, summaryValue } from '../support/e2e/team-sync-steps';
import { openTeamView, teamTable } from '../support/e2e/team';
import { currentViewArgs } from '../support/test-app';
import { EMAILS, startTeamWorld, type TeamWorld } from '../support/team/sync-world';

const TODAY: IsoDate = '2026-11-22';
const CASE_REF = 'RIO-7001';
const YOUNG_PERSON = 'Jamie Ellis';

let world: TeamWorld;
let suite: Suite;
const apps: TeamApp[] = [];
const axeFindings: string[] = [];

beforeAll(async () => {
  [world, suite] = await Promise.all([startTeamWorld({ serverClock: fixedClock(TODAY) }), startSuite()]);
}, 60_000);

afterAll(async () => {
  for (const t of apps) await t.app.close();
  await suite?.close();
  await world?.close();
});

async function ok<T>(team: TeamApp, channel: string, args: unknown): Promise<T> {
  const result = await team.app.invoke(channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function launch(profileName: string): Promise<TeamApp> {
  const team = await launchTeamApp(suite, { today: TODAY, profileName });
  apps.push(team);
  return team;
}

/** Open a case, the real form, typed by its labels. */
async function openCaseInForm(team: TeamApp): Promise<void> {
  const { page } = team;
  await navLink(page, 'Caseload').click();
  await waitForHeading(page, 'My caseload');
  await pressButton(page, page.getByRole('button', { name: 'Open a case', exact: true }), '"Open a case"');
  await waitForHeading(page, 'Open a case');
  await page.getByLabel('Case reference', { exact: true }).fill(CASE_REF);
  await page.getByLabel("Young person's name", { exact: true }).fill(YOUNG_PERSON);
  await page.getByLabel('Date of birth', { exact: true }).fill('03/07/2010');
  await page.getByLabel('Referral date', { exact: true }).fill('10/11/2026');
  await page.getByLabel('Open date', { exact: true }).fill('20/11/2026');
  await pressButton(page, page.getByRole('button', { name: 'Open case', exact: true }), '"Open case"');
  await waitForHeading(page, 'Current View at open');
}

/** A screen change, as a person moving on would make: the header reads the sync state again. */
async function backToCaseload(team: TeamApp): Promise<void> {
  await navLink(team.page, 'Caseload').click();
  await waitForHeading(team.page, 'My caseload');
}

describe('team sync in the browser', () => {
  it('signs in through the provider, syncs a case to the lead, and resolves a conflict by keyboard', async () => {
    const started = performance.now();
    onTestFailed(async () => {
      for (const [i, t] of apps.entries()) {
        await t.shot(`team-failed-${i}`).catch(() => undefined);
        console.log(`app ${i} header:`, await t.page.locator('header').innerText().catch(() => '?'), t.app.serviceLog.slice(-5));
      }
    });
    const [alex, lee, bea] = await Promise.all([launch('Alex Morgan'), launch('Lee Harper'), launch('Bea Okafor')]);
    const timings: Record<string, number> = {};
    let lap = performance.now();
    const mark = (step: string) => {
      timings[step] = Math.round(performance.now() - lap);
      lap = performance.now();
    };
    mark('launch');
    const serverUrl = world.server.url;

    // 1. Alex joins: connect, sign in at the provider's real page, back to the app signed in.
    axeFindings.push(
      ...(await joinTeam(alex, { serverUrl, email: EMAILS.alex, name: 'Alex Morgan', idpShot: 'team-01-idp-login', settingsShot: 'team-02-settings-signed-in', axe: true })),
    );
    expect(await summaryValue(alex.page, 'Your role')).toBe('Clinician');
    // The server's team takes its name; the one Alex made when she used the app alone says where it is from.
    expect(await summaryValue(alex.page, 'Your teams')).toBe('Riverside CAMHS');
    await waitForSyncState(alex.page, /^Team sync: Up to date · as of \d\d:\d\d$/, '"Up to date · as of hh:mm"');

    mark('1 alex joins');
    // 2. A case opened: waiting, then sent.
    await openCaseInForm(alex);
    await backToCaseload(alex);
    await waitForSyncState(alex.page, /1 change waiting · oldest \d\d:\d\d/, '"1 change waiting"');
    await alex.shot('team-03-header-waiting');
    // Sent by the header's own "Sync now", by keyboard: the header then says so without a screen change.
    await pressButton(alex.page, alex.page.getByRole('banner').getByRole('button', { name: 'Sync now', exact: true }), 'the header\'s "Sync now"');
    await waitForSyncState(alex.page, /Up to date · as of/, '"Up to date"');
    expect(await ok<{ pending: number }>(alex, 'sync:status', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    await alex.shot('team-04-header-up-to-date');

    mark('2 case sent');
    // 3. Lee, the team lead, signs in the same way and sees Alex's case on the team view.
    await joinTeam(lee, { serverUrl, email: EMAILS.lee, name: 'Lee Harper' });
    expect(await summaryValue(lee.page, 'Your role')).toBe('Team lead');
    await openTeamView(lee.page);
    const leeRow = teamTable(lee.page).getByRole('row').filter({ hasText: CASE_REF });
    await waitToSee(leeRow, `${CASE_REF} on Lee's team view`);
    expect(await leeRow.innerText()).toContain('Alex Morgan');
    await lee.shot('team-05-lead-team-view');

    mark('3 lead sees it');
    // 4. Bea joins (receiving the case), then she and Alex both record a Current View before syncing.
    await joinTeam(bea, { serverUrl, email: EMAILS.bea, name: 'Bea Okafor' });
    const [opened] = (await ok<Caseload>(bea, 'caseload:list', { clinicianId: world.people.alex })).rows;
    expect(opened?.caseRef).toBe(CASE_REF);
    const caseId = opened!.caseId;
    await ok(alex, 'currentView:record', currentViewArgs(caseId, { completedDate: '2026-11-20', grouping: 'getting_help' }));
    await ok(bea, 'currentView:record', currentViewArgs(caseId, { completedDate: '2026-11-21', reason: 'changed_understanding', grouping: 'getting_advice' }));
    expect(await alex.syncNow()).toMatchObject({ state: 'up_to_date' });
    expect(await bea.syncNow()).toMatchObject({ state: 'conflict', conflicts: 1 });
    await backToCaseload(bea);
    await waitForSyncState(bea.page, /1 conflict to resolve/, '"1 conflict to resolve"');
    await bea.shot('team-06-header-conflict');

    mark('4a conflict made');
    await resolveUsingTheServers(bea);
    mark('4b conflict resolved');
    expect(await bea.syncNow()).toMatchObject({ state: 'up_to_date', pending: 0, conflicts: 0 });
    await alex.syncNow();
    await lee.syncNow();
    // All three hold Alex's Current View only; Bea's is kept in her audit trail (tests/integration/team-sync-conflict.test.ts).
    const views = await Promise.all([alex, bea, lee].map(async (t) => (await ok<CaseDetail>(t, 'cases:get', { caseId })).currentViews.map((v) => v.completedDate)));
    expect(views[0]).toEqual(['2026-11-20']);
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);

    expect(axeFindings.join('\n'), 'axe-core violations').toBe('');
    for (const t of apps) expect(t.app.pageErrors, 'page errors').toEqual([]);
    mark('4c all agree');
    console.log(`team-sync e2e: ${Math.round(performance.now() - started)} ms (after the world started)`, timings);
  }, 120_000);
});

/**
 * From the header's link to the conflicts screen; "Use the server's version", confirmed, by keyboard.
 * (Not "Keep mine": two Current Views at open cannot both stand, and the merge refuses it.)
 */
async function resolveUsingTheServers(bea: TeamApp): Promise<void> {
  const { page } = bea;
  const link = page.getByRole('link', { name: '1 conflict to resolve', exact: true });
  await tabTo(page, link, 'the header\'s "1 conflict to resolve" link');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Changes to resolve');
  const table = page.getByRole('table', { name: `What differs in ${CASE_REF}` });
  await waitToSee(table, 'the table of what differs');
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  expect(headers).toEqual(['Field', 'Yours', 'On the server']);
  // The grouping each of them chose, in words, side by side.
  const grouping = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Case: Grouping', exact: true }) });
  expect((await grouping.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['Getting Advice and Signposting', 'Getting Help']);
  await waitToSee(page.getByText('Changed on the team server by Alex Morgan', { exact: false }), 'who changed it on the server');
  const violations = await axeViolations(page);
  if (violations.length > 0) axeFindings.push(describeViolations('Changes to resolve', violations));
  await bea.shot('team-07-conflicts-screen', page, true);
  await pressButton(page, page.getByRole('button', { name: 'Use the server’s version', exact: true }), '"Use the server’s version"');
  const dialog = page.getByRole('alertdialog', { name: `Use the server's version of ${CASE_REF}?` });
  await waitToSee(dialog, 'the confirmation dialog');
  await bea.shot('team-08-discard-mine-dialog');
  await pressButton(page, dialog.getByRole('button', { name: 'Discard mine and use the server’s', exact: true }), '"Discard mine and use the server’s"');
  await waitToSee(page.getByText(`${CASE_REF} (${YOUNG_PERSON}) now matches the server's version.`), 'the confirmation');
  await waitToSee(page.getByText('There are no changes to resolve.'), '"There are no changes to resolve."');
  await bea.shot('team-09-conflict-resolved');
}
