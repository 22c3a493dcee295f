import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run dist where the download hosts cannot be reached', () => {
  it('stops at once with one line saying it needs the internet, before electron-builder runs', async () => {
    // A port nobody listens on stands for a network without GitHub: connections are refused.
    const port = await freePort();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/proxy|^ELECTRON_|^npm_config_electron/i.test(name)),
    ) as Record<string, string>;
    const started = Date.now();
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'dist.mjs')], {
      cwd: repoRoot,
      env: { ...env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, ELECTRON_BUILDER_BINARIES_MIRROR: `http://127.0.0.1:${port}/` },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const seconds = (Date.now() - started) / 1000;

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^npm run dist needs the internet: electron-builder downloads Electron [\\d.]+ and its packaging tools from 127\\.0\\.0\\.1:${port}, which cannot be reached \\(ECONNREFUSED\\)\\.`),
      ),
    ]);
    expect(seconds).toBeLessThan(10);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { dist: string } };
    expect(manifest.scripts.dist).toMatch(/&& node scripts\/dist\.mjs$/);
  });
});
