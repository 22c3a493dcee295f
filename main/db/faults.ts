/**
 * Storage faults named by their cause: a read-only file or folder, a full disk, an I/O error, a file
 * held by another program. SQLite reports these with codes that are easy to misread — a read-only
 * location gives SQLITE_CANTOPEN at the first read, which looks like a wrong key, and a full disk at
 * open gives SQLITE_IOERR_SHMSIZE — so the open (main/db/open.ts), every call (main/ipc/dispatch.ts)
 * and the CLI map them here once, and say what the person can do.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError } from './errors';

export type StorageFault = 'read_only' | 'disk_full' | 'io_error' | 'busy';

/** Below this much free space a failed write or shared-memory resize is a full disk, not a broken one. */
const NEARLY_FULL_BYTES = 256 * 1024;

export function isStorageFault(reason: string): reason is StorageFault {
  return reason === 'read_only' || reason === 'disk_full' || reason === 'io_error' || reason === 'busy';
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function freeBytes(path: string): number | null {
  try {
    const stat = statfsSync(dirname(path));
    return stat.bavail * stat.bsize;
  } catch {
    return null;
  }
}

/** Whether this account may write the file (or, when it does not exist, its folder). */
export function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT') return isWritableFolder(path);
    return !(code === 'EROFS' || code === 'EPERM' || code === 'EACCES');
  }
}

function isWritableFolder(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The storage fault behind `error` for the database at `path`, or null when it is not one (a wrong
 * key, damage, a bug). CANTOPEN and IOERR are ambiguous, so the file system is asked what is wrong.
 */
export function storageFaultOf(error: unknown, path: string): StorageFault | null {
  const code = codeOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') {
    // Also what a read-only mount gives when SQLite cannot create the -shm beside a WAL database.
    return isWritable(path) && isWritable(`${path}-shm`) ? null : 'read_only';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    const free = freeBytes(path);
    return free !== null && free < NEARLY_FULL_BYTES ? 'disk_full' : 'io_error';
  }
  return null;
}

/** What the person is told, with what they can do. `path` is the database file. */
export function storageFaultMessage(fault: StorageFault, path: string): string {
  switch (fault) {
    case 'read_only':
      return (
        `THRIVE Plans cannot write to ${path}: the file or its folder is read-only (a read-only drive, ` +
        'or the file is protected against changes), so nothing can be saved. Ask IT to make it writable, then try again.'
      );
    case 'disk_full':
      return `The disk holding ${path} is full, so nothing can be saved. Free some space on it (or ask IT to), then try again.`;
    case 'io_error':
      return (
        `The disk holding ${path} reported an error reading or writing the database (an I/O error). ` +
        'The disk may be failing or may have been disconnected: ask IT to check it before going on.'
      );
    case 'busy':
      return `${path} is held by another program (another THRIVE Plans, or a backup or import from the command line). Try again in a moment.`;
  }
}

/** A storage fault at open as a DatabaseOpenError, or null when `error` is not one. */
export function storageOpenError(error: unknown, path: string): DatabaseOpenError | null {
  if (error instanceof DatabaseOpenError) return null;
  const fault = storageFaultOf(error, path);
  return fault ? new DatabaseOpenError(fault, storageFaultMessage(fault, path), { cause: error }) : null;
}
