/**
 * What happens to the desktop's sign-in over time (main/sync/sign-in.ts): the access token is
 * refreshed as it nears its end (the clock injected, the provider's rotation honoured), an unreachable
 * provider leaves the sign-in in place for later, a refused refresh signs the person out, and
 * signing out revokes the refresh token at the provider.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { loadTokens } from '../../main/sync/token-store';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { discover, movableClock, signInDevice, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../support/team/idp';

const ALEX = { email: 'alex.clinician@thrive.test', password: TEST_PASSWORD };
const TTL_SECONDS = 30;
let idp: TestIdp;
const dbs: Db[] = [];

beforeAll(async () => {
  idp = await startIdp({ accessTokenTtlSeconds: TTL_SECONDS });
});
afterAll(async () => {
  await idp.stop();
});
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function signedIn(provider: TestIdp = idp) {
  const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
  dbs.push(db);
  const clock = movableClock();
  const { session } = await signInDevice({ db, idp: provider, email: ALEX.email, clock });
  return { db, clock, session };
}

describe('the access token over time', () => {
  it('is used as it is until near its end, then refreshed with a rotated refresh token', async () => {
    const { db, clock, session } = await signedIn();
    const first = await session.getAccessToken();
    const firstRefresh = loadTokens(db)!.refreshToken!;
    clock.advance(10_000);
    expect(await session.getAccessToken()).toBe(first);

    // Inside the refresh margin (half of a 30 s token's life) by the device's clock: refreshed.
    clock.advance(TTL_SECONDS * 1000);
    const second = await session.getAccessToken();
    expect(second).not.toBe(first);
    const { payload } = await jwtVerify(second!, createRemoteJWKSet(new URL(idp.jwksUri)), { issuer: idp.issuer, audience: TEST_AUDIENCE });
    expect(payload).toMatchObject({ email: ALEX.email, name: 'Alex Morgan' });

    expect(loadTokens(db)!.refreshToken).not.toBe(firstRefresh);
    const config = await discover(idp, idp.clientId);
    const reused = await oidc.refreshTokenGrant(config, firstRefresh).catch((e: unknown) => e);
    expect((reused as oidc.ResponseBodyError).error).toBe('invalid_grant');
  });

  it('after the token has really expired, refreshes it and the new one is accepted', async () => {
    const shortLived = await startIdp({ accessTokenTtlSeconds: 2 });
    try {
      const { session } = await signedIn(shortLived);
      const first = await session.getAccessToken();
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      const jwks = createRemoteJWKSet(new URL(shortLived.jwksUri));
      await expect(jwtVerify(first!, jwks, { audience: TEST_AUDIENCE })).rejects.toThrow(/exp/);
      const second = await session.getAccessToken();
      expect(second).not.toBe(first);
      await expect(jwtVerify(second!, jwks, { issuer: shortLived.issuer, audience: TEST_AUDIENCE })).resolves.toBeTruthy();
    } finally {
      await shortLived.stop();
    }
  });

  it('refreshes once when several callers ask at the same moment', async () => {
    const { clock, session } = await signedIn();
    clock.advance((TTL_SECONDS + 5) * 1000);
    const tokens = await Promise.all([session.getAccessToken(), session.getAccessToken(), session.getAccessToken()]);
    expect(tokens[0]).toBeTruthy();
    expect(new Set(tokens).size).toBe(1);
    // Had two refreshes used the same rotated token, the provider would have ended the sign-in.
    clock.advance((TTL_SECONDS + 5) * 1000);
    expect(await session.getAccessToken()).toBeTruthy();
  });

  it('keeps the sign-in while the provider cannot be reached; the outbox waits once the token has ended', async () => {
    const provider = await startIdp({ accessTokenTtlSeconds: 120 });
    const { db, clock, session } = await signedIn(provider);
    const token = await session.getAccessToken();
    await provider.stop();
    clock.advance(90_000); // inside the refresh margin (60 s), not yet expired: the token still serves
    expect(await session.getAccessToken()).toBe(token);
    clock.advance(60_000); // expired, and no refresh possible: nothing to push with
    expect(await session.getAccessToken()).toBeNull();
    expect(loadTokens(db)).not.toBeNull();
    expect(session.signedInAs()).toMatchObject({ email: ALEX.email });
  });

  it('signs the person out when the provider refuses the refresh', async () => {
    const { db, clock, session } = await signedIn();
    const config = await discover(idp, idp.clientId);
    await oidc.tokenRevocation(config, loadTokens(db)!.refreshToken!);
    clock.advance((TTL_SECONDS + 5) * 1000);
    expect(await session.getAccessToken()).toBeNull();
    expect(loadTokens(db)).toBeNull();
    expect(session.signedInAs()).toBeNull();
  });

  it('stays signed out when the sign-out comes while a refresh is on its way', async () => {
    const { db, clock, session } = await signedIn();
    clock.advance((TTL_SECONDS + 5) * 1000);
    const refreshing = session.getAccessToken();
    await session.signOut();
    expect(await refreshing).toBeNull();
    expect(loadTokens(db)).toBeNull();
    expect(session.signedInAs()).toBeNull();
  });

  it('forgets the tokens on sign-out and revokes the refresh token at the provider', async () => {
    const { db, session } = await signedIn();
    const refreshToken = loadTokens(db)!.refreshToken!;
    await session.signOut();
    expect(loadTokens(db)).toBeNull();
    expect(await session.getAccessToken()).toBeNull();
    const config = await discover(idp, idp.clientId);
    const outcome = await oidc.refreshTokenGrant(config, refreshToken).catch((e: unknown) => e);
    expect((outcome as oidc.ResponseBodyError).error).toBe('invalid_grant');
  });
});
