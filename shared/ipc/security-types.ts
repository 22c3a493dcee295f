/** Results of the app-lock and backup channels (docs/quality.md#app-lock, docs/backups.md). JSON-safe. */

/**
 * 'setup': no passphrase yet (a new install, or an install that kept its key in a plain file): the
 * setup screen. 'locked': the lock screen (no record data anywhere). 'unlocked': the app.
 */
export type LockState = 'setup' | 'locked' | 'unlocked';

/** How the data key is held on this computer besides the passphrase. */
export type OsKeyProtection = 'os_keychain' | 'unavailable';

export interface LockStatus {
  state: LockState;
  osKeyProtection: OsKeyProtection;
  /** Idle minutes before the app locks itself (from settings; default 5). */
  autoLockMinutes: number;
  /**
   * Told once after unlocking when start-up found the database damaged and restored a backup:
   * "…anything saved after 22/11/2026 09:14 may be missing." Null otherwise.
   */
  recoveryNotice: string | null;
}

export interface LockSetupResult {
  status: LockStatus;
  /**
   * The organisation recovery code, shown ONCE: it unlocks the records on a new computer if this one's
   * profile is lost. Formatted in 6 groups of 5 (e.g. "7F3K9-QW2MZ-…").
   */
  recoveryCode: string;
}

export interface BackupInfo {
  fileName: string;
  /** When it was taken (ISO instant) and shown dd/mm/yyyy hh:mm. */
  takenAt: string;
  sizeBytes: number;
  /** 'daily' | 'quit' | 'manual' | 'before_restore' | 'before_migration' */
  reason: string;
  /** Kept by the rotation as the daily, weekly or monthly copy (or the newest manual ones). */
  /** 'records': the newest backup that holds any cases, kept even when newer ones are empty. */
  kept: 'daily' | 'weekly' | 'monthly' | 'manual' | 'latest' | 'records';
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
  /** When the last backup that passed its check was taken; null if none. */
  lastVerifiedAt: string | null;
  /** A failed automatic backup since the last good one, said plainly; null if none. */
  lastFailure: string | null;
}

export interface RestoreResult {
  restoredFrom: BackupInfo;
  /** Where the database in use before the restore was set aside (never deleted). */
  setAsideAs: string;
}
