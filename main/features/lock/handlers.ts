/**
 * The lock channels in a headless session (CLI, tests, the e2e bridge): it was opened with a key, so
 * it is always unlocked and has no passphrase to set, check or change. The app's SecureSession
 * (main/session/) answers these channels itself and never reaches this table.
 */
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import type { LockStatus } from '../../../shared/ipc/security-types';
import { loadSettings } from '../../db/repos/settings';
import type { HandlerContext, Handlers } from '../../ipc/types';

export const HEADLESS_LOCK_MESSAGE = 'The app lock is managed in the app; this session was opened with a key.';

function refuse(): never {
  throw new AppError('forbidden', HEADLESS_LOCK_MESSAGE);
}

function unlockedStatus(ctx: HandlerContext): LockStatus {
  const autoLockMinutes = ctx.db.open ? loadSettings(ctx.db).autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes;
  return { state: 'unlocked', osKeyProtection: 'unavailable', autoLockMinutes, recoveryNotice: null };
}

export const lockHandlers: Pick<
  Handlers,
  'lock:status' | 'lock:setup' | 'lock:unlock' | 'lock:lock' | 'lock:ping' | 'lock:changePassphrase' | 'lock:recover'
> = {
  'lock:status': (_args, ctx) => unlockedStatus(ctx),
  'lock:setup': refuse,
  'lock:unlock': refuse,
  'lock:lock': refuse,
  // A renderer talking to a headless session (the e2e bridge) pings while active: harmless, so answered.
  'lock:ping': (_args, ctx) => unlockedStatus(ctx),
  'lock:changePassphrase': refuse,
  'lock:recover': refuse,
};
