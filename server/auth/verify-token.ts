/**
 * Bearer access tokens (JWT) verified with jose against the identity provider's published keys (JWKS):
 * signature, issuer, audience, expiry (small clock tolerance) and an allow-list of algorithms. The keys
 * are found through the issuer's OpenID Connect discovery document unless a JWKS URL is given.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ApiError } from '../errors';
import type { Identity } from '../db/people';

export type VerifyToken = (token: string) => Promise<Identity>;

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** Defaults to the jwks_uri of `${issuer}/.well-known/openid-configuration`. */
  jwksUri?: string;
  /** Seconds of clock difference tolerated on exp/nbf/iat (default 30). */
  clockToleranceSec?: number;
  algorithms?: string[];
  /** The verifier's notion of now (tests pin it); default the system clock. */
  currentDate?: () => Date;
}

const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * Tokens already verified are remembered until they expire (never past it, not even by the clock
 * tolerance): a device sends the same token with every request of a round, and checking its signature
 * again was a tenth of an empty pull's time. At most this many; emptied when full.
 */
const VERIFIED_LIMIT = 10_000;

export const unauthenticated = (message: string) => new ApiError(401, 'unauthenticated', message);

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery at ${issuer} answered ${response.status}`);
  const body = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (body.issuer !== issuer || typeof body.jwks_uri !== 'string') throw new Error(`discovery at ${issuer} is not for that issuer`);
  return body.jwks_uri;
}

function identityFrom(payload: JWTPayload, issuer: string): Identity {
  const claim = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : undefined);
  // Entra ID access tokens carry the address as preferred_username or upn rather than email.
  const email = claim('email') ?? claim('preferred_username') ?? claim('upn');
  if (!payload.sub || !email || !email.includes('@')) {
    throw unauthenticated('Your sign-in did not say who you are (no email in the token). Ask your service admin to check the sign-in set-up.');
  }
  const identity: Identity = { issuer, subject: payload.sub, email: email.toLowerCase(), name: claim('name') ?? email };
  if (typeof payload.exp === 'number') identity.expiresAt = payload.exp;
  return identity;
}

export function createTokenVerifier(options: TokenVerifierOptions): VerifyToken {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const getKeys = async () => {
    keys ??= createRemoteJWKSet(new URL(options.jwksUri ?? (await discoverJwksUri(options.issuer))));
    return keys;
  };
  const verified = new Map<string, Identity>();
  return async (token) => {
    const known = verified.get(token);
    if (known?.expiresAt !== undefined && known.expiresAt * 1000 > (options.currentDate?.() ?? new Date()).getTime()) return { ...known };
    let jwks: ReturnType<typeof createRemoteJWKSet>;
    try {
      jwks = await getKeys();
    } catch {
      throw new ApiError(503, 'unavailable', 'The team server cannot reach the sign-in service to check who you are. Try again in a minute.');
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: options.algorithms ?? DEFAULT_ALGORITHMS,
        clockTolerance: options.clockToleranceSec ?? 30,
        requiredClaims: ['exp', 'sub'],
        ...(options.currentDate ? { currentDate: options.currentDate() } : {}),
      });
      const identity = identityFrom(payload, options.issuer);
      if (identity.expiresAt !== undefined) {
        if (verified.size >= VERIFIED_LIMIT) verified.clear();
        verified.set(token, identity);
      }
      return { ...identity };
    } catch (error) {
      throw refusal(error);
    }
  };
}

function refusal(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('Your sign-in has expired. Sign in again; your changes are kept on this computer.');
  if (error instanceof errors.JWKSTimeout) {
    return new ApiError(503, 'unavailable', 'The team server cannot reach the sign-in service to check who you are. Try again in a minute.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated('Your sign-in is not for this team server. Sign out and sign in again from this app.');
  }
  return unauthenticated('Your sign-in could not be checked. Sign in again; your changes are kept on this computer.');
}
