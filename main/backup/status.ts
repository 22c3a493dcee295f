/**
 * backups/status.json: what each backup was taken for, when the last one passed its check, and the
 * last failure since then (Settings shows it). Written whole to a .partial file and renamed, so a crash
 * mid-write leaves the previous status, never half of one. Writers hold the backups folder's lock
 * (folder-lock.ts): two processes never lose each other's entries. The backups themselves are the truth: a
 * lost or unreadable status file only loses the reasons and the failure note.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../export/atomic-file';
import { withBackupFolderLock } from './folder-lock';

export interface BackupFailure {
  at: string;
  /** What the backup was for: 'daily', 'manual', … */
  reason: string;
  message: string;
}

export interface BackupStatus {
  lastVerifiedAt: string | null;
  lastVerifiedFile: string | null;
  lastFailure: BackupFailure | null;
  /** `cases`: how many cases the copy holds (rotation keeps the newest that holds any); absent for older entries. */
  backups: Record<string, { takenAt: string; reason: string; cases?: number }>;
}

export const STATUS_FILE = 'status.json';

export function emptyStatus(): BackupStatus {
  return { lastVerifiedAt: null, lastVerifiedFile: null, lastFailure: null, backups: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The status, or an empty one when the file is missing or not what we wrote (never a crash). */
export function readStatus(dir: string): BackupStatus {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, STATUS_FILE), 'utf8'));
  } catch {
    return emptyStatus();
  }
  if (!isRecord(raw)) return emptyStatus();
  const status = emptyStatus();
  status.lastVerifiedAt = str(raw.lastVerifiedAt);
  status.lastVerifiedFile = str(raw.lastVerifiedFile);
  const failure = raw.lastFailure;
  if (isRecord(failure) && str(failure.at) && str(failure.message)) {
    status.lastFailure = { at: str(failure.at)!, reason: str(failure.reason) ?? 'unknown', message: str(failure.message)! };
  }
  if (isRecord(raw.backups)) {
    for (const [name, entry] of Object.entries(raw.backups)) {
      if (!isRecord(entry) || !str(entry.takenAt) || !str(entry.reason)) continue;
      const cases = typeof entry.cases === 'number' && Number.isInteger(entry.cases) && entry.cases >= 0 ? entry.cases : undefined;
      status.backups[name] = { takenAt: str(entry.takenAt)!, reason: str(entry.reason)!, ...(cases !== undefined ? { cases } : {}) };
    }
  }
  return status;
}

export function writeStatus(dir: string, status: BackupStatus): void {
  writeFileAtomically(join(dir, STATUS_FILE), Buffer.from(`${JSON.stringify(status, null, 2)}\n`, 'utf8'));
}

/** Records a failure without letting a second failure (e.g. the folder is unwritable) hide the first. */
export function recordFailure(dir: string, failure: BackupFailure, log: (message: string) => void): void {
  try {
    withBackupFolderLock(dir, () => writeStatus(dir, { ...readStatus(dir), lastFailure: failure }));
  } catch (error) {
    log(`could not record the backup failure in ${join(dir, STATUS_FILE)}: ${(error as Error).message}`);
  }
}
