import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { configureUserDataPath, databasePath, localUserDataDir } from './paths';

const { app } = vi.hoisted(() => {
  const paths: Record<string, string> = {};
  return {
    app: {
      paths,
      getPath: vi.fn((name: string) => paths[name] ?? `/default/${name}`),
      setPath: vi.fn((name: string, value: string) => {
        paths[name] = value;
      }),
    },
  };
});
vi.mock('electron', () => ({ app }));
vi.mock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), mkdirSync: vi.fn() }));

describe('local user-data folder', () => {
  it('moves Windows user data from Roaming to LOCALAPPDATA', () => {
    expect(
      localUserDataDir({
        platform: 'win32',
        env: { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local', APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        homeDir: 'C:\\Users\\ann',
        appDataDir: 'C:\\Users\\ann\\AppData\\Roaming',
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Local\\THRIVE Plans');
  });

  it('falls back to the default Local folder when LOCALAPPDATA is unset', () => {
    expect(localUserDataDir({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\ann', appDataDir: 'C:\\Users\\ann\\AppData\\Roaming' })).toBe(
      'C:\\Users\\ann\\AppData\\Local\\THRIVE Plans',
    );
  });

  it("keeps Electron's (already local) folder on macOS and Linux, named for the product", () => {
    expect(localUserDataDir({ platform: 'darwin', env: {}, homeDir: '/Users/ann', appDataDir: '/Users/ann/Library/Application Support' })).toBe(
      '/Users/ann/Library/Application Support/THRIVE Plans',
    );
    expect(localUserDataDir({ platform: 'linux', env: { LOCALAPPDATA: '/x' }, homeDir: '/home/ann', appDataDir: '/home/ann/.config' })).toBe(
      '/home/ann/.config/THRIVE Plans',
    );
  });

  it('sets userData before start-up, and keeps the database in it as thrive.db', () => {
    app.paths.appData = '/home/ann/.config';
    app.paths.home = '/home/ann';
    configureUserDataPath();
    if (process.platform === 'win32') expect(app.setPath).toHaveBeenCalledWith('userData', expect.stringMatching(/AppData\\Local\\THRIVE Plans$/));
    else expect(app.setPath).toHaveBeenCalledWith('userData', path.join('/home/ann/.config', 'THRIVE Plans'));
    expect(databasePath()).toBe(path.join(app.paths.userData ?? '', 'thrive.db'));
  });
});
