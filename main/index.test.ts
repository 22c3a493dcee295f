/**
 * The main process's wiring, with Electron and the data layer replaced by recorders: what a packaged
 * app would do at start-up, observed from outside. The app lock is the real SecureSession (its keystore
 * in a temporary folder); only the opening of the database is replaced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../shared/ipc/channels';
import type { SecureSessionOptions } from './session/secure-session';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, args: unknown) => unknown;

const h = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const ipcHandlers = new Map<string, Handler>();
  const windows: Array<{ options: Record<string, unknown>; url?: string }> = [];
  const app = {
    isPackaged: true,
    getPath: () => '/home/clinician',
    setPath: () => undefined,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    on: (name: string, listener: (...args: unknown[]) => unknown) => {
      appListeners.set(name, listener);
      return app;
    },
    quit: vi.fn(),
    exit: vi.fn(),
  };
  class BrowserWindow {
    readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      windows.push(this.record);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
    async loadURL(url: string) {
      this.record.url = url;
    }
  }
  const services = {
    invoke: vi.fn((channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
    changes: () => 0,
    close: vi.fn(),
    backups: { backupNow: vi.fn() },
  };
  return {
    app,
    appListeners,
    ipcHandlers,
    windows,
    BrowserWindow,
    services,
    sessionOpts: [] as SecureSessionOptions[],
    showErrorBox: vi.fn(),
    denied: { request: 0 },
    openExternal: vi.fn(),
    schemes: [] as unknown[],
    blockedUrls: [] as string[],
    handled: [] as string[],
  };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.BrowserWindow,
  dialog: { showErrorBox: h.showErrorBox },
  ipcMain: { handle: (channel: string, handler: Handler) => h.ipcHandlers.set(channel, handler) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => h.schemes.push(...schemes),
    handle: (scheme: string) => h.handled.push(scheme),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => (h.denied.request += 1),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }) => h.blockedUrls.push(...filter.urls),
      },
    },
  },
  shell: { openExternal: (url: string) => h.openExternal(url) },
  // Linux's plain-text fallback: refused, so the passphrase alone protects the key there.
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: (text: string) => Buffer.from(text),
    decryptString: (data: Buffer) => data.toString(),
  },
}));
const keystoreDir = mkdtempSync(join(tmpdir(), 'thrive-index-test-'));
afterAll(() => rmSync(keystoreDir, { recursive: true, force: true }));
vi.mock('./session/secure-session', async (importOriginal) => {
  const real = await importOriginal<typeof import('./session/secure-session')>();
  return {
    ...real,
    createSecureSession: (opts: SecureSessionOptions) => {
      h.sessionOpts.push(opts);
      return real.createSecureSession({
        ...opts,
        keystorePath: join(keystoreDir, 'thrive.keys'),
        openServices: () => ({ services: h.services as never, recoveryNotice: null }),
      });
    },
  };
});
vi.mock('./paths', () => ({ configureUserDataPath: vi.fn(), databasePath: () => '/local/THRIVE Plans/thrive.db' }));

await import('./index');
// Let start() run past app.whenReady().
await new Promise((resolve) => setTimeout(resolve, 0));

// Recorded once at start-up (the runner clears mock call records between tests).
const startup = {
  sessionOpts: h.sessionOpts[0],
  lockRequested: h.app.requestSingleInstanceLock.mock.calls.length,
  sandboxEnabled: h.app.enableSandbox.mock.calls.length,
  quitCalls: h.app.quit.mock.calls.length,
};
const appFrame = { url: 'app://thrive/index.html', parent: null };

describe('main process start-up', () => {
  it('takes the single-instance lock and keeps running as the one writer', () => {
    expect(startup.lockRequested).toBe(1);
    expect(startup.quitCalls).toBe(0);
    expect(h.appListeners.has('second-instance')).toBe(true);
  });

  it('sandboxes every renderer, serves app:// and denies permissions before any window opens', () => {
    expect(startup.sandboxEnabled).toBe(1);
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(h.handled).toEqual(['app']);
    expect(h.denied.request).toBe(1);
    // Every remote or file request from the session is cancelled, whatever asked for it.
    expect(h.blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(h.appListeners.has('web-contents-created')).toBe(true);
  });

  it('guards every new web contents: no navigation away, links only to allow-listed sites', () => {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
    };
    h.appListeners.get('web-contents-created')?.({}, contents);
    const prevent = vi.fn();
    listeners.get('will-navigate')?.({ url: 'https://evil.example/', preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(openHandler?.({ url: 'https://www.nhs.uk/' })).toEqual({ action: 'deny' });
    expect(h.openExternal).toHaveBeenCalledWith('https://www.nhs.uk/');
  });

  it('opens one hardened window on the app origin, without devtools when packaged', () => {
    expect(h.windows).toHaveLength(1);
    const [win] = h.windows;
    expect(win?.url).toBe('app://thrive/index.html');
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.js$/);
  });

  it('opens the database in the local user-data folder', () => {
    expect(startup.sessionOpts?.dbPath).toBe('/local/THRIVE Plans/thrive.db');
  });

  it('checks the database at unlock in a worker thread built beside the main bundle', () => {
    expect(startup.sessionOpts?.backgroundCheck).toBeTypeOf('function');
  });

  it("protects the key with the OS key store, refusing Linux's plain-text fallback", () => {
    expect(startup.sessionOpts?.os === null).toBe(process.platform === 'linux');
  });

  it('shows a database that cannot be opened (e.g. a newer version) in an error box and stops', () => {
    startup.sessionOpts?.onOpenFailure?.(new Error('This database was made by a newer version of THRIVE Plans'));
    expect(h.showErrorBox).toHaveBeenCalledWith('THRIVE Plans could not open its database', 'This database was made by a newer version of THRIVE Plans');
    expect(h.app.exit).toHaveBeenCalledWith(1);
  });
});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...h.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers locked, without touching the services, until the app lock is set up or unlocked', async () => {
    h.services.invoke.mockClear();
    expect(await h.ipcHandlers.get('lock:status')?.({ senderFrame: appFrame }, {})).toMatchObject({ ok: true, value: { state: 'setup' } });
    expect(await h.ipcHandlers.get('cases:open')?.({ senderFrame: appFrame }, { caseRef: 'C-7' })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(h.services.invoke).not.toHaveBeenCalled();
    const passphrase = 'copper kettle meadow';
    const setup = await h.ipcHandlers.get('lock:setup')?.({ senderFrame: appFrame }, { passphrase, confirmPassphrase: passphrase });
    expect(setup).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
  });

  it('passes a trusted call straight to the services with its raw arguments', async () => {
    const args = { caseRef: 'C-7' };
    const result = await h.ipcHandlers.get('cases:open')?.({ senderFrame: appFrame }, args);
    expect(h.services.invoke).toHaveBeenCalledWith('cases:open', args);
    expect(result).toEqual({ ok: true, value: { channel: 'cases:open', args } });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://thrive/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses a call from %s without touching the services', (_label, senderFrame) => {
    h.services.invoke.mockClear();
    for (const channel of CHANNEL_NAMES) {
      const result = h.ipcHandlers.get(channel)?.({ senderFrame }, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(h.services.invoke).not.toHaveBeenCalled();
  });
});

describe('system clock', () => {
  it("gives the services England's calendar day, across the BST midnight", () => {
    const clock = startup.sessionOpts?.clock;
    if (!clock) throw new Error('the session was not created');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-06-30T23:30:00Z'));
      expect(clock.today()).toBe('2026-07-01');
      expect(clock.now()).toBe('2026-06-30T23:30:00.000Z');
      vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
      expect(clock.today()).toBe('2026-12-31');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('quitting', () => {
  it('closes the session: the database is closed and every later call answers locked', async () => {
    h.services.close.mockClear();
    h.appListeners.get('will-quit')?.();
    expect(h.services.close).toHaveBeenCalledTimes(1);
    expect(h.services.backups.backupNow).toHaveBeenCalledWith('quit');
    expect(await h.ipcHandlers.get('cases:open')?.({ senderFrame: appFrame }, {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
