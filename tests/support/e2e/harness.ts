/**
 * The browser end-to-end harness (docs/architecture.md#testing, "End-to-end"): the built renderer
 * served by vite preview on 127.0.0.1, driven in Debian's Chromium by playwright-core, talking to the
 * real handlers and a real encrypted database file through the loopback test bridge. The page keeps
 * its strict CSP; only this test context bypasses it (the bridge is another origin).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/app-services';
import { workerBackup } from '../../../main/backup/background-backup';
import { workerCheck } from '../../../main/db/background-check';
import type { OsCrypto } from '../../../main/keys/os-crypto';
import { CONTENT_SECURITY_POLICY } from '../../../main/security';
import { createSecureSession, type SecureSession } from '../../../main/session/secure-session';
import type { SessionTimers } from '../../../main/session/timers';
import { fixedClock } from '../../../shared/clock';
import type { IsoDate } from '../../../shared/dates';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { startBridge, type Bridge } from './bridge';
import { axeLoaded, recordedCspViolations, runAxe } from './in-page';

/**
 * The repository: the nearest folder above this file with a package.json. Not a fixed number of
 * levels up, because this file also runs bundled, from dist/bench/ (the renderer bench).
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface E2eApp {
  page: Page;
  context: BrowserContext;
  /**
   * The real services behind the bridge (for checks on what was saved). In session mode there are
   * none until the page unlocks the app: reading this then throws; use `invoke` or `session`.
   */
  services: AppServices;
  /** The SecureSession behind the bridge, in session mode only. */
  session: SecureSession | null;
  /** One call as the page would make it (through the session in session mode). */
  invoke(channel: string, rawArgs: unknown): ReturnType<AppServices['invoke']>;
  dbPath: string;
  /** Moves the app's "today" through the bridge's test endpoint. */
  setToday(day: IsoDate): Promise<void>;
  /** CSP violations the page reported (recorded only when launched with csp: 'enforce'). */
  cspViolations(): Promise<string[]>;
  /** Saves test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Uncaught page errors and console errors seen so far. */
  pageErrors: string[];
  /** What the services logged (slow handlers, internal errors). */
  serviceLog: string[];
  /**
   * Closes the page, its context, the bridge and the services (closing the database). The database
   * folder is deleted unless `keepDatabase`, which lets a spec launch the app again on the same file
   * (`launchApp(suite, { dbPath })`), as a clinician closing and reopening the app would.
   */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** `npm test` builds first; a bare `vitest run --project e2e` builds the renderer once here. */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--config', 'vite.config.mts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** In-page source of `(channel, args) => Promise<IpcResult>` over the loopback bridge. */
function fetchTransport(bridge: Bridge): string {
  return `async (channel, args) => {
    const response = await fetch(${JSON.stringify(bridge.url)} + '/invoke/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { authorization: ${JSON.stringify(`Bearer ${bridge.token}`)}, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    return response.json();
  }`;
}

/**
 * In-page source of the same transport over a Playwright binding (a DevTools-protocol call, which no
 * CSP governs), for the spec that runs the page under the app's strict CSP with nothing bypassed.
 */
const BINDING_NAME = '__thriveInvoke';
const bindingTransport = `(channel, args) => window.${BINDING_NAME}(channel, args)`;

/** The same window.api the preload builds (see shared/ipc/build-api.ts), over `transport`. */
function apiInitScript(transport: string): string {
  return `(() => {
  const transport = ${transport};
  const channels = ${JSON.stringify(CHANNEL_NAMES)};
  const api = {};
  for (const channel of channels) {
    const colon = channel.indexOf(':');
    const domain = channel.slice(0, colon);
    const verb = channel.slice(colon + 1);
    api[domain] = api[domain] || {};
    api[domain][verb] = (args) => transport(channel, args === undefined ? {} : args);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();`;
}

