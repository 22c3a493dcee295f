/**
 * The device's side of the team server's wire contract (shared/sync/protocol.ts) over fetch. Every
 * answer is parsed with the contract's schemas and classified into what the sync engine acts on, so no
 * caller ever sees a half-read response: anything the device cannot read is a refusal with nothing
 * written (docs/team-mode.md, "Versions": never a partial sync).
 */
import type { z } from 'zod';
import {
  DEVICE_HEADER,
  errorBodySchema,
  IDEMPOTENCY_HEADER,
  meSchema,
  OLDEST_PENDING_HEADER,
  PENDING_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  changeSchema,
  pullResponseSchema,
  pushAcceptedSchema,
  pushConflictSchema,
  serverConfigSchema,
  teamDevicesSchema,
  type Change,
  type Me,
  type OutboxReport,
  type PullResponse,
  type PushAccepted,
  type PushBody,
  type PushConflict,
  type ServerConfig,
  type TeamDevices,
} from '../../shared/sync/protocol';

/**
 * What a request came to. `offline`, `unavailable` and `signed_out` leave the outbox waiting;
 * `refused` stops syncing until the app (or the server) is updated; `rejected` is one request the server
 * would not take (a 403, a 422) with its words.
 */
export type HttpOutcome<T> =
  | { kind: 'ok'; value: T; status: number }
  | { kind: 'offline'; message: string }
  | { kind: 'unavailable'; message: string; retryAfterMs: number | null }
  | { kind: 'signed_out'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'conflict'; conflict: PushConflict }
  | { kind: 'rejected'; status: number; code: string; message: string };

export interface SyncHttpOptions {
  baseUrl: string;
  deviceId: string;
  /** Per request; a server that does not answer in time is treated as unreachable. */
  timeoutMs?: number;
  /** Aborts every request in flight (the app locking or quitting). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** The protocol this build speaks; a test plays an older build by lowering it. */
  protocol?: number;
}

export interface SyncHttp {
  readonly baseUrl: string;
  /** The protocol its requests carry. */
  readonly protocol: number;
  config(): Promise<HttpOutcome<ServerConfig>>;
  me(token: string): Promise<HttpOutcome<Me>>;
  push(token: string, caseId: string, req: PushRequest): Promise<HttpOutcome<PushAccepted>>;
  pull(token: string, cursor: string | null, limit: number, report?: OutboxReport): Promise<HttpOutcome<PullResponse>>;
  version(token: string, caseId: string, version: number): Promise<HttpOutcome<Change>>;
  /** A team lead's view of the team's devices (GET /v1/teams/:teamId/devices). */
  teamDevices(token: string, teamId: string): Promise<HttpOutcome<TeamDevices>>;
}

export interface PushRequest {
  body: PushBody;
  /** The server version the change was made on; null for a case new to the server (If-None-Match: *). */
  baseVersion: number | null;
  idempotencyKey: string;
  /** The outbox as it stands while this is sent, for the team lead's view of devices. */
  report?: OutboxReport;
}

