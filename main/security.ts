/**
 * Electron hardening in one place, so each setting is asserted by main/security.test.ts rather than
 * trusted to stay put: window options, the Content Security Policy, navigation and window-open
 * guards, permission denial, the IPC sender check and the shell.openExternal allow-list.
 * (Electron's security checklist: https://www.electronjs.org/docs/latest/tutorial/security)
 */
// Types only: this module has no run-time dependency on Electron, so the unit tests and the e2e
// harness (which serves the renderer under this same CSP) load it without an Electron binary.
import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';

/** The renderer is served from this origin by main/protocol.ts; nothing else is ever trusted. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'thrive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * No remote content, no inline script or style, no eval. `style-src 'self'` still lets React set
 * element.style (CSSOM is not governed by CSP); it only blocks inline <style> and style="" markup.
 * `connect-src 'self'` is the reason the e2e bypasses CSP in its browser context rather than
 * loosening this policy for its loopback bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ');

/**
 * Hosts clinicians may be sent to from a link in the app (THRIVE framework and Current View guidance).
 * Anything else is dropped: a link in user-entered text must never open an arbitrary site.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'implementingthrive.org',
  'www.implementingthrive.org',
  'www.annafreud.org',
  'www.corc.uk.net',
  'www.nhs.uk',
];

export function windowOptions(opts: { preloadPath: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'THRIVE Plans',
    // Shown on 'ready-to-show' so the clinician never sees an unstyled flash.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A packaged build must not hand anyone at the keyboard a console into the records.
      devTools: !opts.isPackaged,
    },
  };
}

function parsedUrl(rawUrl: string): URL | null {
  try {
    return new URL(rawUrl);
  } catch {
    return null;
  }
}

/** True only for a URL on the app's own origin (`app://thrive/...`). */
export function isAppUrl(rawUrl: string): boolean {
  const url = parsedUrl(rawUrl);
  if (!url) return false;
  // URL.origin of a non-special scheme such as app:// is the string "null", so compare the parts.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Every IPC handler asks this before doing anything: the message must come from the app's own page,
 * in the top frame. A null frame (navigated away or destroyed) is never trusted.
 */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** https only, exact host from EXTERNAL_HOSTS, no credentials or odd ports. */
export function isAllowedExternalUrl(rawUrl: string): boolean {
  const url = parsedUrl(rawUrl);
  if (!url) return false;
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOSTS.includes(url.hostname)
  );
}

/** Opens the link with `openExternal` (Electron's shell.openExternal) only if it is allow-listed. */
export function openExternalIfAllowed(rawUrl: string, openExternal: (url: string) => unknown): boolean {
  if (!isAllowedExternalUrl(rawUrl)) return false;
  void openExternal(rawUrl);
  return true;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), so a guard cannot be
 * forgotten on a new window. The page may move within app://thrive; every other navigation,
 * redirect, popup and <webview> is refused. Allow-listed https links open in the system browser.
 */
export function guardWebContents(contents: GuardedContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      openExternalIfAllowed(event.url, openExternal);
    }
  });
  // Sub-frames too: the CSP already forbids frames, this is the second lock on the same door.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** The app needs no camera, microphone, location, notifications, USB, HID or serial: deny them all. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * URL patterns of everything that is not the app's own origin: the web, websockets and local files.
 * (Electron's filter syntax; app:// is served by main/protocol.ts and never matches.)
 */
export const REMOTE_URL_PATTERNS: readonly string[] = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'];

type FilteredSession = { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * No remote content, second lock: the CSP already stops the page loading anything but 'self', but
 * the CSP does not govern the preload's isolated world, a devtools session or a bug that navigates a
 * frame. Every request from this session to the web, a websocket or a local file is cancelled before
 * it leaves the machine, so no record can be sent anywhere and nothing remote can be loaded.
 */
export function blockRemoteRequests(session: FilteredSession, log?: (message: string) => void): void {
  session.webRequest.onBeforeRequest({ urls: [...REMOTE_URL_PATTERNS] }, (details, callback) => {
    // The scheme only: a URL may carry record data in its query, and the log must not.
    log?.(`blocked a ${details.url.slice(0, details.url.indexOf(':') + 1)} request`);
    callback({ cancel: true });
  });
}
