/**
 * The desktop's sign-in (main/sync/sign-in.ts) against the real local provider: code + PKCE in the
 * "browser" (a scripted person, tests/support/team/browser-driver.ts) back to the app's loopback
 * listener; wrong passwords, wrong state and replays refused; refresh near expiry; sign-out.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { createSignIn, SignInError, type SignInOptions } from '../../main/sync/sign-in';
import { loadTokens } from '../../main/sync/token-store';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { browse, discover, movableClock, personAtBrowser, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../support/team/idp';

const ALEX = { email: 'alex.clinician@thrive.test', password: TEST_PASSWORD };
let idp: TestIdp;
const dbs: Db[] = [];

beforeAll(async () => {
  idp = await startIdp({ accessTokenTtlSeconds: 120 });
});
afterAll(async () => {
  await idp.stop();
});
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function freshDb(): Db {
  const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
  dbs.push(db);
  return db;
}

function setup(overrides: Partial<SignInOptions> = {}, provider: TestIdp = idp) {
  const browser = personAtBrowser(ALEX);
  const clock = movableClock();
  const db = freshDb();
  const options: SignInOptions = {
    db,
    clock,
    issuer: provider.issuer,
    clientId: provider.clientId,
    audience: TEST_AUDIENCE,
    openBrowser: (url) => browser.openBrowser(url),
    ...overrides,
  };
  return { browser, clock, db, session: createSignIn(options) };
}

const verify = (token: string, at?: Date) =>
  jwtVerify(token, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: TEST_AUDIENCE, currentDate: at });

describe('signing in from the desktop', () => {
  it('signs in through the browser and the loopback redirect, and keeps the tokens in main', async () => {
    const { browser, session, db } = setup();
    const person = await session.signIn();
    expect(person).toMatchObject({ email: ALEX.email, name: 'Alex Morgan' });
    const page = await browser.firstVisit();
    expect(page.status).toBe(200);
    expect(page.body).toContain('You are signed in to THRIVE Plans; you can close this tab.');
    expect(page.redirect!.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(page.redirect!.origin).not.toBe(new URL(idp.issuer).origin);

    const token = await session.getAccessToken();
    const { payload } = await verify(token!);
    expect(payload).toMatchObject({ sub: person.subject, email: ALEX.email, name: 'Alex Morgan', aud: TEST_AUDIENCE });
    expect(session.signedInAs()).toEqual(person);
    expect(loadTokens(db)?.refreshToken).toBeTruthy();
  });

  it('sends the code challenge (S256) and state, never the verifier', async () => {
    let opened: URL | undefined;
    const { browser, session } = setup({ openBrowser: (url) => ((opened = new URL(url)), browser.openBrowser(url)) });
    await session.signIn();
    expect(opened!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened!.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(opened!.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(opened!.searchParams.has('code_verifier')).toBe(false);
  });

  it('on a wrong password shows the error beside the field, and no token is stored', async () => {
    const wrong = personAtBrowser({ email: ALEX.email, password: 'not the password' });
    const { session, db } = setup({ openBrowser: (url) => wrong.openBrowser(url), timeoutMs: 1_500 });
    const outcome = await session.signIn().catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(SignInError);
    expect((outcome as SignInError).code).toBe('timeout');
    const page = await wrong.firstVisit();
    expect(page.status).toBe(401);
    expect(page.loginError).toBe('The email or password is not right. Check them and try again.');
    expect(page.redirect).toBeUndefined();
    expect(loadTokens(db)).toBeNull();
    expect(await session.getAccessToken()).toBeNull();
  });

  it('refuses a redirect with the wrong state and still takes the real one', async () => {
    const stopShort = personAtBrowser(ALEX, { loadAppRedirect: false });
    const { session, db } = setup({ openBrowser: (url) => stopShort.openBrowser(url) });
    const signedIn = session.signIn();
    const { redirect } = await stopShort.firstVisit();
    const forged = new URL(redirect!);
    forged.searchParams.set('state', 'someone-elses-state-value-0000');
    const refused = await fetch(forged);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Not a sign-in for THRIVE Plans');
    expect(loadTokens(db)).toBeNull();

    const real = await fetch(redirect!);
    expect(real.status).toBe(200);
    await expect(signedIn).resolves.toMatchObject({ email: ALEX.email });
    // The listener took one callback and is gone: the same code cannot be delivered twice.
    await expect(fetch(redirect!)).rejects.toThrow();
  });

  it('tells the person in the browser and the app when the provider sends back an error instead of a code', async () => {
    const stopShort = personAtBrowser(ALEX, { loadAppRedirect: false });
    const { session, db } = setup({ openBrowser: (url) => stopShort.openBrowser(url) });
    const signedIn = session.signIn().catch((e: unknown) => e);
    const { redirect } = await stopShort.firstVisit();
    const denied = new URL(`${redirect!.origin}${redirect!.pathname}`);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('error_description', 'the person said no');
    denied.searchParams.set('state', redirect!.searchParams.get('state')!);
    denied.searchParams.set('iss', redirect!.searchParams.get('iss')!);
    const page = await fetch(denied);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Go back to THRIVE Plans and try again.');
    const outcome = (await signedIn) as SignInError;
    expect(outcome).toBeInstanceOf(SignInError);
    expect(outcome.code).toBe('refused');
    expect(outcome.message).toContain('the person said no');
    expect(loadTokens(db)).toBeNull();
  });

  it('refuses a code used twice at the provider, and ends the sign-in it gave', async () => {
    const config = await discover(idp, idp.clientId);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const redirectUri = 'http://127.0.0.1:40123/callback';
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile offline_access sync',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      prompt: 'consent',
    });
    const { redirect } = await browse(url, ALEX, { isAppRedirect: (u) => u.href.startsWith(redirectUri) });
    const first = await oidc.authorizationCodeGrant(config, redirect!, { pkceCodeVerifier: verifier, expectedState: state });
    const replay = await oidc.authorizationCodeGrant(config, redirect!, { pkceCodeVerifier: verifier, expectedState: state }).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(oidc.ResponseBodyError);
    expect((replay as oidc.ResponseBodyError).error).toBe('invalid_grant');
    // A replayed code means it leaked: the provider revokes what the first exchange gave.
    const refreshed = await oidc.refreshTokenGrant(config, first.refresh_token!).catch((e: unknown) => e);
    expect((refreshed as oidc.ResponseBodyError).error).toBe('invalid_grant');
  });

  it('refuses a code exchanged without its PKCE verifier', async () => {
    const config = await discover(idp, idp.clientId);
    const state = oidc.randomState();
    const redirectUri = 'http://127.0.0.1:40124/callback';
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      state,
    });
    const { redirect } = await browse(url, ALEX, { isAppRedirect: (u) => u.href.startsWith(redirectUri) });
    const outcome = await oidc
      .authorizationCodeGrant(config, redirect!, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: state })
      .catch((e: unknown) => e);
    expect((outcome as oidc.ResponseBodyError).error).toBe('invalid_grant');
  });
});
