/**
 * Every refusal the API makes, as errorBodySchema (shared/sync/protocol.ts): a code the device acts on
 * and words a person can act on. Data access throws ApiError; server/app.ts turns it into a response.
 */
import type { ErrorBody, SyncErrorCode } from '../shared/sync/protocol';

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const badRequest = (message: string, fields?: FieldProblem[]) => new ApiError(400, 'bad_request', message, fields);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

export const UNAVAILABLE_MESSAGE =
  'The team server cannot reach its database just now. Nothing was saved on the server; your changes are ' +
  'kept on this computer and will be sent when it is back. Try again in a minute.';

// PostgreSQL error classes meaning "the database went away or gave up, try again" rather than a bug:
// 08 connection exception, 57P admin shutdown / crash / cannot connect now, 53 insufficient resources,
// 40001 serialization failure, 40P01 deadlock.
const TRANSIENT_SQLSTATE = /^(08|57P|53|40001|40P01)/;
const TRANSIENT_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);

/** True when `error` says the database is unreachable or restarting, not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE.has(code))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(
    error.message,
  );
}

export const unavailable = () => new ApiError(503, 'unavailable', UNAVAILABLE_MESSAGE);
