/**
 * What every route needs, and the request checks they share: the protocol header, the bearer token,
 * and zod parsing that turns a failed schema into a 400 naming each field.
 */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import {
  OLDEST_ACCEPTED_PROTOCOL,
  OLDEST_PENDING_HEADER,
  outboxReportSchema,
  PENDING_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type OutboxReport,
} from '../../shared/sync/protocol';
import type { VerifyToken } from '../auth/verify-token';
import { unauthenticated } from '../auth/verify-token';
import { signIn } from '../db/people';
import { ApiError, badRequest } from '../errors';

export interface PublicConfig {
  issuer: string;
  clientId: string;
  audience: string;
}

export interface ServerDeps {
  pool: pg.Pool;
  verifyToken: VerifyToken;
  serverId: string;
  clock: Clock;
  config: PublicConfig;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
export { header };

/** Refuses a device too old (or too new) for this server before anything else is read. */
export function checkProtocol(request: FastifyRequest, required: boolean): void {
  const raw = header(request, PROTOCOL_HEADER);
  if (raw === undefined && !required) return;
  const protocol = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
  if (raw !== undefined && protocol === undefined) throw badRequest(`The ${PROTOCOL_HEADER} header must be a whole number.`);
  if (protocol === undefined || protocol < OLDEST_ACCEPTED_PROTOCOL) {
    throw new ApiError(426, 'client_too_old', 'This version of THRIVE Plans is too old for your team server. Update the app, then sync again; your changes are kept on this computer.');
  }
  if (protocol > PROTOCOL_VERSION) {
    throw badRequest('Your team server is older than this app and cannot read its changes yet. Ask your service admin to update the server; your changes are kept on this computer.');
  }
}

/** The signed-in person's id, from a verified bearer token. */
export async function authenticate(request: FastifyRequest, deps: ServerDeps): Promise<string> {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header(request, 'authorization') ?? '');
  if (!match) throw unauthenticated('You are not signed in to the team server. Sign in; your changes are kept on this computer.');
  const identity = await deps.verifyToken(match[1]!);
  if (identity.expiresAt === undefined) return signIn(deps.pool, identity);
  const known = signedInByPool.get(deps.pool) ?? new Map<string, string>();
  signedInByPool.set(deps.pool, known);
  // Keyed by everything thrive_sign_in reads (a new name or email signs in again) and the token's
  // expiry, so a new token always signs in afresh. Only the person id is kept: memberships are read
  // by row security in each request's own transaction, so a revoke still takes effect at once.
  const key = JSON.stringify([identity.issuer, identity.subject, identity.email, identity.name, identity.expiresAt]);
  const cached = known.get(key);
  if (cached) return cached;
  const personId = await signIn(deps.pool, identity);
  if (known.size >= SIGN_IN_CACHE_LIMIT) known.clear();
  known.set(key, personId);
  return personId;
}

/**
 * Person ids of tokens already signed in, per server (its pool): without it every request ran a
 * sign-in transaction of its own before its real one (bench/team-server.ts measured it). An entry is
 * only ever reached by a token the verifier has just accepted, so an expired one is never used.
 */
const signedInByPool = new WeakMap<pg.Pool, Map<string, string>>();
const SIGN_IN_CACHE_LIMIT = 10_000;

/** Parses with a shared schema; a failure is a 400 listing each field and what is wrong with it. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(whole)',
    message: issue.message,
  }));
  throw badRequest(`The ${what} is not in the form the server expects. Update the app; if it keeps happening tell your service admin.`, fields);
}

/** The device's outbox report (shared/sync/protocol.ts PENDING_HEADER), if it sent one; a malformed one is a 400. */
export function outboxReportOf(request: FastifyRequest): OutboxReport | undefined {
  const pending = header(request, PENDING_HEADER);
  if (pending === undefined) return undefined;
  const oldest = header(request, OLDEST_PENDING_HEADER);
  return parseWith(outboxReportSchema, { pending, oldestPendingAt: oldest ?? null }, `${PENDING_HEADER} and ${OLDEST_PENDING_HEADER} headers`);
}
