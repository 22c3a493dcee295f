/** Small file operations the backup code needs to be crash-safe: fsync, and moving a file to disk for good. */
import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open a folder for fsync (NTFS journals renames). */
export function fsyncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(dirname(path), 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EPERM/EISDIR on platforms that do not support it: the rename itself has happened.
  } finally {
    closeSync(fd);
  }
}

/**
 * The database file and the files that belong to it: its WAL, shared memory and the audit trail's
 * anchor (main/db/audit-anchor.ts), which must go wherever its trail goes (a restored database starts
 * an anchor of its own rather than being judged against the one it replaced).
 */
export const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '.audit-anchor'] as const;

/** Renames the database file and those that belong to it (those that exist) to `stem`, `stem`-wal, …. */
export function moveDatabaseFiles(dbPath: string, stem: string): string[] {
  const moved: string[] = [];
  for (const suffix of DATABASE_FILE_SUFFIXES) {
    if (existsSync(`${dbPath}${suffix}`)) {
      renameSync(`${dbPath}${suffix}`, `${stem}${suffix}`);
      moved.push(`${stem}${suffix}`);
    }
  }
  fsyncFolder(dbPath);
  return moved;
}

/** Why a file operation or SQLite failed, in words a clinician or IT can act on. */
export function plainReason(error: unknown, dir: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'there is not enough free disk space';
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${dir} is not a folder`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return `THRIVE Plans may not write to ${dir}`;
  }
  return error instanceof Error ? error.message : String(error);
}
