/** Export files on disk: never a half-written file under the final name (CLI exports, the CSV writer). */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes to `${path}.partial` and renames it to `path` only once everything is on disk, so an export
 * that fails (or is interrupted) never leaves a truncated file that looks complete. Small writes are
 * gathered and written in blocks of ~64 KB: a caseload bundle arrives as many small chunks.
 */
export class AtomicFileWriter {
  private readonly partial: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(private readonly path: string) {
    this.partial = `${path}.partial`;
    this.fd = openSync(this.partial, 'w', 0o600);
  }

  write(chunk: string | Uint8Array): void {
    if (typeof chunk !== 'string') {
      this.flush();
      this.writeAll(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= 64 * 1024) this.flush();
  }

  /** Everything written: flushed, synced to disk and moved to its final name. */
  commit(): void {
    this.flush();
    const fd = this.openFd();
    fsyncSync(fd);
    closeSync(fd);
    this.fd = null;
    renameSync(this.partial, this.path);
  }

  /** Gives up: the partial file is removed and nothing appears under the final name. */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.partial, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const block = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.writeAll(block);
  }

  private writeAll(bytes: Uint8Array): void {
    const fd = this.openFd();
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    this.bytes += bytes.length;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error(`${this.partial} is already closed`);
    return this.fd;
  }
}

/** Writes a whole file the same way (for exports that arrive in one piece: a PDF, one CSV). */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const writer = new AtomicFileWriter(path);
  try {
    writer.write(bytes);
    writer.commit();
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
