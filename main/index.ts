/**
 * The Electron main process: app lifecycle only. One instance (one writer to the database), the
 * app:// protocol, the hardened window, and one ipcMain handler per contract channel, each refusing
 * any sender that is not the app's own page before handing the raw arguments to the secure session
 * (the app lock: 'locked' until unlocked, then the services, which parse them with the channel's
 * schema). Everything else lives in modules tested without Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import type { IpcMain } from 'electron';
import { CHANNEL_NAMES } from '../shared/ipc/channels';
import type { IpcResult } from '../shared/ipc/result';
import { systemClock } from './app-services';
import { workerBackup } from './backup/background-backup';
import { workerCheck } from './db/background-check';
import { electronOsCrypto } from './keys/os-crypto';
import { guardQuit } from './features/sync/quit-warning';
import type { SyncStatus } from '../shared/ipc/schemas/sync';
import { configureUserDataPath, databasePath } from './paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { APP_ENTRY_URL, blockRemoteRequests, denyAllPermissions, guardWebContents, isTrustedSender, windowOptions } from './security';
import { createSecureSession, type SecureSession } from './session/secure-session';
import { appSync } from './sync/engine-app';

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the THRIVE Plans window.' },
};

/** One handler per channel (never a catch-all), so an unknown channel is not even listened for. */
export function registerIpcHandlers(
  ipc: Pick<IpcMain, 'handle'>,
  invoke: (channel: string, rawArgs: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipc.handle(channel, (event, rawArgs: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
      return invoke(channel, rawArgs);
    });
  }
}

function log(message: string): void {
  // Handlers log channel names and timings only, never record contents.
  console.log(`[thrive] ${message}`);
}

let mainWindow: BrowserWindow | null = null;
let secureSession: SecureSession | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(
    windowOptions({ preloadPath: path.join(__dirname, 'preload.js'), isPackaged: app.isPackaged }),
  );
  win.once('ready-to-show', () => win.show());
  guardQuit(win, {
    status: async () => {
      const result = await secureSession?.invokeWhenChecked('sync:status', {});
      return result?.ok ? (result.value as SyncStatus) : null;
    },
    ask: async (prompt) => (await dialog.showMessageBox(win, prompt)).response,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function fail(error: unknown): void {
  dialog.showErrorBox('THRIVE Plans could not open its database', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  registerAppProtocol(path.join(__dirname, '..', 'renderer'));
  denyAllPermissions(session.defaultSession);
  // Nothing leaves the machine: the CSP covers the page, this covers everything else in the session.
  blockRemoteRequests(session.defaultSession, log);
  try {
    secureSession = createSecureSession({
      dbPath: databasePath(),
      // safeStorage is usable only once the app is ready; Linux's plain-text fallback is refused.
      os: electronOsCrypto(safeStorage, process.platform),
      // The app's one wall clock: the calendar day in England, whatever the machine's time zone.
      clock: systemClock(),
      log,
      // Found at unlock (the database opens only then): a newer version, a network path.
      onOpenFailure: (error) => fail(error),
      // quick_check and the daily backup in a worker thread (bundled beside this file), so that neither
      // holds the window (at 100k cases each takes tens of seconds).
      backgroundCheck: workerCheck(path.join(__dirname, 'db-worker.js')),
      backgroundBackup: workerBackup(path.join(__dirname, 'db-worker.js')),
      // Team sync: solo until a team server is connected in Settings; sign-in in the system browser.
      sync: appSync({ openBrowser: (url) => shell.openExternal(url) }),
    });
  } catch (error) {
    // A damaged keystore, a key that has gone missing or a network path: say so and stop, never guess.
    fail(error);
    return;
  }
  const ready = secureSession;
  registerIpcHandlers(ipcMain, (channel, rawArgs) => ready.invokeWhenChecked(channel, rawArgs));
  mainWindow = createWindow();
}

// Before ready: Chromium fixes its profile paths and scheme table at start-up.
configureUserDataPath();
registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another window already holds the database; it is focused by its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));
  // Quit with the last window on every platform: the database is closed cleanly when the window goes.
  app.on('window-all-closed', () => app.quit());
  // A last backup, then the database closed and the key dropped.
  app.on('will-quit', () => {
    secureSession?.close();
    secureSession = null;
  });
  start().catch((error: unknown) => {
    log(`start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
