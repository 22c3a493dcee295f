/**
 * One app instance in team mode for the browser e2e (tests/e2e/team-sync.e2e.test.ts): the real
 * handlers on their own encrypted file behind their own loopback bridge (./harness.ts), with the real
 * sync engine, the real desktop sign-in (main/sync/sign-in.ts) and the real HTTP client. Only two things
 * stand in for the desktop: the system browser is a new Chromium page the test drives (openBrowser
 * hands the URL to the test), and the engine's background timer is the test saying when a round runs
 * (sync:now through the same dispatch), so a state such as "changes waiting" can be seen before it passes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createSyncEngine } from '../../../main/sync/engine';
import { signInAuth } from '../../../main/sync/engine-auth';
import { deviceIdOf } from '../../../main/sync/sync-state';
import { createSyncHttp } from '../../../main/sync/http-client';
import type { IsoDate } from '../../../shared/dates';
import type { IpcResult } from '../../../shared/ipc/result';
import type { SyncStatus } from '../../../shared/ipc/schemas/sync';
import { launchApp, SCREENSHOT_DIR, type E2eApp, type Suite } from './harness';
import { waitForHeading, waitToSee } from './journey';
import { setUpProfile } from './seed';

/** Where the screenshots go: test-results/e2e, or THRIVE_E2E_SCREENSHOTS when a reviewer asks for them elsewhere. */
export const TEAM_SCREENSHOTS = process.env.THRIVE_E2E_SCREENSHOTS ?? SCREENSHOT_DIR;

export interface TeamApp {
  app: E2eApp;
  page: Page;
  /** The URL the app asked the system browser to open next (waits for the app to ask). */
  nextBrowserUrl(): Promise<string>;
  /** One engine round through the dispatch, as the engine's own timer would run it. */
  syncNow(): Promise<SyncStatus>;
  /** A screenshot of the window (`full`: the whole page) as <name>.png. */
  shot(name: string, page?: Page, full?: boolean): Promise<string>;
}

/** Never fires: rounds run when the test says (syncNow), never on a clock the test cannot see. */
const heldTimers = { setTimeout: () => null, clearTimeout: () => {} };

export async function launchTeamApp(suite: Suite, opts: { today: IsoDate; profileName: string }): Promise<TeamApp> {
  mkdirSync(TEAM_SCREENSHOTS, { recursive: true });
  const urls: string[] = [];
  const waiters: Array<(url: string) => void> = [];
  // As shell.openExternal: returns at once; the person at the browser carries on from there.
  const openBrowser = (url: string) => {
    const waiter = waiters.shift();
    if (waiter) waiter(url);
    else urls.push(url);
  };
  const app = await launchApp(suite, {
    today: opts.today,
    // A clinician who used the app alone first: the profile they set up on their first day.
    setup: (services) => void setUpProfile(services, opts.profileName),
    sync: ({ db, clock, log }) => {
      const deviceId = () => deviceIdOf(db(), clock.now());
      return createSyncEngine({
        db,
        clock,
        deviceId,
        http: (baseUrl, signal) => createSyncHttp({ baseUrl, deviceId: deviceId(), signal }),
        auth: signInAuth({ db, clock, openBrowser }),
        timers: heldTimers,
        log,
      });
    },
  });
  return {
    app,
    page: app.page,
    nextBrowserUrl: () => {
      const url = urls.shift();
      return url ? Promise.resolve(url) : new Promise<string>((resolve) => waiters.push(resolve));
    },
    async syncNow() {
      const result = (await app.invoke('sync:now', {})) as IpcResult<SyncStatus>;
      if (!result.ok) throw new Error(`sync:now failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async shot(name, page = app.page, full = false) {
      const file = path.join(TEAM_SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: full });
      return file;
    },
  };
}

export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

export async function toSettings(page: Page): Promise<void> {
  await navLink(page, 'Settings').click();
  await waitForHeading(page, 'Settings');
}

/** The header's sync sentence (its visible words), waited for. */
export async function waitForSyncState(page: Page, pattern: RegExp, what: string): Promise<void> {
  await waitToSee(page.locator('.header__sync').filter({ hasText: pattern }), `the header saying ${what}`);
}
