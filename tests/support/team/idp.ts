/**
 * The local OpenID Connect provider for tests (server/idp/local-idp.ts) on a random loopback port,
 * and signInAs: a real sign-in through it, as the desktop makes one (authorisation code + PKCE S256 +
 * state with openid-client, the login form submitted over HTTP, the code exchanged at the token
 * endpoint). No token is minted around the provider, so what the team server verifies in tests is
 * what it would verify from a real sign-in.
 */
import * as oidc from 'openid-client';
import type { Clock } from '../../../shared/clock';
import { startLocalIdp, type IdpAccount, type LocalIdp, type LocalIdpOptions } from '../../../server/idp/local-idp';
import type { Db } from '../../../main/db/sql';
import { createSignIn, type SignIn } from '../../../main/sync/sign-in';
import { browse, personAtBrowser, type BrowseResult } from './browser-driver';

export { browse, CookieJar, personAtBrowser, type BrowseResult, type Credentials, type ScriptedBrowser } from './browser-driver';

/** The audience tests give the team server and the provider, unless a test names its own. */
export const TEST_AUDIENCE = 'https://thrive-team.test/api';
export const DEFAULT_SCOPE = 'openid email profile offline_access sync';

/** Fictional people; the password is the same for all so tests read plainly. */
export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_ACCOUNTS: readonly IdpAccount[] = [
  { email: 'alex.clinician@thrive.test', name: 'Alex Morgan', password: TEST_PASSWORD },
  { email: 'bea.clinician@thrive.test', name: 'Bea Okafor', password: TEST_PASSWORD },
  { email: 'lee.lead@thrive.test', name: 'Lee Harper', password: TEST_PASSWORD },
  { email: 'sam.other-team@thrive.test', name: 'Sam Price', password: TEST_PASSWORD },
];

export type TestIdp = LocalIdp & { accounts: readonly IdpAccount[] };

/** Starts the provider on 127.0.0.1 and a free port; stop it in afterAll. */
export async function startIdp(options: Partial<Omit<LocalIdpOptions, 'host' | 'port'>> = {}): Promise<TestIdp> {
  const accounts = options.accounts ?? TEST_ACCOUNTS;
  const idp = await startLocalIdp({ ...options, accounts, audience: options.audience ?? TEST_AUDIENCE, host: '127.0.0.1', port: 0 });
  return { ...idp, accounts };
}

/** openid-client's view of the provider: discovery over plain HTTP, allowed because it is loopback. */
export async function discover(idp: { issuer: string }, clientId: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(idp.issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
}

export type TokenSet = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

export interface SignInOptions {
  clientId?: string;
  /** Any loopback port will do: nothing listens, the driver stops at the redirect. */
  redirectUri?: string;
  scope?: string;
}

/** Thrown when the provider did not send the browser back with a code. */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly page: BrowseResult,
  ) {
    super(message);
  }
}

export async function signInAs(idp: { issuer: string; clientId?: string }, email: string, password: string, options: SignInOptions = {}): Promise<TokenSet> {
  const config = await discover(idp, options.clientId ?? idp.clientId ?? 'thrive-desktop');
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:53682/callback';
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: options.scope ?? DEFAULT_SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    // OpenID Connect Core §11: offline_access (a refresh token) is honoured only with prompt=consent.
    prompt: 'consent',
  });
  const page = await browse(url, { email, password }, { isAppRedirect: (u) => u.href.startsWith(redirectUri) });
  if (!page.redirect) throw new SignInRefused(page.loginError ?? `The provider answered ${page.status} instead of a code`, page);
  return oidc.authorizationCodeGrant(config, page.redirect, { pkceCodeVerifier: verifier, expectedState: state });
}

/** The access token of a real sign-in as one of the test accounts: what a device sends as its bearer. */
export async function accessTokenFor(idp: { issuer: string; clientId?: string }, email: string, password = TEST_PASSWORD): Promise<string> {
  return (await signInAs(idp, email, password)).access_token;
}

/**
 * A clock that runs with real time (the provider stamps tokens with real time) but can be moved on,
 * so a test can make the desktop believe its access token is at its end without waiting.
 */
export function movableClock(): Clock & { advance(ms: number): void; date(): Date } {
  let offset = 0;
  const date = () => new Date(Date.now() + offset);
  return {
    now: () => date().toISOString(),
    today: () => date().toISOString().slice(0, 10),
    advance: (ms) => (offset += ms),
    date,
  };
}

/**
 * A device signed in as `email` the way the app signs in (main/sync/sign-in.ts through the scripted
 * browser): for the sync tests, whose engine asks this session for its bearer token.
 */
export async function signInDevice(input: {
  db: Db | (() => Db);
  idp: { issuer: string; clientId: string };
  email: string;
  password?: string;
  audience?: string;
  clock?: Clock;
}): Promise<{ session: SignIn; clock: Clock }> {
  const browser = personAtBrowser({ email: input.email, password: input.password ?? TEST_PASSWORD });
  const clock = input.clock ?? movableClock();
  const session = createSignIn({
    db: input.db,
    clock,
    issuer: input.idp.issuer,
    clientId: input.idp.clientId,
    audience: input.audience ?? TEST_AUDIENCE,
    openBrowser: (url) => browser.openBrowser(url),
  });
  await session.signIn();
  return { session, clock };
}
