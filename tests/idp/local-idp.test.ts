/**
 * The local provider (server/idp/local-idp.ts) through the test driver (tests/support/team/idp.ts):
 * a real code + PKCE sign-in gives a JWT access token the team server can verify with jose against
 * the provider's JWKS, with the claims it reads; a wrong password gives the form back and no code.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browse, SignInRefused, signInAs, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../support/team/idp';

let idp: TestIdp;

beforeAll(async () => {
  idp = await startIdp();
});
afterAll(async () => {
  await idp.stop();
});

describe('the local identity provider', () => {
  it('signs a person in with code + PKCE and issues a JWT access token for the team server', async () => {
    const tokens = await signInAs(idp, 'alex.clinician@thrive.test', TEST_PASSWORD);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.refresh_token).toBeTruthy();
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(idp.jwksUri)), {
      issuer: idp.issuer,
      audience: TEST_AUDIENCE,
      algorithms: ['RS256'],
    });
    expect(protectedHeader.typ).toBe('at+jwt');
    expect(payload).toMatchObject({ email: 'alex.clinician@thrive.test', name: 'Alex Morgan', client_id: 'thrive-desktop' });
    expect(payload.sub).toMatch(/^local-[0-9a-f]{24}$/);
    expect(tokens.claims()).toMatchObject({ sub: payload.sub, email: 'alex.clinician@thrive.test', name: 'Alex Morgan' });
  });

  it('gives each person the same subject at every sign-in and a different one from anyone else', async () => {
    const a1 = decodeJwt((await signInAs(idp, 'alex.clinician@thrive.test', TEST_PASSWORD)).access_token).sub;
    const a2 = decodeJwt((await signInAs(idp, 'ALEX.clinician@thrive.test', TEST_PASSWORD)).access_token).sub;
    const b = decodeJwt((await signInAs(idp, 'bea.clinician@thrive.test', TEST_PASSWORD)).access_token).sub;
    expect(a1).toBe(a2);
    expect(b).not.toBe(a1);
  });

  it('shows the login form again with the reason beside the field on a wrong password, and gives no code', async () => {
    const refusal = await signInAs(idp, 'alex.clinician@thrive.test', 'wrong password').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SignInRefused);
    const page = (refusal as SignInRefused).page;
    expect(page.status).toBe(401);
    expect(page.loginError).toBe('The email or password is not right. Check them and try again.');
    expect(page.body).toContain('aria-describedby="password-error"');
    expect(page.body).toContain('value="alex.clinician@thrive.test"');
  });

  describe('refuses what the desktop client may not ask for', () => {
    const ALEX = { email: 'alex.clinician@thrive.test', password: TEST_PASSWORD };
    const authorise = (params: Record<string, string>) => {
      const url = new URL(`${idp.issuer}/auth`);
      const base = { client_id: 'thrive-desktop', response_type: 'code', scope: 'openid', state: 'state-123', redirect_uri: 'http://127.0.0.1:40200/callback' };
      for (const [k, v] of Object.entries({ ...base, ...params })) if (v !== '') url.searchParams.set(k, v);
      return url;
    };
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    const toApp = (u: URL) => u.port === '40200' || u.hostname !== '127.0.0.1';

    it.each([
      ['no PKCE challenge', {}, 'invalid_request'],
      ['the plain PKCE method', { code_challenge: challenge, code_challenge_method: 'plain' }, 'invalid_request'],
      ['an implicit token', { code_challenge: challenge, code_challenge_method: 'S256', response_type: 'token' }, 'unsupported_response_type'],
    ])('%s', async (_name, params, error) => {
      const page = await browse(authorise(params), ALEX, { isAppRedirect: toApp });
      // The error comes back in the query, or in the fragment for a response type that would use it.
      const answer = new URLSearchParams(page.redirect?.search || page.redirect?.hash.slice(1));
      expect(answer.get('error')).toBe(error);
      expect(answer.has('code')).toBe(false);
      expect(answer.has('access_token')).toBe(false);
    });

    it.each([
      ['a host that is not loopback', 'http://thrive.example/callback'],
      ['another path on loopback', 'http://127.0.0.1:40200/elsewhere'],
      ['https loopback', 'https://127.0.0.1:40200/callback'],
    ])('a redirect to %s: an error page, never a redirect', async (_name, redirectUri) => {
      const page = await browse(authorise({ redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }), ALEX, {
        isAppRedirect: toApp,
      });
      expect(page.redirect).toBeUndefined();
      expect(page.status).toBe(400);
      expect(page.body).toContain('redirect_uri');
    });
  });
});
