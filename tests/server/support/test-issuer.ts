/**
 * A token issuer for the server's token tests: a real key pair (jose), its public key served as a real
 * JWKS over loopback HTTP with a discovery document, and tokens minted with any claims, lifetime or
 * key — what the refusal tests (expired, wrongly signed, wrong audience) need and a real provider will
 * not issue. Sign-in itself is tested through the real provider (tests/support/team/idp.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

export const TEST_AUDIENCE = 'https://thrive-team.test/api';

export interface TestIssuer {
  issuer: string;
  jwksUri: string;
  /** A token for `email` (sub defaults to `sub-<email>`), valid for `ttlSec` from `now`. */
  token(email: string, extra?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export interface TokenOptions {
  sub?: string;
  name?: string;
  audience?: string;
  issuer?: string;
  ttlSec?: number;
  /** Seconds since the epoch the token is issued at (default now). */
  iat?: number;
  /** Sign with a key the JWKS does not hold. */
  foreignKey?: boolean;
  claims?: JWTPayload;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server = http.createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks` }
        : req.url === '/jwks'
          ? { keys: [jwk] }
          : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (key: CryptoKey, email: string, o: TokenOptions) => {
    const iat = o.iat ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ email, name: o.name ?? email.split('@')[0], ...o.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(o.issuer ?? issuer)
      .setAudience(o.audience ?? TEST_AUDIENCE)
      .setSubject(o.sub ?? `sub-${email}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (o.ttlSec ?? 300))
      .sign(key);
  };
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    token: (email, o = {}) => sign(o.foreignKey ? foreign.privateKey : privateKey, email, o),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
