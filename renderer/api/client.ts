/**
 * The only reader of `window.api`. Screens call `request(api => api.cases.open(args))` and get the
 * value, or an `ApiError` whose `fields` a form puts beside its inputs. Tests swap in a typed fake
 * with `setApiForTests`, so no screen ever knows which transport (Electron IPC, the e2e bridge) it has.
 */
import type { Api } from '../../shared/ipc/contract';
import type { ErrorCode, FieldError, IpcError, IpcResult } from '../../shared/ipc/result';

export type { Api };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldError[];
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields ?? [];
  }
}

let testApi: Api | null = null;

/** Replaces `window.api` for component tests; pass null to go back to the real one. */
export function setApiForTests(fake: Api | null): void {
  testApi = fake;
}

export function getApi(): Api {
  if (testApi) return testApi;
  // Read without a global declaration so the preload's own typing (if any) can never conflict.
  const api = (window as Window & { api?: Api }).api;
  if (!api) {
    throw new ApiError({
      code: 'internal',
      message: 'THRIVE Plans cannot reach its records. Close the app and open it again.',
    });
  }
  return api;
}

/** Any thrown value as an ApiError, so callers handle one error type. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // A rejected promise means the transport failed (not a validation problem): keep the detail out of the UI.
  return new ApiError({ code: 'internal', message: 'Something went wrong reaching your records. Try again.' });
}

let onLocked: (() => void) | null = null;

/**
 * Who hears that main answered 'locked' (it locked itself after idle time, or another window locked
 * it): the lock store, which shows the lock screen. Any call can be the one that finds out.
 */
export function setLockedListener(listener: (() => void) | null): void {
  onLocked = listener;
}

/** Calls one channel: resolves with its value or rejects with an ApiError. */
export async function request<T>(call: (api: Api) => Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await call(getApi());
  } catch (error) {
    throw toApiError(error);
  }
  if (result.ok) return result.value;
  if (result.error.code === 'locked') onLocked?.();
  throw new ApiError(result.error);
}
