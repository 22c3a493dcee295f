/**
 * The provider's interaction routes: the sign-in page and the consent step. oidc-provider sends the
 * browser to /interaction/<uid> whenever it needs the person (login) or their consent; these
 * handlers answer, then hand back with interactionFinished, which redirects to the authorisation
 * endpoint to carry on. Consent is given automatically for the first-party desktop client: it is the
 * trust's own app asking for the person's own identity, so a consent screen would only teach people
 * to click through (oidc-provider always asks native clients, hence this step is never skipped).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import type { AccountBook } from './accounts';
import { escapeHtml, loginPage } from './login-page';

const WRONG_SIGN_IN = 'The email or password is not right. Check them and try again.';
const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('The sign-in form was too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No script on these pages; forbid any so an injected one could not run either. Browsers apply
    // form-action to the redirects after the submit too, and the last one goes to the app's loopback
    // listener (any port, RFC 8252 §7.3), so that origin is allowed beside this one.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*",
  });
  res.end(html);
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Grants what the provider says is missing: the OIDC scopes and claims and each resource's scopes. */
async function autoConsent(
  provider: Provider,
  details: InteractionDetails,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id);
  if (!accountId) throw new Error('consent asked before sign-in');
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  const scopes = list(missing.missingOIDCScope);
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const claims = list(missing.missingOIDCClaims);
  if (claims.length > 0) grant.addOIDCClaims(claims);
  const resourceScopes = (missing.missingResourceScopes ?? {}) as Record<string, unknown>;
  for (const [indicator, wanted] of Object.entries(resourceScopes)) grant.addResourceScope(indicator, list(wanted).join(' '));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

export interface InteractionRoutes {
  /** Answers the request if it is an interaction route; false when it is the provider's to answer. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export function interactionRoutes(provider: Provider, book: AccountBook, firstPartyClientId: string): InteractionRoutes {
  async function showOrConsent(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      send(res, 200, loginPage({ action: `/interaction/${uid}/login` }));
      return;
    }
    if (details.prompt.name === 'consent' && details.params.client_id === firstPartyClientId) {
      await autoConsent(provider, details, req, res);
      return;
    }
    send(res, 400, `<!doctype html><title>Not allowed</title><p>${escapeHtml(`This sign-in cannot continue (${details.prompt.name}).`)}</p>`);
  }

  async function submitLogin(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name !== 'login') throw new Error('this sign-in is not waiting for a password');
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const account = book.authenticate(email, form.get('password') ?? '');
    if (!account) {
      // 401 with the form again: the person sees why beside the field and nothing is issued.
      send(res, 401, loginPage({ action: `/interaction/${uid}/login`, email, error: WRONG_SIGN_IN }));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://idp.invalid');
      const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(url.pathname);
      if (!match) return false;
      const uid = match[1]!;
      if (match[2] && req.method === 'POST') await submitLogin(req, res, uid);
      else if (!match[2] && req.method === 'GET') await showOrConsent(req, res, uid);
      else send(res, 405, '<!doctype html><title>Not allowed</title><p>That request is not allowed here.</p>');
      return true;
    },
  };
}
