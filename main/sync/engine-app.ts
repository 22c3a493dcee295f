/**
 * Team sync as the app runs it: the engine over the real network (fetch), the desktop sign-in in the
 * system browser, and the session's real timers. Handed to the app services (AppServicesOptions.sync)
 * by main/index.ts through the secure session; every other caller (the CLI, tests) leaves it out.
 */
import type { AppServicesOptions } from '../app-services';
import { realTimers } from '../session/timers';
import { createSyncEngine } from './engine';
import { signInAuth } from './engine-auth';
import { deviceIdOf } from './sync-state';
import { createSyncHttp } from './http-client';

export function appSync(deps: { openBrowser: (url: string) => void | Promise<void> }): NonNullable<AppServicesOptions['sync']> {
  return ({ db, clock, log }) => {
    // Read when first needed, not at unlock: writes may be held then while the file is checked.
    const deviceId = () => deviceIdOf(db(), clock.now());
    const engine = createSyncEngine({
      db,
      clock,
      deviceId,
      http: (baseUrl, signal) => createSyncHttp({ baseUrl, deviceId: deviceId(), signal }),
      auth: signInAuth({ db, clock, openBrowser: deps.openBrowser }),
      timers: realTimers,
      log,
    });
    engine.start();
    return engine;
  };
}
