/**
 * The desktop's sign-in to the team's identity provider: OpenID Connect authorisation code with PKCE
 * S256 and state, in the system browser, back to a loopback listener (RFC 8252; openid-client 6), then
 * refresh when the access token is near its end. The tokens stay in main: they are kept in the
 * encrypted local database (main/sync/token-store.ts) and handed only to the sync engine's HTTP client
 * through getAccessToken(); the renderer can learn who is signed in, never a token.
 *
 * Electron is not imported here: the app passes shell.openExternal as openBrowser, the tests a driver
 * that plays the person at the browser (tests/support/team/browser-driver.ts).
 */
import * as oidc from 'openid-client';
import type { Clock } from '../../shared/clock';
import type { Db } from '../db/sql';
import { listenForRedirect, type LoopbackRedirect } from './loopback-redirect';
import { clearTokens, loadTokens, saveTokens, type SignedInPerson, type StoredTokens } from './token-store';

export type { SignedInPerson } from './token-store';

export interface SignInOptions {
  /**
   * The local database, or how to reach it: the app passes () => services.db, because a restored
   * backup replaces the connection (main/app-services.ts) and the tokens must go to the file in use.
   */
  db: Db | (() => Db);
  clock: Clock;
  /** From the team server's GET /v1/config (shared/sync/protocol.ts serverConfigSchema). */
  issuer: string;
  clientId: string;
  audience: string;
  /** Opens the URL in the person's browser: Electron's shell.openExternal in the app. */
  openBrowser: (url: string) => void | Promise<void>;
  scope?: string;
  /** How long to wait for the person to finish in the browser; default 5 minutes. */
  timeoutMs?: number;
  /** Refresh this long before the access token's end, so a push never starts with a dying token; default 60 s. */
  refreshMarginSeconds?: number;
}

export type SignInErrorCode = 'timeout' | 'refused' | 'unreachable' | 'failed';

/** A sign-in that did not finish, with words the person can act on. */
export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export interface SignIn {
  /** Opens the browser and resolves once the person has signed in there and the tokens are stored. */
  signIn(): Promise<SignedInPerson>;
  /** A usable access token, refreshed if near its end; null when signed out or the refresh was refused. */
  getAccessToken(): Promise<string | null>;
  signedInAs(): SignedInPerson | null;
  /** Forgets the tokens here at once, then asks the provider to revoke the refresh token if it can be reached. */
  signOut(): Promise<void>;
}

export const DEFAULT_SCOPE = 'openid email profile offline_access sync';
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

function databaseOf(options: SignInOptions): Db {
  return typeof options.db === 'function' ? options.db() : options.db;
}

function isLoopbackHttp(issuer: string): boolean {
  const url = URL.parse(issuer);
  return url?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

function toStored(options: SignInOptions, tokens: oidc.TokenEndpointResponse, previous: StoredTokens | null): StoredTokens {
  const now = options.clock.now();
  const claims = 'claims' in tokens && typeof tokens.claims === 'function' ? (tokens.claims as () => oidc.IDToken | undefined)() : undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const person = claims ? { subject: claims.sub, email: text(claims.email), name: text(claims.name) } : previous?.person;
  if (!person) throw new SignInError('failed', 'The sign-in service did not say who signed in.');
  return {
    issuer: options.issuer,
    clientId: options.clientId,
    accessToken: tokens.access_token,
    accessTokenExpiresAt: new Date(Date.parse(now) + (tokens.expires_in ?? 60) * 1000).toISOString(),
    accessTokenReceivedAt: now,
    // Providers that rotate send a new refresh token; others keep the one already held.
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    idToken: tokens.id_token ?? previous?.idToken ?? null,
    person,
    signedInAt: previous?.signedInAt ?? now,
  };
}

function describeFailure(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return new SignInError('refused', `The sign-in service refused the sign-in (${error.error_description ?? error.error}).`);
  }
  return new SignInError('failed', `The sign-in did not finish: ${error instanceof Error ? error.message : String(error)}.`);
}

