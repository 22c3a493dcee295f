/**
 * Backup and restore from Settings (docs/backups.md), in Chromium against the real handlers, the real backup
 * service and an encrypted database: "Back up now" adds a verified backup to the table; a case opened
 * after it is gone once that backup is restored (after a reload too), the status names the backup's
 * time, and the database in use before the restore is set aside beside it, not deleted.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload } from '../../shared/ipc/types';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { Journey, waitForHeading, waitToSee } from '../support/e2e/journey';
import { setUpDemo } from '../support/e2e/seed';

// fixedClock's instants are noon UTC: 12:00 in London in November (GMT).
const TODAY = '2026-11-16';
const BACKUP_TAKEN_UK = '16/11/2026 12:00';
const NEW_PERSON = 'Jordan Ellis';
const NEW_REF = 'TH-2026-0099';

let suite: Suite;
let app: E2eApp;
let journey: Journey;

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: TODAY,
    setup: (services) => setUpDemo(services),
  });
  journey = new Journey(app);
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
  if (journey) console.log(`backups timings (ms): ${JSON.stringify(journey.timings)}`);
});

function caseRefs(): string[] {
  const result = app.services.invoke('caseload:list', {});
  if (!result.ok) throw new Error(`caseload:list failed: ${result.error.message}`);
  return (result.value as Caseload).rows.map((row) => row.caseRef);
}

/** A link in the header's main navigation. */
function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function toSettings(page: Page): Promise<void> {
  await navLink(page, 'Settings').click();
  await waitForHeading(page, 'Settings');
}

function backupsTable(page: Page) {
  return page.getByRole('table', { name: 'Backups' });
}

describe('backups in Settings', () => {
  it('backs up, then restores that backup over a later change', async () => {
    const { page } = app;
    await waitForHeading(page, 'My caseload');
    const casesBefore = caseRefs();

    await toSettings(page);
    await journey.check('backups-01-settings-no-backup');
    await waitToSee(page.getByText('No backup yet'), '"No backup yet" before the first backup');
    await page.getByRole('button', { name: 'Back up now', exact: true }).click();
    await waitToSee(page.getByText(`Last backup: ${BACKUP_TAKEN_UK}`), `"Last backup: ${BACKUP_TAKEN_UK}"`);
    const table = backupsTable(page);
    await waitToSee(table, 'the Backups table');
    // A header row and the new backup.
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers.slice(0, 3)).toEqual(['Taken', 'Kind', 'Size']);
    expect(await table.getByRole('row').nth(1).innerText()).toContain(BACKUP_TAKEN_UK);
    await journey.check('backups-02-backed-up');

    // A change after the backup: a new case.
    await navLink(page, 'Caseload').click();
    await waitForHeading(page, 'My caseload');
    await page.getByRole('button', { name: 'Open a case', exact: true }).click();
    await journey.step('backups-03-open-case', 'Open a case', async () => {
      await page.getByLabel('Case reference', { exact: true }).fill(NEW_REF);
      await page.getByLabel("Young person's name", { exact: true }).fill(NEW_PERSON);
      await page.getByLabel('Date of birth', { exact: true }).fill('03/07/2010');
      await page.getByLabel('Referral date', { exact: true }).fill('10/11/2026');
      await page.getByLabel('Open date', { exact: true }).fill('16/11/2026');
      await page.getByRole('button', { name: 'Open case', exact: true }).click();
    });
    await waitForHeading(page, 'Current View at open');
    expect(caseRefs()).toContain(NEW_REF);

    await toSettings(page);
    await backupsTable(page).getByRole('row').nth(1).getByRole('button', { name: 'Restore' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
    await waitToSee(dialog, 'the "Restore this backup?" confirmation');
    const warning = await dialog.innerText();
    expect(warning).toContain(BACKUP_TAKEN_UK);
    expect(warning).toMatch(/set aside/i);
    await journey.check('backups-04-confirm-restore');
    await dialog.getByRole('button', { name: 'Restore backup', exact: true }).click();

    await waitToSee(page.getByRole('status').filter({ hasText: `Restored the backup taken ${BACKUP_TAKEN_UK}.` }), 'the restore status naming the backup');
    await journey.check('backups-05-restored');
    // The restore took a 'before_restore' backup of the database it replaced: it is listed too.
    await expect.poll(() => backupsTable(page).getByRole('row').count()).toBeGreaterThanOrEqual(3);
    expect(caseRefs().sort()).toEqual([...casesBefore].sort());

    // The case opened after the backup is gone, in the page and after a reload.
    for (const when of ['after restoring', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      else await navLink(page, 'Caseload').click();
      await waitForHeading(page, 'My caseload');
      await page.getByRole('table', { name: 'My open cases' }).getByRole('row').nth(1).waitFor();
      expect(await page.locator('body').innerText(), `${NEW_PERSON} ${when}`).not.toContain(NEW_PERSON);
    }
    await journey.check('backups-06-caseload-after-restore');

    // The database in use before the restore is kept beside it, never deleted.
    const dir = path.dirname(app.dbPath);
    expect(readdirSync(dir).some((f) => f.startsWith('thrive.db.set-aside-'))).toBe(true);
  });

  it('passes axe-core on every screen and logs no page errors', () => {
    expect(journey.axeFindings.join('\n'), 'axe-core violations on the screens visited').toBe('');
    expect(app.pageErrors).toEqual([]);
  });
});
