/**
 * A second copy of the app started while one is running: it must not open the database (one writer
 * only), nor a window; it quits, and the running copy brings its own window forward.
 */
import { describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    getPath: () => '/home/clinician',
    setPath: () => undefined,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => false),
    whenReady: vi.fn(() => Promise.resolve()),
    on: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  },
  windows: 0,
  sessions: 0,
}));

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: class {
    constructor() {
      h.windows += 1;
    }
  },
  dialog: { showErrorBox: vi.fn() },
  ipcMain: { handle: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: { defaultSession: {} },
  shell: { openExternal: vi.fn() },
  safeStorage: { isEncryptionAvailable: () => false },
}));
vi.mock('./session/secure-session', () => ({
  createSecureSession: () => {
    h.sessions += 1;
    throw new Error('a second instance must not open the database');
  },
}));
vi.mock('./paths', () => ({ configureUserDataPath: vi.fn(), databasePath: () => '/local/THRIVE Plans/thrive.db' }));

await import('./index');
await new Promise((resolve) => setTimeout(resolve, 0));
// Recorded now: the runner clears mock call records before each test.
const seen = {
  lockRequests: h.app.requestSingleInstanceLock.mock.calls.length,
  quits: h.app.quit.mock.calls.length,
  readyWaits: h.app.whenReady.mock.calls.length,
};

describe('a second instance', () => {
  it('quits at once without opening the database, a window or IPC', () => {
    expect(seen.lockRequests).toBe(1);
    expect(seen.quits).toBe(1);
    expect(h.sessions).toBe(0);
    expect(h.windows).toBe(0);
    expect(seen.readyWaits).toBe(0);
  });
});