function timeout(ms: number): { promise: Promise<never>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const minutes = Math.round(ms / 60_000);
  const within = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(ms / 1000)} seconds`;
  const words = `The sign-in was not finished in the browser within ${within}. Start it again from THRIVE Plans.`;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SignInError('timeout', words)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Discovery once per session, from the issuer's well-known document; retried after a failure. */
function discoverer(options: SignInOptions): () => Promise<oidc.Configuration> {
  let discovered: Promise<oidc.Configuration> | undefined;
  return () => {
    discovered ??= oidc
      .discovery(new URL(options.issuer), options.clientId, undefined, oidc.None(), {
        // Plain HTTP only for a provider on this machine (the local trial); a real one is HTTPS.
        execute: isLoopbackHttp(options.issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 30,
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again next time rather than remember being offline
        throw new SignInError('unreachable', `The sign-in service at ${options.issuer} could not be reached (${String(error)}). Check the connection and try again.`);
      });
    return discovered;
  };
}

type Configure = () => Promise<oidc.Configuration>;

async function browserSignIn(options: SignInOptions, configuration: Configure): Promise<SignedInPerson> {
  const config = await configuration();
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const redirect: LoopbackRedirect = await listenForRedirect(state);
  const limit = timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirect.redirectUri,
      scope: options.scope ?? DEFAULT_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      resource: options.audience,
      // OpenID Connect Core §11: a refresh token (offline_access) is granted only with prompt=consent.
      prompt: 'consent',
    });
    await options.openBrowser(url.href);
    const callbackUrl = await Promise.race([redirect.callback, limit.promise]);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state });
    const stored = toStored(options, tokens, null);
    saveTokens(databaseOf(options), stored, options.clock.now());
    redirect.finish({ ok: true });
    return stored.person;
  } catch (error) {
    const failure = describeFailure(error);
    redirect.finish({ ok: false, message: failure.message });
    throw failure;
  } finally {
    limit.cancel();
  }
}

function stillHeld(options: SignInOptions, stored: StoredTokens): boolean {
  return loadTokens(databaseOf(options))?.refreshToken === stored.refreshToken;
}

async function refresh(options: SignInOptions, configuration: Configure, stored: StoredTokens): Promise<string | null> {
  const { clock } = options;
  const stillValid = Date.parse(stored.accessTokenExpiresAt) > Date.parse(clock.now()) ? stored.accessToken : null;
  try {
    const tokens = await oidc.refreshTokenGrant(await configuration(), stored.refreshToken!, { resource: options.audience });
    // A sign-out or a new sign-in while the refresh was on its way wins: never bring back what it replaced.
    if (!stillHeld(options, stored)) return loadTokens(databaseOf(options))?.accessToken ?? null;
    const next = toStored(options, tokens, stored);
    saveTokens(databaseOf(options), next, clock.now());
    return next.accessToken;
  } catch (error) {
    if (!stillHeld(options, stored)) return loadTokens(databaseOf(options))?.accessToken ?? null;
    // Refused (expired, revoked, replayed): the sign-in is over and the person signs in again.
    // Unreachable: keep it for when the network is back; the outbox waits meanwhile.
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      clearTokens(databaseOf(options));
      return null;
    }
    return stillValid;
  }
}

export function createSignIn(options: SignInOptions): SignIn {
  const { clock } = options;
  const db = () => databaseOf(options);
  const configuration = discoverer(options);
  let pending: Promise<SignedInPerson> | undefined;
  let refreshing: Promise<string | null> | undefined;

  return {
    signIn() {
      pending ??= browserSignIn(options, configuration).finally(() => (pending = undefined));
      return pending;
    },
    async getAccessToken() {
      const stored = loadTokens(db());
      if (!stored || stored.issuer !== options.issuer || stored.clientId !== options.clientId) return null;
      const end = Date.parse(stored.accessTokenExpiresAt);
      const left = end - Date.parse(clock.now());
      // The margin is at most half the token's life, so a provider's short tokens are not refreshed at every call.
      const margin = Math.min((options.refreshMarginSeconds ?? 60) * 1000, (end - Date.parse(stored.accessTokenReceivedAt)) / 2);
      if (left > margin) return stored.accessToken;
      if (!stored.refreshToken) return left > 0 ? stored.accessToken : null;
      // One refresh at a time: the provider rotates refresh tokens, so a second use of the old one
      // would be taken as theft and end the sign-in.
      refreshing ??= refresh(options, configuration, stored).finally(() => (refreshing = undefined));
      return refreshing;
    },
    signedInAs() {
      return loadTokens(db())?.person ?? null;
    },
    async signOut() {
      const stored = loadTokens(db());
      clearTokens(db());
      if (!stored?.refreshToken) return;
      try {
        await oidc.tokenRevocation(await configuration(), stored.refreshToken, { token_type_hint: 'refresh_token' });
      } catch {
        // Offline or refused: the tokens are already gone from this device, which is what signing out promises here.
      }
    },
  };
}

/**
 * Whether a sign-in is held, and forgetting it, for the sync engine (main/sync/engine-auth.ts): the
 * token store is read through this module alone, so getAccessToken stays the one way to a token.
 */
export function hasStoredSignIn(db: Db): boolean {
  return loadTokens(db) !== null;
}

export function forgetSignIn(db: Db): void {
  clearTokens(db);
}
