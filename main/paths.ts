/**
 * Where the app keeps its files. The database must live on the local disk of this machine.
 *
 * Electron's default userData on Windows is %APPDATA% (Roaming). Roaming profiles are copied to a
 * server at sign-out and back at sign-in: a live SQLite database and its WAL copied mid-session can be
 * torn or rolled back, and NHS trusts often redirect Roaming to a network share, where SQLite's locking
 * is unreliable. So on Windows userData is moved to %LOCALAPPDATA%, which never roams. This has to
 * happen before the app is ready, because Chromium fixes its own profile paths at start-up.
 * macOS (~/Library/Application Support) and Linux ($XDG_CONFIG_HOME or ~/.config) are already local;
 * there the folder is only named for the product, so `npm start` (where Electron would use the
 * package name, thrive-plans) and the installed app share one folder.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';

export const PRODUCT_NAME = 'THRIVE Plans';
export const DATABASE_FILE = 'thrive.db';

/** The local (non-roaming) user-data folder, named for the product. */
export function localUserDataDir(opts: {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Electron's appData: ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config, %APPDATA%. */
  appDataDir: string;
  productName?: string;
}): string {
  const name = opts.productName ?? PRODUCT_NAME;
  if (opts.platform !== 'win32') return path.posix.join(opts.appDataDir, name);
  const local = opts.env['LOCALAPPDATA'];
  // LOCALAPPDATA is always set on supported Windows; the fallback is its documented default location.
  const base = local && local.trim() !== '' ? local : path.win32.join(opts.homeDir, 'AppData', 'Local');
  return path.win32.join(base, name);
}

/** Call before `app.whenReady()`. */
export function configureUserDataPath(): void {
  app.setPath(
    'userData',
    localUserDataDir({ platform: process.platform, env: process.env, homeDir: app.getPath('home'), appDataDir: app.getPath('appData') }),
  );
}

/** The encrypted database file (its key file sits beside it, see main/app-services.ts). */
export function databasePath(): string {
  const dir = app.getPath('userData');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return path.join(dir, DATABASE_FILE);
}
