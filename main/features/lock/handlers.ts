/**
 * The lock channels. In the app they drive the app lock (main/session/app-lock.ts), handed in as
 * `ctx.appLock` by the secure session, which serves them through dispatch even while locked. A headless
 * session (CLI, tests, the e2e bridge) was opened with a key, so it has no app lock: it is always
 * unlocked and has no passphrase to set, check or change.
 */
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import type { LockStatus } from '../../../shared/ipc/security-types';
import { loadSettings } from '../../db/repos/settings';
import type { AppLock, Handlers, LockChannel, LockContext } from '../../ipc/types';

export const HEADLESS_LOCK_MESSAGE = 'The app lock is managed in the app; this session was opened with a key.';

function appLockOf(ctx: LockContext): AppLock {
  if (!ctx.appLock) throw new AppError('forbidden', HEADLESS_LOCK_MESSAGE);
  return ctx.appLock;
}

function headlessStatus(ctx: LockContext): LockStatus {
  const autoLockMinutes = ctx.db?.open ? loadSettings(ctx.db).autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes;
  return { state: 'unlocked', osKeyProtection: 'unavailable', autoLockMinutes, recoveryNotice: null };
}

export const lockHandlers: Pick<Handlers, LockChannel> = {
  'lock:status': (_args, ctx) => ctx.appLock?.status() ?? headlessStatus(ctx),
  'lock:setup': (args, ctx) => appLockOf(ctx).setup(args.passphrase),
  'lock:unlock': (args, ctx) => appLockOf(ctx).unlock(args.passphrase),
  'lock:lock': (_args, ctx) => appLockOf(ctx).lock(),
  // A renderer talking to a headless session (the e2e bridge) pings while active: harmless, so answered.
  'lock:ping': (_args, ctx) => ctx.appLock?.ping() ?? headlessStatus(ctx),
  'lock:changePassphrase': (args, ctx) => appLockOf(ctx).changePassphrase(args.currentPassphrase, args.newPassphrase),
  'lock:recover': (args, ctx) => appLockOf(ctx).recover(args.recoveryCode, args.newPassphrase),
};
