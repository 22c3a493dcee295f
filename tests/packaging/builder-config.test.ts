/**
 * The packaging settings that protect a clinician's laptop, asserted on electron-builder.yml itself
 * (real installers need Electron from GitHub, which our build machines cannot reach).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(__dirname, '..', '..');
const configPath = path.join(repoRoot, 'electron-builder.yml');

// js-yaml and app-builder-lib arrive with electron-builder (a devDependency); typed here, not added.
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderYaml {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  nodeGypRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
  nsis?: { deleteAppDataOnUninstall?: boolean };
}

const config = yaml.load(readFileSync(configPath, 'utf8')) as BuilderYaml;

/** Minimal glob matcher for the patterns used in `files` and `asarUnpack` (**, *, {a,b}). */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
      i = end;
    } else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function packedByFiles(file: string): boolean {
  let included = false;
  for (const pattern of config.files ?? []) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    const re = globToRegExp(glob);
    if (re.test(file) || (!negated && glob.endsWith('/**') && file.startsWith(glob.slice(0, -2)))) included = !negated;
  }
  return included;
}

/** Production node_modules are added by electron-builder itself; `files` can only take things out. */
function excludedByFiles(file: string): boolean {
  return (config.files ?? []).some((pattern) => pattern.startsWith('!') && globToRegExp(pattern.slice(1)).test(file));
}

describe('electron-builder.yml', () => {
  it('is a valid electron-builder 26 configuration (offline schema check)', async () => {
    const resolved = await builderConfig.getConfig(repoRoot, configPath, null);
    await expect(builderConfig.validateConfiguration(resolved, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the product', () => {
    expect(config.productName).toBe('THRIVE Plans');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('flips the security fuses in the Electron binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never rebuilds native modules (the N-API prebuild is used as shipped)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
  });

  it('packs the app in an asar archive with the database engine prebuild unpacked beside it', () => {
    expect(config.asar).toBe(true);
    const unpack = (config.asarUnpack ?? []).map(globToRegExp);
    const prebuild = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node';
    expect(unpack.some((re) => re.test(prebuild))).toBe(true);
    expect(unpack.some((re) => re.test('dist/main/index.js'))).toBe(false);
  });

  it('packs the built app and nothing from the source tree', () => {
    for (const file of ['dist/main/index.js', 'dist/main/preload.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'package.json']) {
      expect(packedByFiles(file), file).toBe(true);
    }
    for (const file of ['main/index.ts', 'tests/support/e2e/bridge.ts', 'renderer/main.tsx', 'dist/main/index.js.map', 'scripts/start-electron.mjs', '.ci/run']) {
      expect(packedByFiles(file), file).toBe(false);
    }
  });

  it("leaves out the native module's C sources", () => {
    expect(excludedByFiles('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(true);
    expect(excludedByFiles('node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp')).toBe(true);
    expect(excludedByFiles('node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node')).toBe(false);
    expect(excludedByFiles('node_modules/better-sqlite3-multiple-ciphers/lib/index.js')).toBe(false);
  });

  it('keeps pdfkit (external to the bundle) and the files it loads at run time, dropping only maps, TypeScript and browser builds', () => {
    for (const file of [
      'node_modules/pdfkit/js/pdfkit.js',
      'node_modules/pdfkit/js/standard-fonts/Helvetica.cjs',
      'node_modules/pdfkit/js/data/Helvetica.afm',
      'node_modules/pdfkit/package.json',
      'node_modules/fontkit/dist/main.cjs',
      'node_modules/@noble/ciphers/aes.js',
    ]) {
      expect(excludedByFiles(file), file).toBe(false);
    }
    for (const file of ['node_modules/pdfkit/js/pdfkit.js.map', 'node_modules/pdfkit/js/pdfkit.standalone.js', 'node_modules/@noble/ciphers/src/aes.ts']) {
      expect(excludedByFiles(file), file).toBe(true);
    }
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it("never deletes the clinician's data when the program is uninstalled", () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });
});
