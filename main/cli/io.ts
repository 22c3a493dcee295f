/** What a command prints, and how it writes files: never a half-written file under the final name. */
import type { IpcError, IpcResult } from '../../shared/ipc/result';

export { AtomicFileWriter, writeFileAtomically } from '../export/atomic-file';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress is shown there by default, never into a log file. */
  errIsTty: boolean;
  /** What to do about a refusal, when the command line can name it (main/cli/profile-hint.ts). */
  hint?: (error: IpcError) => string | null;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** JSON on stdout for scripts; a refusal's hint, if any, goes to stderr for the person reading. */
export function printResult(io: CliIo, result: IpcResult<unknown>): number {
  io.out(json(result));
  if (result.ok) return 0;
  const hint = io.hint?.(result.error);
  if (hint) io.err(hint);
  return 1;
}

/** A refused call, for a person at a terminal: the message, then each field's problem. */
export function printError(io: CliIo, error: IpcError): number {
  const fields = (error.fields ?? []).map((f) => `  ${f.path}: ${f.message}\n`).join('');
  io.err(`thrive: ${error.message}\n${fields}${io.hint?.(error) ?? ''}`);
  return 1;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
