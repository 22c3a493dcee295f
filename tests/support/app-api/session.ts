/**
 * The app lock for the lock screens' component tests: the app's own SecureSession (main/session/) on a
 * temporary file, with the OS keychain stood in by tests/support/fake-os-crypto.ts and session timers that
 * never fire (the renderer's idle lock is what those tests drive).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../shared/clock';
import type { IpcResult } from '../../../shared/ipc/result';
import type { LockSetupResult, LockState } from '../../../shared/ipc/security-types';
import { createSecureSession } from '../../../main/session/secure-session';
import type { SessionTimers } from '../../../main/session/timers';
import { tempDir } from '../temp-db';
import { fakeOsCrypto } from '../fake-os-crypto';

/** The passphrase a session made locked or unlocked starts with. */
export const TEST_PASSPHRASE = 'correct horse battery';

const stillTimers: SessionTimers = { setTimeout: () => ({}), clearTimeout: () => undefined, now: () => Date.now() };

export function startLockedSession(clock: Clock) {
  const dir = tempDir();
  const dbPath = join(dir, 'thrive.db');
  const session = createSecureSession({ dbPath, os: fakeOsCrypto(), clock, log: () => undefined, timers: stillTimers });
  let recoveryCode: string | null = null;
  const call = (channel: string, args: unknown): IpcResult<unknown> => session.invoke(channel, args);
  return {
    dir,
    dbPath,
    invoke: call,
    invokeWhenChecked: (channel: string, args: unknown) => session.invokeWhenChecked(channel, args),
    /** The organisation recovery code made when this helper set the passphrase (null if the page did). */
    get recoveryCode(): string | null {
      return recoveryCode;
    },
    /** From a new install to `state`: 'setup' leaves it new; otherwise the passphrase is set (unlocked). */
    start(state: LockState, ok: (channel: 'lock:setup', args: { passphrase: string; confirmPassphrase: string }) => unknown) {
      if (state === 'setup') return;
      recoveryCode = (ok('lock:setup', { passphrase: TEST_PASSPHRASE, confirmPassphrase: TEST_PASSPHRASE }) as LockSetupResult).recoveryCode;
    },
    lockNow: () => session.lock(),
    /** Damages the database's first page (as a disk fault would) while the app is locked. */
    damageDatabase() {
      session.lock();
      const bytes = readFileSync(dbPath);
      bytes.fill(0x5a, 0, 4096);
      writeFileSync(dbPath, bytes);
      rmSync(`${dbPath}-wal`, { force: true });
    },
    status: () => session.status(),
    close: () => session.close(),
  };
}

export type LockedSession = ReturnType<typeof startLockedSession>;
