/**
 * The device process tests/robustness/sync-crash.test.ts kills: the app's own services and sync engine
 * on a device file that has already joined the team server (its tokens in the file; a refresh needs no
 * browser). Modes:
 *  - push:   opens a case, prints "ack case <caseId>" once the handler has returned (the save
 *            committed), records its Current View, prints "ack view <caseId> <id>", then syncs; again
 *            and again until killed.
 *  - pull:   syncs again and again (a team lead's device taking colleagues' changes) until killed,
 *            printing "page" as each pulled page arrives, just before it is applied.
 *  - settle: syncs until nothing is pending and the state is up to date, prints "settled", exits.
 * Each prints "ready" once the file is open and the engine made.
 *
 * Usage: node sync-crash-device.cjs <dbPath> <key> <mode> [leadClinicianId]
 */
import { writeSync } from 'node:fs';
import { createAppServices } from '../../main/app-services';
import { signInAuth } from '../../main/sync/engine-auth';
import { createSyncEngine } from '../../main/sync/engine';
import { deviceIdOf } from '../../main/sync/sync-state';
import { createSyncHttp, type SyncHttp } from '../../main/sync/http-client';
import { fixedClock } from '../../shared/clock';
import type { IpcResult } from '../../shared/ipc/result';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';
import { CURRENT_VIEW_ITEMS } from '../../shared/domain/current-view';

const [dbPath, key, mode, leadClinicianId] = process.argv.slice(2) as [string, string, 'push' | 'pull' | 'settle', string | undefined];
const clock = fixedClock('2026-11-22');
// One change a page: many pages and transactions per round, so a kill often lands inside one.
const PULL_LIMIT = 1;

/**
 * Prints "page" as each pulled page arrives: the engine applies it straight after, in the same tick, so
 * a kill the test times from this line lands in or just around applying it. Nothing else is changed.
 */
function announcePages(http: SyncHttp): SyncHttp {
  return {
    ...http,
    pull: async (token, cursor, limit) => {
      const page = await http.pull(token, cursor, limit);
      if (page.kind === 'ok' && page.value.changes.length > 0) writeSync(1, 'page\n');
      return page;
    },
  };
}

const services = createAppServices({
  dbPath,
  key,
  clock,
  log: () => {},
  sync: (open) => {
    const deviceId = deviceIdOf(open.db(), clock.now());
    return createSyncEngine({
      db: open.db,
      clock,
      deviceId,
      pullLimit: PULL_LIMIT,
      http: (baseUrl) => announcePages(createSyncHttp({ baseUrl, deviceId, timeoutMs: 10_000 })),
      auth: signInAuth({ db: open.db, clock, openBrowser: () => Promise.reject(new Error('no browser in the crash test: the device must already be signed in')) }),
      timers: { setTimeout: () => null, clearTimeout: () => {} },
    });
  },
});

async function syncNow(): Promise<SyncStatus> {
  const result = (await services.invoke('sync:now', {})) as IpcResult<SyncStatus>;
  if (!result.ok) throw new Error(`sync:now failed: ${JSON.stringify(result.error)}`);
  if (result.value.state === 'refused' || result.value.state === 'signed_out' || result.value.state === 'conflict') {
    throw new Error(`sync:now: ${JSON.stringify(result.value)}`);
  }
  return result.value;
}

// Every item rated, as tests/support/test-app.ts rates them (that module needs vitest, so not imported).
const ratings = Object.fromEntries(CURRENT_VIEW_ITEMS.map((item) => [item.code, item.scale === 'severity' ? 0 : 'no']));

function invoke<T>(channel: string, args: unknown): T {
  const result = (services.invoke as (c: string, a: unknown) => IpcResult<T>)(channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Opens a case, then records its Current View (a second version of it), syncing after each pair. */
async function pushLoop(): Promise<never> {
  for (let n = 1; ; n++) {
    const opened = invoke<{ id: string }>('cases:open', {
      caseRef: `RIO-${process.pid}-${n}`,
      name: `Crash Test ${n}`,
      dateOfBirth: '2012-05-14',
      nhsNumber: null,
      referralDate: '2026-10-01',
      openDate: '2026-10-20',
      leadClinicianId,
      coordinatingAgency: 'CAMHS',
    });
    writeSync(1, `ack case ${opened.id}\n`);
    const view = invoke<{ id: string }>('currentView:record', { caseId: opened.id, completedDate: '2026-11-22', reason: 'first_contact', grouping: 'getting_help', ratings });
    writeSync(1, `ack view ${opened.id} ${view.id}\n`);
    await syncNow();
  }
}

async function main(): Promise<void> {
  // The test times its kill from here: the file is open and the engine made.
  writeSync(1, 'ready\n');
  if (mode === 'push') await pushLoop();
  for (;;) {
    const status = await syncNow();
    writeSync(1, `synced ${status.state} ${status.pending}\n`);
    if (mode === 'settle' && status.state === 'up_to_date' && status.pending === 0) break;
  }
  services.close();
  writeSync(1, 'settled\n');
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
