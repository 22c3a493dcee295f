/**
 * The configuration of the local OpenID Connect provider (server/idp/local-idp.ts), kept apart from
 * starting it so each decision is in one place with its reason. It stands in for a trust's real
 * provider (Entra ID, NHS CIS2) and so is configured the way the desktop will meet one: a public
 * native client, authorisation code with PKCE S256 only, loopback redirects on any port (RFC 8252
 * §7.3), refresh tokens, and JWT access tokens for the team server's audience (RFC 8707 resource
 * indicators; RFC 9068 access-token JWTs).
 */
import type { JWK } from 'jose';
import { errors } from 'oidc-provider';
import type { AccountBook } from './accounts';
import { escapeHtml } from './login-page';
import { memoryAdapterFactory } from './memory-adapter';

export const DESKTOP_CLIENT_ID = 'thrive-desktop';
/** The scope of the team server as a resource: the desktop asks for it beside openid. */
export const SYNC_SCOPE = 'sync';

export interface ProviderConfigInput {
  book: AccountBook;
  clientId: string;
  /** The team server's audience; also its resource indicator, so it must be an absolute URI. */
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  signingKey: JWK;
  cookieKeys: string[];
}

function desktopClient(clientId: string): Record<string, unknown> {
  return {
    client_id: clientId,
    // Native + no secret: an installed app cannot keep one (RFC 8252 §8.5); PKCE binds the code instead.
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    // For a native client oidc-provider matches a loopback redirect whatever its port (models/client.js
    // #redirectAllowed), which is what RFC 8252 §7.3 asks: the app listens on a port the OS chose.
    redirect_uris: [`http://127.0.0.1/callback`],
    post_logout_redirect_uris: [`http://127.0.0.1/signed-out`],
  };
}

function resourceServerInfo(input: ProviderConfigInput) {
  return async (_ctx: unknown, indicator: string) => {
    if (indicator !== input.audience) throw new errors.InvalidTarget('this provider issues tokens only for the team server');
    return {
      scope: SYNC_SCOPE,
      audience: input.audience,
      accessTokenFormat: 'jwt',
      accessTokenTTL: input.accessTokenTtlSeconds,
      jwt: { sign: { alg: 'RS256' } },
    };
  };
}

interface TokenLike {
  kind: string;
  accountId?: string;
}

export function providerConfig(input: ProviderConfigInput): Record<string, unknown> {
  const { book } = input;
  return {
    adapter: memoryAdapterFactory(),
    clients: [desktopClient(input.clientId)],
    async findAccount(_ctx: unknown, subject: string) {
      const account = book.bySubject(subject);
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: async () => ({ sub: subject, email: account.email, email_verified: true, name: account.name }),
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'offline_access'],
    // The ID token carries email and name too: the desktop shows who signed in without a userinfo call.
    conformIdTokenClaims: false,
    // The team server reads who is calling from the access token alone (server/ verifies it with jose).
    async extraTokenClaims(_ctx: unknown, token: TokenLike) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = book.bySubject(token.accountId);
      return account ? { email: account.email, name: account.name } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      // Sign-out revokes the refresh token; a client may revoke only its own tokens.
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        // Every request is for the team server, whether or not the client names it.
        defaultResource: async () => input.audience,
        // Without this a code or refresh token with openid would yield an opaque userinfo token.
        useGrantedResource: async () => true,
        getResourceServerInfo: resourceServerInfo(input),
      },
    },
    pkce: { required: () => true },
    // A request the provider cannot send back to the app (an unknown client or redirect) ends on this
    // page; it says what to do in the same plain words and style as the login page.
    async renderError(ctx: { type: string; body: unknown }, out: { error?: string; error_description?: string }) {
      ctx.type = 'html';
      const why = escapeHtml(out.error_description ?? out.error ?? 'The request was not valid.');
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in problem</title></head><body><main><h1>Sign-in problem</h1><p>${why}</p><p>Close this tab and sign in again from THRIVE Plans.</p></main></body></html>`;
    },
    interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: input.cookieKeys },
    jwks: { keys: [input.signingKey] },
    ttl: {
      AccessToken: input.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: input.refreshTokenTtlSeconds,
      RefreshToken: input.refreshTokenTtlSeconds,
    },
    // Rotate on every use: a public client cannot prove who holds its refresh token, so a copy used
    // after the real app has refreshed is refused (RFC 9700 §4.14.2).
    rotateRefreshToken: () => true,
    // The desktop calls from Node, never from a web page: no origin needs CORS.
    clientBasedCORS: () => false,
  };
}
