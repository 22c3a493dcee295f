/**
 * A real electron-builder run on electron-builder.yml, offline: the Electron binary cannot be
 * downloaded here, so a stub `electronDist` folder stands in for it (and fuses, which patch that
 * binary, are left to the config test). What is asserted is what ships: the archive's contents.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// @electron/asar arrives with electron-builder; typed here rather than added as a dependency.
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
  extractAll(archive: string, dest: string): void;
};

const repoRoot = path.resolve(__dirname, '..', '..');

/** A package and every production dependency under it, by name, from the installed node_modules. */
function productionClosure(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [...seen];
  seen.add(name);
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) productionClosure(dep, seen);
  return [...seen];
}
let work: string;
let resources: string;
let files: string[];

/** `npm test` builds before vitest; a standalone run builds once here. */
function ensureBuilt(): void {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (!existsSync(path.join(repoRoot, 'dist', 'main', 'index.js')) || !existsSync(path.join(repoRoot, 'dist', 'main', 'preload.js'))) {
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }
  if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    execFileSync(npx, ['vite', 'build', '--config', 'vite.config.mts'], { cwd: repoRoot, stdio: 'inherit' });
  }
}

beforeAll(async () => {
  ensureBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'thrive-pack-'));
  const stub = path.join(work, 'electron-dist');
  mkdirSync(path.join(stub, 'resources'), { recursive: true });
  writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\necho "stub electron"\n');
  chmodSync(path.join(stub, 'electron'), 0o755);
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      extends: path.join(repoRoot, 'electron-builder.yml'),
      electronDist: stub,
      // Fuses patch a real Electron binary; the stub has none to patch (see builder-config.test.ts).
      electronFuses: null,
      directories: { output: path.join(work, 'out') },
    },
  });
  resources = path.join(work, 'out', 'linux-unpacked', 'resources');
  files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (linux dir target, stub Electron)', () => {
  it('holds the built main process, preload and renderer', () => {
    for (const file of ['/package.json', '/dist/main/index.js', '/dist/main/preload.js', '/dist/renderer/index.html']) {
      expect(files, file).toContain(file);
    }
    const pkg = JSON.parse(asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/index.js');
  });

  it('holds no source, tests, source maps or development tooling', () => {
    const unwanted = files.filter(
      (f) =>
        /^\/(main|renderer|shared|server|tests|scripts|docs|\.ci)\//.test(f) ||
        // The team server is a program of its own (scripts/build-server.mjs), never part of the app.
        f.startsWith('/dist/server/') ||
        f.endsWith('.map') ||
        f.endsWith('.ts') ||
        /\/node_modules\/(electron|electron-builder|vite|vitest|playwright-core|typescript|esbuild|eslint|axe-core|react)(\/|$)/.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships from node_modules only the native module, pdfkit with what it needs and the PDF font (everything else is bundled)', () => {
    const packages = new Set(
      files
        .filter((f) => f.startsWith('/node_modules/'))
        .map((f) => f.split('/'))
        // A scope folder (/node_modules/@noble) is listed on its own as well as its packages.
        .filter((parts) => !parts[2]!.startsWith('@') || parts[3] !== undefined)
        .map((parts) => (parts[2]!.startsWith('@') ? `${parts[2]}/${parts[3]}` : parts[2]!)),
    );
    expect([...packages].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'dejavu-fonts-ttf', ...productionClosure('pdfkit')].sort());
    // Only the three faces the PDFs use (and the font's licence) come along, not the whole 12 MB family.
    const fonts = files.filter((f) => f.startsWith('/node_modules/dejavu-fonts-ttf/ttf/')).map((f) => path.basename(f));
    expect(fonts.sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans.ttf']);
    expect(files).toContain('/node_modules/dejavu-fonts-ttf/LICENSE');
    expect(files.some((f) => /better-sqlite3-multiple-ciphers\/(deps|src)\//.test(f))).toBe(false);
  });

  it("holds a pdfkit that makes a PDF in the embedded Unicode font from the archive's own files", () => {
    const extracted = path.join(work, 'extracted');
    asar.extractAll(path.join(resources, 'app.asar'), extracted);
    const script = `
      const PDFDocument = require('pdfkit');
      const doc = new PDFDocument({ size: 'A4' });
      doc.font(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')).text('Supervision pack: Łucja Nowak-Żółć');
      doc.font(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).text('Page 1 of 1');
      doc.end();
      const chunks = [];
      for (let c = doc.read(); c !== null; c = doc.read()) chunks.push(c);
      process.stdout.write(Buffer.concat(chunks).subarray(0, 5).toString('latin1'));
    `;
    // Run from the extracted archive with no NODE_PATH: only its own node_modules can satisfy the requires.
    const out = execFileSync(process.execPath, ['-e', script], { cwd: extracted, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(out).toBe('%PDF-');
  });

  it('unpacks the native prebuilds beside the archive, where Electron can load them', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds');
    expect(readdirSync(unpacked)).toContain('linux-x64.node');
    expect(readdirSync(unpacked)).toContain('win32-x64.node');
  });
});
