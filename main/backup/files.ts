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

/** Renames the database file and its -wal and -shm (those that exist) to `stem`, `stem`-wal, `stem`-shm. */
export function moveDatabaseFiles(dbPath: string, stem: string): string[] {
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
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
