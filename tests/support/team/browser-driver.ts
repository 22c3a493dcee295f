/**
 * A scripted stand-in for the person at the system browser: it follows the identity provider's
 * redirects with a cookie jar (the provider's interaction and session cookies are what tie the
 * login page to the authorisation request), fills in the real login form and submits it. It stops when
 * the browser would leave the provider for the app's loopback redirect, and either hands that URL
 * back or loads it (as a real browser would, reaching the app's listener in main/sync/sign-in.ts).
 */

export interface Credentials {
  email: string;
  password: string;
}

/** Cookies by name and path; enough of RFC 6265 for one loopback host. */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const gone = attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) < Date.now()) || value === '';
      if (gone) this.cookies.delete(`${name} ${path}`);
      else this.cookies.set(`${name} ${path}`, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** What the browser ended on. */
export interface BrowseResult {
  /** The app's redirect URL carrying code (or error) and state, when the flow reached it. */
  redirect?: URL;
  /** The last page shown: the login page again after a wrong password, or an error page. */
  status: number;
  body: string;
  /** The error written beside the password field, when the login page came back with one. */
  loginError?: string;
}

const MAX_HOPS = 20;

async function request(jar: CookieJar, url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(response.headers);
  return response;
}

function loginForm(html: string, base: URL): URL | undefined {
  if (!/name="email"/.test(html) || !/name="password"/.test(html)) return undefined;
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  return action ? new URL(action.replace(/&amp;/g, '&'), base) : undefined;
}

function loginError(html: string): string | undefined {
  const text = /<p class="error" id="password-error"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  return text?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Opens `start` and signs in with `credentials`. `isAppRedirect` says which URL belongs to the app
 * (the loopback redirect URI); with `loadAppRedirect` the driver then GETs it like a browser would.
 */
export async function browse(
  start: URL,
  credentials: Credentials,
  options: { isAppRedirect: (url: URL) => boolean; loadAppRedirect?: boolean; jar?: CookieJar },
): Promise<BrowseResult> {
  const jar = options.jar ?? new CookieJar();
  let url = start;
  let init: RequestInit = {};
  let submitted = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (options.isAppRedirect(url)) {
      if (!options.loadAppRedirect) return { redirect: url, status: 302, body: '' };
      const page = await fetch(url);
      return { redirect: url, status: page.status, body: await page.text() };
    }
    const response = await request(jar, url, init);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    const body = await response.text();
    const action = loginForm(body, url);
    if (!action || submitted) return { status: response.status, body, loginError: loginError(body) };
    submitted = true;
    url = action;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: credentials.email, password: credentials.password }).toString(),
    };
  }
  throw new Error(`The sign-in did not finish within ${MAX_HOPS} redirects`);
}

/** The person at the system browser, as main/sync/sign-in.ts's openBrowser sees them. */
export interface ScriptedBrowser {
  /** Hand this to createSignIn: it returns at once, as shell.openExternal does, and browses meanwhile. */
  openBrowser(url: string): void;
  /** What each opened URL ended on (the app's "signed in" page, or the login page with its error). */
  readonly visits: Promise<BrowseResult>[];
  /** What the first URL the app opens ends on, waiting for the app to open it. */
  firstVisit(): Promise<BrowseResult>;
}

/**
 * Signs in with `credentials` whenever the app opens the browser. With `loadAppRedirect: false` the
 * browser stops short of the app's listener and the test loads the redirect itself (to tamper with it).
 */
export function personAtBrowser(credentials: Credentials, options: { loadAppRedirect?: boolean } = {}): ScriptedBrowser {
  const visits: Promise<BrowseResult>[] = [];
  let opened!: (visit: Promise<BrowseResult>) => void;
  const first = new Promise<Promise<BrowseResult>>((resolve) => (opened = resolve));
  return {
    visits,
    firstVisit: async () => first.then((visit) => visit),
    openBrowser(url) {
      const start = new URL(url);
      const redirectUri = start.searchParams.get('redirect_uri');
      if (!redirectUri) throw new Error(`The app opened a sign-in URL without a redirect_uri: ${url}`);
      const visit = browse(start, credentials, {
        isAppRedirect: (u) => `${u.origin}${u.pathname}` === redirectUri,
        loadAppRedirect: options.loadAppRedirect ?? true,
      });
      visits.push(visit);
      opened(visit);
    },
  };
}
