// The reference (not an import: the file only declares a module) brings the ambient types of oidc-provider
// into every program that compiles this file, tsconfig.node.json and the server's alike.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./oidc-provider.d.ts" />
/**
 * A real OpenID Connect provider (oidc-provider 9) with fictional accounts, for the tests and the local
 * trial. Nothing here is a shortcut: the desktop (main/sync/sign-in.ts) and the test driver
 * (tests/support/team/idp.ts) sign in through its real authorisation, login, consent and token
 * endpoints, and the team server verifies its JWT access tokens against its real JWKS.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { accountBook, type IdpAccount } from './accounts';
import { escapeHtml } from './login-page';
import { interactionRoutes } from './interactions';
import { DESKTOP_CLIENT_ID, providerConfig } from './provider-config';

export type { IdpAccount } from './accounts';
export { DESKTOP_CLIENT_ID, SYNC_SCOPE } from './provider-config';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export interface LocalIdpOptions {
  /** 0 or absent: a free port the OS picks. */
  port?: number;
  host?: string;
  accounts: readonly IdpAccount[];
  /** The team server's audience (the `aud` of access tokens); an absolute URI, used as its resource indicator. */
  audience: string;
  /** Default 300 s; tests pass a few seconds to see expiry and refresh. */
  accessTokenTtlSeconds?: number;
  /** Default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** The issuer as clients see it, when that is not http://host:port (behind a TLS proxy). */
  issuerUrl?: string;
  /** Default 'thrive-desktop'. */
  clientId?: string;
  /** A private RS256 JWK; a fresh key is made at each start when absent. */
  signingKey?: JWK;
}

export interface LocalIdp {
  issuer: string;
  clientId: string;
  audience: string;
  /** Where the team server fetches the keys that verify access tokens. */
  jwksUri: string;
  stop(): Promise<void>;
}

async function freshSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: 'RS256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

function assertAbsoluteUri(audience: string): void {
  const parsed = URL.parse(audience);
  if (!parsed || parsed.hash) {
    throw new Error(`The audience must be an absolute URI without a fragment (it is the resource indicator): ${audience}`);
  }
}

function failurePage(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // oidc-provider's own errors (an expired interaction, a missing cookie) carry a status and a
  // description a person can act on; anything else is ours and said plainly.
  const e = error as { statusCode?: number; error_description?: string; message?: string };
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  const words = status === 500 ? 'The sign-in page failed. Close this tab and sign in again from THRIVE Plans.' : (e.error_description ?? e.message ?? 'Bad request');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><title>Sign-in problem</title><main><h1>Sign-in problem</h1><p>${escapeHtml(words)}</p></main></html>`);
}

export async function startLocalIdp(options: LocalIdpOptions): Promise<LocalIdp> {
  assertAbsoluteUri(options.audience);
  const host = options.host ?? '127.0.0.1';
  const clientId = options.clientId ?? DESKTOP_CLIENT_ID;
  const book = accountBook(options.accounts);
  let handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => failurePage(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = (options.issuerUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, '');
  const provider = new Provider(
    issuer,
    providerConfig({
      book,
      clientId,
      audience: options.audience,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600,
      signingKey: options.signingKey ?? (await freshSigningKey()),
      cookieKeys: [randomBytes(32).toString('base64url')],
    }),
  );
  // Behind a TLS proxy (issuerUrl https) the requests arrive as plain HTTP: trust the proxy's
  // forwarded protocol so the provider's cookies are marked secure as the browser expects.
  if (options.issuerUrl?.startsWith('https:')) provider.proxy = true;
  const providerCallback = provider.callback();
  const interactions = interactionRoutes(provider, book, clientId);
  handler = async (req, res) => {
    if (!(await interactions.handle(req, res))) providerCallback(req, res);
  };
  return {
    issuer,
    clientId,
    audience: options.audience,
    jwksUri: `${issuer}/jwks`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