/** Records every CSP violation the page reports, for the strict-CSP spec to read. */
const CSP_RECORDER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sample ? ' (' + e.sample + ')' : ''));
  });
})();`;

export interface Suite {
  browser: Browser;
  previewServer: PreviewServer;
  baseUrl: string;
  close(): Promise<void>;
}

/** One browser and one preview server per spec file. */
export async function startSuite(): Promise<Suite> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  ensureRendererBuilt();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const previewServer = await preview({
    // The config's root is renderer/ and its outDir ../dist/renderer; pin the root so cwd never matters.
    root: path.join(REPO_ROOT, 'renderer'),
    configFile: path.join(REPO_ROOT, 'vite.config.mts'),
    logLevel: 'warn',
    // Served with the CSP that main/protocol.ts sends from app://, as well as the page's own meta tag.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  });
  const baseUrl = previewServer.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report its URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    previewServer,
    baseUrl,
    async close() {
      await browser.close();
      await previewServer.close();
    },
  };
}

function isHarnessFolder(dir: string): boolean {
  return path.dirname(dir) === path.resolve(tmpdir()) && path.basename(dir).startsWith('thrive-e2e-');
}

/**
 * The main process's idle backstop, held still: the lock journeys drive auto-lock from the renderer's
 * own idle timer (under Playwright's fake page clock), and a real-time backstop would lock the app
 * under a slow run at moments the spec did not choose. The backstop has its own tests (tests/session).
 */
export const stillTimers: SessionTimers = {
  setTimeout: () => ({}),
  clearTimeout: () => undefined,
  now: () => Date.now(),
};

/**
 * Stands in for Electron safeStorage in session mode: a reversible transform bound to this "computer"
 * (a random pad), so a keystore wrapped here does not open under another fake.
 */
export function fakeOsCrypto(): OsCrypto {
  const pad = randomBytes(32);
  const xor = (data: Buffer) => Buffer.from(data.map((byte, i) => byte ^ (pad[i % pad.length] as number)));
  const marker = Buffer.from('fake-os:', 'utf8');
  return {
    encrypt: (data) => Buffer.concat([marker, xor(data)]),
    decrypt: (data) => {
      if (!data.subarray(0, marker.length).equals(marker)) throw new Error('protected by another computer');
      return xor(data.subarray(marker.length));
    },
  };
}

/** The app open on its first screen, on a fresh encrypted database (or an existing one: `dbPath`). */
export async function launchApp(
  suite: Suite,
  opts: {
    today: IsoDate;
    /** Runs on the services before the page first loads (e.g. an existing profile). */
    setup?: (services: AppServices) => void;
    /**
     * 'bypass' (default): the TOOLCHAIN pattern, window.api over fetch to the bridge, CSP bypassed
     * in this context only. 'enforce': the app's CSP applies in full and window.api goes over a
     * Playwright binding instead of the network.
     */
    csp?: 'bypass' | 'enforce';
    /**
     * An existing database (with its `.key` file beside it) left by an earlier `close({ keepDatabase:
     * true })`; the app is launched on it again. Default: a fresh database in a new temporary folder.
     */
    dbPath?: string;
    /**
     * Run the app's SecureSession behind the bridge (as main/index.ts does) instead of headless
     * services opened with a key file: a new install starts at "Protect these records", the lock
     * channels really lock, and the database is closed while locked. `os` is the OS protection
     * (null: none, as on Linux's basic_text; default null). `setup` is not available (no services
     * exist before the page sets a passphrase).
     */
    session?: { os?: OsCrypto | null; timers?: SessionTimers };
    /**
     * Install Playwright's fake clock in the page before it loads (time still flows; the spec jumps
     * it on with `page.clock.fastForward`), so the renderer's idle lock can be passed without waiting.
     */
    pageClock?: boolean;
    /** Team sync behind the handlers, as main/sync/engine-app.ts gives it (tests/support/e2e/team-sync-app.ts). */
    sync?: AppServicesOptions['sync'];
  },
): Promise<E2eApp> {
  const enforceCsp = opts.csp === 'enforce';
  if (opts.dbPath !== undefined && !existsSync(opts.dbPath)) throw new Error(`no database to relaunch on at ${opts.dbPath}`);
  const dbPath = opts.dbPath ?? path.join(mkdtempSync(path.join(tmpdir(), 'thrive-e2e-')), 'thrive.db');
  const dir = path.dirname(dbPath);
  const clock = fixedClock(opts.today);
  // Handler timings over 40 ms and internal errors, as the app would log them.
  const serviceLog: string[] = [];
  const log = (message: string) => serviceLog.push(message);
  let services: AppServices | null = null;
  let session: SecureSession | null = null;
  if (opts.session) {
    if (opts.setup) throw new Error('launchApp: `setup` needs headless services; in session mode drive the page instead');
    session = createSecureSession({
      dbPath,
      os: opts.session.os ?? null,
      clock,
      log,
      timers: opts.session.timers ?? stillTimers,
      // As the app: the check at unlock in the worker thread the build puts beside the main bundle.
      backgroundCheck: workerCheck(path.join(REPO_ROOT, 'dist', 'main', 'db-worker.js')),
      backgroundBackup: workerBackup(path.join(REPO_ROOT, 'dist', 'main', 'db-worker.js')),
    });
  } else {
    // The page's own database, made here as `thrive init` would (a missing one is otherwise refused).
    services = createAppServices({ dbPath, create: true, clock, log, ...(opts.sync ? { sync: opts.sync } : {}) });
    opts.setup?.(services);
  }
  const invoke = (channel: string, rawArgs: unknown): ReturnType<AppServices['invoke']> =>
    session ? session.invoke(channel, rawArgs) : (services as AppServices).invoke(channel, rawArgs);
  // The page's calls go as ipcMain sends them: in session mode a write waits for the check at unlock.
  const serve = (channel: string, rawArgs: unknown) => (session ? session.invokeWhenChecked(channel, rawArgs) : invoke(channel, rawArgs));
  const origin = new URL(suite.baseUrl).origin;
  const bridge = await startBridge({
    invoke: serve,
    setToday: (day) => clock.set(day),
    allowedOrigin: origin,
  });

  const context = await suite.browser.newContext({
    bypassCSP: !enforceCsp,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  if (enforceCsp) {
    await context.exposeBinding(BINDING_NAME, (_source, channel: string, args: unknown) => serve(channel, args));
    await context.addInitScript({ content: CSP_RECORDER });
    await context.addInitScript({ content: apiInitScript(bindingTransport) });
  } else {
    await context.addInitScript({ content: apiInitScript(fetchTransport(bridge)) });
  }
  if (opts.pageClock) await context.clock.install();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    // Chromium asks for /favicon.ico by itself; the renderer declares no icon. Not the app's error.
    if (new URL(url, suite.baseUrl).pathname === '/favicon.ico') return;
    pageErrors.push(`console.error: ${message.text()} (${url})`);
  });
  await page.goto(suite.baseUrl);

  return {
    page,
    context,
    get services(): AppServices {
      if (!services) throw new Error('session mode: the services live inside the session; use app.invoke or app.session');
      return services;
    },
    session,
    invoke,
    dbPath,
    pageErrors,
    serviceLog,
    async setToday(day) {
      const response = await fetch(`${bridge.url}/__test/today`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ today: day }),
      });
      if (!response.ok) throw new Error(`could not set today: ${response.status} ${await response.text()}`);
    },
    async cspViolations() {
      return page.evaluate(recordedCspViolations);
    },
    async screenshot(name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close(closeOpts) {
      await context.close();
      await bridge.close();
      if (session) session.close();
      else services?.close();
      // Only ever a folder this harness made (a relaunch reuses one), never a caller's own folder.
      if (!closeOpts?.keepDatabase && isHarnessFolder(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// From this file's path, not import.meta.url: a CommonJS bundle (the bench) has no import.meta.
const require = createRequire(__filename);
const axeSource = (require('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; returns its violations (empty when the screen passes). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(axeLoaded))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(runAxe);
}

export function describeViolations(screen: string, violations: AxeViolation[]): string {
  return violations.map((v) => `${screen}: ${v.id} (${v.impact ?? 'n/a'}) ${v.help} → ${v.targets.join(', ')}`).join('\n');
}
