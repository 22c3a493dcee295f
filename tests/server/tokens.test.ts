/** Bearer tokens the server must refuse, each with words a person can act on, and sign-in binding. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, meSchema } from '../../shared/sync/protocol';
import { createTokenVerifier } from '../../server/auth/verify-token';
import { TEST_AUDIENCE } from '../support/team/idp';
import { call } from './support/api';
import { startWorld, type World, EMAILS } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld({ testIssuer: true });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function me(token: string | undefined) {
  return call(`${world.server.url}/v1/me`, { token });
}

function expectRefused(res: { status: number; body: unknown }, words: RegExp) {
  expect(res.status).toBe(401);
  const { error } = errorBodySchema.parse(res.body);
  expect(error.code).toBe('unauthenticated');
  expect(error.message).toMatch(words);
}

describe('token refusals', () => {
  it('refuses a request with no token', async () => {
    expectRefused(await me(undefined), /not signed in/);
  });

  it('refuses an expired token (beyond the small clock tolerance) and asks to sign in again', async () => {
    const iat = Math.floor(Date.now() / 1000) - 3600;
    expectRefused(await me(await world.issuer!.token(EMAILS.alex, { iat, ttlSec: 600 })), /expired/);
  });

  it('refuses a token it checked before once that token has expired: a remembered check never outlives the token', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const token = await world.issuer!.token(EMAILS.alex, { iat, ttlSec: 60 });
    let now = new Date(iat * 1000);
    const verify = createTokenVerifier({ issuer: world.issuer!.issuer, audience: TEST_AUDIENCE, jwksUri: world.issuer!.jwksUri, clockToleranceSec: 5, currentDate: () => now });
    await expect(verify(token)).resolves.toMatchObject({ email: EMAILS.alex, expiresAt: iat + 60 });
    now = new Date((iat + 30) * 1000);
    await expect(verify(token)).resolves.toMatchObject({ email: EMAILS.alex });
    now = new Date((iat + 66) * 1000);
    await expect(verify(token)).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    expectRefused(await me(await world.issuer!.token(EMAILS.alex, { foreignKey: true })), /could not be checked/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    expectRefused(await me(await world.issuer!.token(EMAILS.alex, { audience: 'https://other.test/api' })), /not for this team server/);
    expectRefused(await me(await world.issuer!.token(EMAILS.alex, { issuer: 'https://evil.test' })), /not for this team server/);
  });

  it('refuses a token that is not a JWT, or an unsigned one', async () => {
    expectRefused(await me('not-a-token'), /could not be checked/);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ sub: 'x', email: EMAILS.alex, iss: world.issuer!.issuer })).toString('base64url');
    expectRefused(await me(`${header}.${claims}.`), /could not be checked/);
  });

  it('refuses a token with no email to bind the person by', async () => {
    const token = await world.issuer!.token('', { claims: { email: undefined } });
    expectRefused(await me(token), /did not say who you are/);
  });
});

describe('sign-in binding', () => {
  it('binds the granted person on first sign-in and refuses another sign-in claiming the same email', async () => {
    const first = meSchema.parse((await me(await world.token('bea'))).body);
    expect(first.person.id).toBe(world.ids.bea);
    const impostor = await me(await world.issuer!.token(EMAILS.bea, { sub: 'someone-else' }));
    expect(impostor.status).toBe(403);
    expect(errorBodySchema.parse(impostor.body).error.message).toMatch(/linked to a different sign-in/);
  });
});