/** The outbox report as headers (shared/sync/protocol.ts PENDING_HEADER); none when there is no report. */
function reportHeaders(report: OutboxReport | undefined): Record<string, string> {
  if (!report) return {};
  return { [PENDING_HEADER]: String(report.pending), ...(report.oldestPendingAt ? { [OLDEST_PENDING_HEADER]: report.oldestPendingAt } : {}) };
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export const MESSAGES = {
  offline: 'The team server could not be reached. Your changes are saved on this computer and will be sent when it can be reached.',
  unavailable: 'The team server is busy or down for maintenance. Your changes are saved on this computer and will be sent later.',
  signedOut: 'Your sign-in has ended. Sign in again to send your changes; they are saved on this computer meanwhile.',
  unreadable:
    'The team server answered in a form this version of THRIVE Plans cannot read. Nothing was changed. Update THRIVE Plans, or ask your IT team whether the server was updated.',
  tooOld: 'This version of THRIVE Plans is too old for your team server. Update THRIVE Plans; your changes are kept on this computer until then.',
  serverTooOld:
    'Your team server is older than this version of THRIVE Plans and cannot read what it sends. Ask your IT team to update the server; your changes are kept on this computer until then.',
} as const;

/** The server's protocol as /v1/config states it: can this build talk to it at all? */
export function protocolProblem(config: ServerConfig, protocol: number = PROTOCOL_VERSION): string | null {
  if (config.oldestAcceptedProtocol > protocol) return MESSAGES.tooOld;
  if (config.protocol < protocol) return MESSAGES.serverTooOld;
  return null;
}

export function createSyncHttp(opts: SyncHttpOptions): SyncHttp {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    init: { token?: string; headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<HttpOutcome<z.infer<S>>> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(opts.protocol ?? PROTOCOL_VERSION), [DEVICE_HEADER]: opts.deviceId, accept: 'application/json', ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const send = async (): Promise<{ response: Response; text: string }> => {
      // One controller per request, its timer cleared when the answer is read: AbortSignal.timeout would
      // keep a timer and its signal alive for the whole timeout after every request, which a first sync
      // or a busy server pays for in garbage collection.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException('The team server did not answer in time', 'TimeoutError')), timeoutMs);
      const stop = () => controller.abort(opts.signal?.reason);
      if (opts.signal?.aborted) stop();
      opts.signal?.addEventListener('abort', stop, { once: true });
      try {
        const response = await doFetch(`${baseUrl}${path}`, {
          method,
          headers,
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          signal: controller.signal,
          redirect: 'error',
        });
        return { response, text: await response.text() };
      } finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', stop);
      }
    };
    let answer: { response: Response; text: string };
    try {
      answer = await send().catch((error: unknown) => {
        // Once more straight away: a kept-alive connection the network dropped (a laptop waking, Wi-Fi
        // changing) fails the first request on it. Every request is safe to repeat: reads, and pushes
        // under their idempotency key, which the server applies once.
        if (opts.signal?.aborted) throw error;
        return send();
      });
    } catch {
      // Refused, reset, timed out, DNS: the same to the person (and to the outbox, which waits).
      return { kind: 'offline', message: MESSAGES.offline };
    }
    const { response, text } = answer;
    return classify(response, text, schema);
  }

  return {
    baseUrl,
    protocol: opts.protocol ?? PROTOCOL_VERSION,
    config: () => request('GET', '/v1/config', serverConfigSchema),
    me: (token) => request('GET', '/v1/me', meSchema, { token }),
    push: (token, caseId, req) =>
      request('POST', `/v1/cases/${encodeURIComponent(caseId)}/versions`, pushAcceptedSchema, {
        token,
        body: req.body,
        headers: {
          ...reportHeaders(req.report),
          [IDEMPOTENCY_HEADER]: req.idempotencyKey,
          ...(req.baseVersion === null ? { 'if-none-match': '*' } : { 'if-match': `"${req.baseVersion}"` }),
        },
      }),
    pull: (token, cursor, limit, report) => {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor !== null ? { cursor } : {}) });
      return request('GET', `/v1/changes?${query.toString()}`, pullResponseSchema, { token, headers: reportHeaders(report) });
    },
    version: (token, caseId, version) =>
      request('GET', `/v1/cases/${encodeURIComponent(caseId)}/versions/${version}`, changeSchema, { token }),
    teamDevices: (token, teamId) => request('GET', `/v1/teams/${encodeURIComponent(teamId)}/devices`, teamDevicesSchema, { token }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A status and body, as the engine acts on them. */
export function classify<S extends z.ZodType>(response: Response, text: string, schema: S): HttpOutcome<z.infer<S>> {
  const status = response.status;
  const json = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    return parsed.success ? { kind: 'ok', value: parsed.data, status } : { kind: 'refused', message: MESSAGES.unreadable };
  }
  const error = errorBodySchema.safeParse(json);
  const words = error.success ? error.data.error.message : null;
  if (status === 412) {
    const conflict = pushConflictSchema.safeParse(json);
    return conflict.success ? { kind: 'conflict', conflict: conflict.data } : { kind: 'refused', message: MESSAGES.unreadable };
  }
  if (status === 401) return { kind: 'signed_out', message: MESSAGES.signedOut };
  if (status === 426) return { kind: 'refused', message: words ?? MESSAGES.tooOld };
  if (status >= 500 || status === 429 || status === 408) {
    return { kind: 'unavailable', message: MESSAGES.unavailable, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  if (!error.success) return { kind: 'refused', message: MESSAGES.unreadable };
  return { kind: 'rejected', status, code: error.data.error.code, message: error.data.error.message };
}

/** Retry-After in seconds (the HTTP-date form is not used by the team server). */
function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}
