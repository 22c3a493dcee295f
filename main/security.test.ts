import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
  APP_ENTRY_URL,
  blockRemoteRequests,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardWebContents,
  isAllowedExternalUrl,
  isTrustedSender,
  REMOTE_URL_PATTERNS,
  windowOptions,
} from './security';

// No vi.mock('electron'): security.ts needs Electron's types only, and this proves it.
const openExternal = vi.fn(async (_url: string) => undefined);

type Listener = (event: { url: string; preventDefault: () => void }) => void;

/** A stand-in WebContents that records the listeners the guard installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0], openExternal);
  return {
    /** Fires an event; returns whether the guard prevented it. */
    fire(name: string, url = 'app://thrive/index.html'): boolean {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      let prevented = false;
      listener({ url, preventDefault: () => (prevented = true) });
      return prevented;
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

beforeEach(() => openExternal.mockClear());

describe('window options', () => {
  it('isolates the page from Node and Electron', () => {
    const prefs = windowOptions({ preloadPath: '/app/dist/main/preload.js', isPackaged: true }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/main/preload.js',
    });
  });

  it('offers developer tools only in an unpackaged (development) build', () => {
    expect(windowOptions({ preloadPath: 'p', isPackaged: true }).webPreferences?.devTools).toBe(false);
    expect(windowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows no inline code, eval or remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:|blob:/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, frames and base-URL tricks', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('navigation guards', () => {
  it('lets the page move within the app origin', () => {
    const contents = fakeContents();
    expect(contents.fire('will-navigate', 'app://thrive/index.html#/cases/1')).toBe(false);
    expect(contents.fire('will-redirect', 'app://thrive/index.html')).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://thrive.evil.example/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url',
  ])('refuses navigation to %s', (url) => {
    const contents = fakeContents();
    expect(contents.fire('will-navigate', url)).toBe(true);
    expect(contents.fire('will-frame-navigate', url)).toBe(true);
    expect(contents.fire('will-redirect', url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('sends an allow-listed https link to the system browser instead of navigating', () => {
    const contents = fakeContents();
    expect(contents.fire('will-navigate', 'https://www.implementingthrive.org/about-us/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.implementingthrive.org/about-us/');
  });

  it('never opens a new window, and opens only allow-listed links externally', () => {
    const contents = fakeContents();
    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('app://thrive/index.html')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.open('https://www.nhs.uk/mental-health/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a <webview>', () => {
    expect(fakeContents().fire('will-attach-webview')).toBe(true);
  });
});

describe('external links allow-list', () => {
  it.each([
    ['https://www.implementingthrive.org/', true],
    ['https://www.nhs.uk/conditions/', true],
    ['http://www.nhs.uk/', false],
    ['https://www.nhs.uk.evil.example/', false],
    ['https://evil.example/?u=https://www.nhs.uk', false],
    ['https://user:pw@www.nhs.uk/', false],
    ['https://www.nhs.uk:8443/', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['mailto:someone@nhs.net', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('permissions', () => {
  it('denies every permission request, check and device request', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    } as unknown as Parameters<typeof denyAllPermissions>[0]);

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'app://thrive', {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://thrive' })).toBe(false);
  });
});

describe('IPC sender check', () => {
  const top = (url: string) => ({ url, parent: null });

  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender(top(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(top('app://thrive/index.html#/caseload'))).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://thrive.evil/index.html',
    'https://thrive/index.html',
    'http://127.0.0.1:4173/',
    'file:///app/dist/renderer/index.html',
    'about:blank',
    '',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });

  it('refuses a destroyed frame and any sub-frame, even one on the app origin', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    const parent = top(APP_ENTRY_URL);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent } as unknown as Parameters<typeof isTrustedSender>[0])).toBe(false);
  });

  it('does not rely on URL.origin, which is "null" for app://', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(new URL('app://evil/').origin).toBe('null');
  });
});

describe('remote requests', () => {
  type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

  /** Installs the filter on a stand-in session; returns what it filters and how it answers a URL. */
  function filtered() {
    let filter: { urls: string[] } | undefined;
    let listener: Listener | undefined;
    const logged: string[] = [];
    blockRemoteRequests(
      {
        webRequest: {
          onBeforeRequest: ((f: { urls: string[] }, l: Listener) => {
            filter = f;
            listener = l;
          }) as unknown as Parameters<typeof blockRemoteRequests>[0]['webRequest']['onBeforeRequest'],
        },
      },
      (message) => logged.push(message),
    );
    return {
      patterns: filter?.urls ?? [],
      answer(url: string) {
        let response: { cancel: boolean } | undefined;
        listener?.({ url }, (r) => (response = r));
        return response;
      },
      logged,
    };
  }

  /** Electron's URL pattern match, enough for scheme://host/path patterns with * wildcards. */
  const matches = (pattern: string, url: string) => {
    const [scheme = ''] = pattern.split('://');
    return url.startsWith(`${scheme}://`);
  };

  it.each([
    'https://evil.example/collect?name=Alex',
    'http://127.0.0.1:8080/',
    'wss://evil.example/socket',
    'ws://localhost/',
    'file:///etc/passwd',
  ])('cancels %s before it leaves the machine', (url) => {
    const session = filtered();
    expect(session.patterns.some((p) => matches(p, url))).toBe(true);
    expect(session.answer(url)).toEqual({ cancel: true });
  });

  it("never filters the app's own origin", () => {
    expect(REMOTE_URL_PATTERNS.some((p) => matches(p, APP_ENTRY_URL))).toBe(false);
    expect(filtered().patterns.some((p) => matches(p, 'app://thrive/assets/index.js'))).toBe(false);
  });

  it('logs the scheme only, never the URL (which may carry record data)', () => {
    const session = filtered();
    session.answer('https://evil.example/collect?name=Alex%20Morgan');
    expect(session.logged).toEqual(['blocked a https: request']);
  });
});
