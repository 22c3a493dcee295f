/**
 * Backup file names. The time in a name is UTC (thrive-backup-YYYYMMDD-HHMMSS.db): it never repeats or
 * jumps at the clock changes, so names sort in the order the backups were taken. People are shown the
 * London time (formatUkDateTime). Two backups in one second get -2, -3, … after the seconds.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BackupFileArgs } from '../../shared/ipc/schemas/backup';

const NAME_RE = /^thrive-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;

/** YYYYMMDD-HHMMSS of an ISO instant, in UTC. */
export function stampOf(instantIso: string): string {
  const iso = new Date(Date.parse(instantIso)).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export function isBackupFileName(name: string): boolean {
  return BackupFileArgs.shape.fileName.safeParse(name).success && NAME_RE.test(name);
}

export interface ParsedBackupName {
  /** The instant in the name (to the second), as an ISO string. */
  takenAt: string;
  /** 1 for the first backup in that second, 2, 3… for the next ones. */
  serial: number;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const takenAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  if (Number.isNaN(Date.parse(takenAt))) return null;
  return { takenAt, serial: m[7] ? Number(m[7]) : 1 };
}

/**
 * The file a backup is written to before it is checked and named: unique to this attempt (random
 * part, and created exclusively by the caller), so two processes backing up in the same second never
 * write into or delete each other's copy. thrive-backup-<stamp>.db.partial is the older form.
 */
export function partialBackupName(instantIso: string): string {
  return `thrive-backup-${stampOf(instantIso)}.${randomBytes(8).toString('hex')}.partial`;
}

const PARTIAL_RE = /^thrive-backup-\d{8}-\d{6}(?:-\d+)?\.(?:db|[0-9a-f]{16})\.partial$/;

export function isPartialBackupName(name: string): boolean {
  return PARTIAL_RE.test(name);
}

/** A name for a backup taken at `instantIso` that no file in `dir` has yet (nor its .partial). */
export function freshBackupName(dir: string, instantIso: string): string {
  const stamp = stampOf(instantIso);
  for (let serial = 1; ; serial++) {
    const name = serial === 1 ? `thrive-backup-${stamp}.db` : `thrive-backup-${stamp}-${serial}.db`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.partial`))) return name;
  }
}

/**
 * A name beside the database that is not taken yet: thrive.db.set-aside-20261122-140500 (and its -wal
 * and -shm under the same stem, so the set-aside copy opens with its own write-ahead log).
 */
export function freshSiblingStem(dbPath: string, label: 'set-aside' | 'corrupt', instantIso: string): string {
  const base = `${dbPath}.${label}-${stampOf(instantIso)}`;
  for (let n = 1; ; n++) {
    const stem = n === 1 ? base : `${base}-${n}`;
    if (![stem, `${stem}-wal`, `${stem}-shm`].some((p) => existsSync(p))) return stem;
  }
}
