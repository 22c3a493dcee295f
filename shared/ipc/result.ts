/**
 * The one result shape that crosses every boundary (IPC, the e2e bridge, the CLI).
 * Payloads are JSON-safe: no Date, Map or Buffer, so both transports carry them identically.
 */
export type ErrorCode =
  | 'validation' // the input broke a rule; `fields` says which and why
  | 'not_found'
  | 'conflict' // e.g. case reference in use, stale version, plan already agreed
  | 'read_only' // a closed case
  | 'forbidden' // wrong sender frame, no profile
  | 'locked' // the app is locked: unlock first (nothing read or written)
  | 'wrong_passphrase' // the passphrase or recovery code did not unwrap the key
  | 'unknown_channel'
  | 'database_replaced' // the file this connection opened is no longer the one at its path: nothing saved
  | 'storage' // the disk or the database file refused (read-only, full, I/O error, held): the message names which
  | 'internal';

export interface FieldError {
  /** Dotted path into the arguments, e.g. `nhsNumber`, `goals.1.firstRating`, `ratings.p5`. */
  path: string;
  message: string;
}

export interface IpcError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown inside main by handlers and repos; `handle()` turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }
  toIpcError(): IpcError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export function validationError(fields: FieldError[], message?: string): AppError {
  const first = fields[0];
  return new AppError(
    'validation',
    message ?? (fields.length === 1 && first ? first.message : `There are ${fields.length} problems with what was entered`),
    fields,
  );
}
