/**
 * The fake's app lock and backups (issue 6), as main's SecureSession behaves: setup returns a
 * recovery code once, a wrong passphrase or code is 'wrong_passphrase', and while the app is not
 * unlocked every other channel answers 'locked' (fake-state.ts's handler asks `lockState`).
 */
import { AppError } from '../../shared/ipc/result';
import { normaliseRecoveryCode } from '../../shared/ipc/schemas/security';
import type { Api } from '../../shared/ipc/contract';
import type { BackupInfo, BackupList, LockState, LockStatus } from '../../shared/ipc/security-types';
import type { FakeState } from './fake-state';

/** The code the fake hands out at setup (Crockford base32, 6 groups of 5). */
export const FAKE_RECOVERY_CODE = '7F3K9-QW2MZ-A1B2C-D3E4F-G5H6J-K7M8N';
/** The passphrase the fake starts with when it is created locked (or unlocked). */
export const FAKE_PASSPHRASE = 'correct horse battery';

export const LOCKED_MESSAGE = 'THRIVE Plans is locked. Unlock it to continue.';

export interface FakeLock {
  state: LockState;
  passphrase: string | null;
  recoveryNotice: string | null;
  backups: BackupInfo[];
  lastFailure: string | null;
  /** The next backup:create fails with this message (as a failed check would). */
  failNextBackup: string | null;
}

export function createFakeLock(state: LockState): FakeLock {
  return {
    state,
    passphrase: state === 'setup' ? null : FAKE_PASSPHRASE,
    recoveryNotice: null,
    backups: [],
    lastFailure: null,
    failNextBackup: null,
  };
}

function backupName(instant: string): string {
  const digits = instant.replace(/[^0-9]/g, '');
  return `thrive-backup-${digits.slice(0, 8)}-${digits.slice(8, 14)}.db`;
}

/** A backup as main lists it (test set-up and backup:create). */
export function fakeBackup(takenAt: string, reason = 'daily', sizeBytes = 1_572_864): BackupInfo {
  return { fileName: backupName(takenAt), takenAt, sizeBytes, reason, kept: reason === 'manual' ? 'manual' : 'daily' };
}

export function lockChannels(s: FakeState): Pick<Api, 'lock' | 'backup'> {
  const lock = s.lock;
  const status = (): LockStatus => ({
    state: lock.state,
    osKeyProtection: 'os_keychain',
    autoLockMinutes: s.settings.autoLockMinutes,
    recoveryNotice: null,
  });
  const wrong = (what: 'passphrase' | 'recovery code') => new AppError('wrong_passphrase', `That ${what} is not right.`);
  /** Unlocking tells the recovery notice once, as main does. */
  const unlocked = (): LockStatus => {
    lock.state = 'unlocked';
    const notice = lock.recoveryNotice;
    lock.recoveryNotice = null;
    return { ...status(), recoveryNotice: notice };
  };
  const list = (): BackupList => {
    const backups = [...lock.backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    return { folder: '/data/backups', backups, lastVerifiedAt: backups[0]?.takenAt ?? null, lastFailure: lock.lastFailure };
  };

  return {
    lock: {
      status: s.handler('lock:status', status),
      setup: s.handler('lock:setup', (a) => {
        if (lock.state !== 'setup') throw new AppError('conflict', 'The app lock is already set up');
        lock.passphrase = a.passphrase;
        lock.state = 'unlocked';
        return { status: status(), recoveryCode: FAKE_RECOVERY_CODE };
      }),
      unlock: s.handler('lock:unlock', (a) => {
        if (lock.state === 'setup') throw new AppError('conflict', 'Set a passphrase first');
        if (a.passphrase !== lock.passphrase) throw wrong('passphrase');
        return unlocked();
      }),
      lock: s.handler('lock:lock', () => {
        if (lock.state === 'unlocked') lock.state = 'locked';
        return status();
      }),
      ping: s.handler('lock:ping', status),
      changePassphrase: s.handler('lock:changePassphrase', (a) => {
        if (lock.state !== 'unlocked') throw new AppError('locked', LOCKED_MESSAGE);
        if (a.currentPassphrase !== lock.passphrase) throw wrong('passphrase');
        lock.passphrase = a.newPassphrase;
        return status();
      }),
      recover: s.handler('lock:recover', (a) => {
        if (normaliseRecoveryCode(a.recoveryCode) !== normaliseRecoveryCode(FAKE_RECOVERY_CODE)) throw wrong('recovery code');
        lock.passphrase = a.newPassphrase;
        return unlocked();
      }),
    },
    backup: {
      list: s.handler('backup:list', list),
      create: s.handler('backup:create', () => {
        const failure = lock.failNextBackup;
        if (failure) {
          lock.failNextBackup = null;
          lock.lastFailure = failure;
          throw new AppError('internal', failure);
        }
        const made = fakeBackup(s.now, 'manual');
        lock.backups.push(made);
        lock.lastFailure = null;
        return made;
      }),
      restore: s.handler('backup:restore', (a) => {
        const found = lock.backups.find((b) => b.fileName === a.fileName);
        if (!found) throw new AppError('not_found', 'That backup was not found', [{ path: 'fileName', message: 'Choose a backup from the list' }]);
        lock.backups.push(fakeBackup(s.now, 'before_restore'));
        return { restoredFrom: found, setAsideAs: `thrive.db.set-aside-${s.now}` };
      }),
    },
  };
}
