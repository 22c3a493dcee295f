import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'start-electron.mjs');

describe('npm start without an Electron binary', () => {
  it('explains how to get the binary and exits non-zero, without trying a download', () => {
    // An empty override folder stands for "binary missing" even on a machine that has one.
    const empty = mkdtempSync(path.join(tmpdir(), 'thrive-no-electron-'));
    try {
      const run = spawnSync(process.execPath, [script], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
        timeout: 15_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('THRIVE Plans cannot start');
      expect(run.stderr).toContain('node node_modules/electron/install.js');
      expect(run.stderr).toContain('npx electron');
      expect(run.stdout).not.toContain('Downloading Electron');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
