/**
 * Where an unlocked key becomes open services (used by the secure session at unlock and at setup).
 */
import { createAppServices, type AppServices, type AppServicesOptions } from '../app-services';
import { openDatabaseWithRecovery } from '../backup/recovery';
import { backupFolderFor } from '../backup/service';
import type { Clock } from '../../shared/clock';
import type { BackgroundCheck } from '../db/background-check';

/** What opening needs of the session's options (main/session/secure-session.ts). */
export interface OpenUnlockedOptions {
  dbPath: string;
  clock: Clock;
  log: (message: string) => void;
  systemActor?: string;
  /** With it the open returns before quick_check, which the session runs off the main thread. */
  backgroundCheck?: BackgroundCheck;
  /** Team sync (main/sync/engine-app.ts); absent: solo, nothing is sent anywhere. */
  sync?: AppServicesOptions['sync'];
}

export interface UnlockedServices {
  services: AppServices;
  /** Set when opening found the database damaged and restored a backup (LockStatus.recoveryNotice). */
  recoveryNotice: string | null;
  /**
   * Set when the open returned before quick_check (SecureSessionOptions.backgroundCheck): the session
   * holds writes, runs the check off the main thread, and only then takes the daily backup.
   */
  deferredCheck?: { walAsFound: string | null };
}

/**
 * The seam where an unlocked key becomes open services: recovery-aware opening (a damaged database is
 * quarantined and the newest good backup restored), then the services over that handle, then a daily
 * backup if one is due (never fails the unlock).
 */
export function openUnlocked(
  opts: OpenUnlockedOptions,
  key: string,
  keyVerified: boolean,
  /** The app's first run (the passphrase set up): the only time the app makes a new database. */
  create = false,
): UnlockedServices {
  const deferred = opts.backgroundCheck !== undefined;
  const opened = openDatabaseWithRecovery({
    path: opts.dbPath,
    key,
    backupDir: backupFolderFor(opts.dbPath),
    clock: opts.clock,
    log: opts.log,
    keyVerified,
    quickCheck: deferred ? 'deferred' : 'now',
    ...(create ? { create: true } : {}),
  });
  const services = createAppServices({
    dbPath: opts.dbPath,
    key,
    db: opened.db,
    clock: opts.clock,
    log: opts.log,
    ...(opts.systemActor ? { systemActor: opts.systemActor } : {}),
    ...(opts.sync ? { sync: opts.sync } : {}),
  });
  // A restored backup (recoveryNotice) was opened with its check done: nothing is deferred then.
  if (deferred && opened.walAsFound !== undefined) return { services, recoveryNotice: opened.recoveryNotice, deferredCheck: { walAsFound: opened.walAsFound } };
  services.backups.maybeDaily();
  return { services, recoveryNotice: opened.recoveryNotice };
}
