/**
 * The app's end of the browser sign-in (RFC 8252 §7.3): a one-use HTTP listener on 127.0.0.1 and a
 * port the OS picks, that waits for the identity provider to send the browser back to /callback with
 * the code. Only a callback carrying the state this sign-in made is taken; anything else (a stray tab,
 * another page probing the port) is answered 400 and the wait goes on, so it cannot cancel or take
 * over the person's sign-in. The page the browser shows says in words what happened.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';

export interface LoopbackRedirect {
  /** http://127.0.0.1:<port>/callback */
  redirectUri: string;
  /** The callback URL the browser arrived with, once one carries the expected state. */
  callback: Promise<URL>;
  /** Says how it ended on the page the browser is showing, then stops listening. */
  finish(outcome: { ok: true } | { ok: false; message: string }): void;
  close(): void;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function page(res: ServerResponse, status: number, heading: string, words: string): void {
  const escape = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    // The code is in this page's URL: it must not travel on as a Referer.
    'referrer-policy': 'no-referrer',
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(heading)}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}</style></head>` +
      `<body><main><h1>${escape(heading)}</h1><p>${escape(words)}</p></main></body></html>`,
  );
}

export async function listenForRedirect(expectedState: string): Promise<LoopbackRedirect> {
  let resolveCallback!: (url: URL) => void;
  const callback = new Promise<URL>((resolve) => (resolveCallback = resolve));
  let waiting: ServerResponse | undefined;
  let taken = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const state = url.searchParams.get('state') ?? '';
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH || taken || !sameText(state, expectedState)) {
      page(res, 400, 'Not a sign-in for THRIVE Plans', 'This page was not expected. If you are signing in, go back to THRIVE Plans and start again.');
      return;
    }
    taken = true;
    waiting = res;
    resolveCallback(new URL(`${url.pathname}${url.search}`, redirectBase));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const redirectBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return {
    redirectUri: `${redirectBase}${CALLBACK_PATH}`,
    callback,
    finish(outcome) {
      if (waiting) {
        if (outcome.ok) page(waiting, 200, 'Signed in', 'You are signed in to THRIVE Plans; you can close this tab.');
        else page(waiting, 400, 'Sign-in did not finish', `${outcome.message} Go back to THRIVE Plans and try again.`);
        waiting.once('finish', close);
        waiting = undefined;
      } else close();
    },
    close,
  };
}
