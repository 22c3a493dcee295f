/**
 * A private copy of bin/thrive.cjs and the CLI bundled exactly as scripts/build-main.mjs bundles it, so a
 * test runs the real `thrive` process without depending on (or disturbing) the shared dist/ folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleLikeMain } from './node-bundle';

const ROOT = resolve(__dirname, '../..');

/**
 * Call in beforeAll (allow 60 s), and `dispose` in afterAll: the copy outlives each test's temporary
 * folders (tests/support/temp-db.ts removes those after every test).
 */
export async function bundleCli(): Promise<{ bin: string; dispose: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'thrive-cli-'));
  mkdirSync(join(root, 'bin'));
  const bin = join(root, 'bin', 'thrive.cjs');
  copyFileSync(join(ROOT, 'bin', 'thrive.cjs'), bin);
  await bundleLikeMain({ entryPoints: { cli: join(ROOT, 'main', 'cli.ts') }, outdir: join(root, 'dist', 'main') });
  return { bin, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the bundled CLI as a real process; stdout and stderr as bytes-faithful strings. */
export function runBin(bin: string, argv: readonly string[]) {
  return spawnSync(process.execPath, [bin, ...argv], {
    encoding: 'utf8',
    // The private copy sits outside the repository; let it find the native module there.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    timeout: 30_000,
  });
}

/**
 * Runs a thrive process without blocking the test (so several can run at once, or beside a writer):
 * by default the repository's own bin/thrive.cjs, which needs `npm run build` first.
 */
export function spawnThrive(args: readonly string[], bin = join(ROOT, 'bin', 'thrive.cjs')): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => done({ code, out, err }));
  });
}
