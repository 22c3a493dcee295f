import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronVersion, fakeCheckout, startMirror, zipName, type Mirror } from '../support/fake-electron-mirror';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

// Asynchronous on purpose: the mirror answers from this process, so it must not be blocked.
function runStart(root: string, env: Record<string, string>, args: string[] = []): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(ELECTRON_|electron_|npm_config_electron|NPM_CONFIG_ELECTRON|force_no_cache)/.test(name)),
  ) as Record<string, string>;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start-electron.mjs'), ...args], {
      env: { ...clean, electron_config_cache: path.join(root, 'electron-cache'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/Error:/);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function checkout(): string {
  const root = fakeCheckout();
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

async function mirror(options: { stall?: boolean } = {}): Promise<Mirror> {
  const started = await startMirror(options);
  cleanups.push(started.close);
  return started;
}

// The fake binary is a shell script, so the download tests run where Electron's zip holds `electron`.
describe.runIf(process.platform === 'linux')('npm start when the Electron binary is missing', () => {
  it('fetches it from the mirror with progress, verifies and unpacks it with electron’s own code, then starts the app', async () => {
    const root = checkout();
    const server = await mirror();
    const run = await runStart(root, { ELECTRON_MIRROR: server.url, electron_use_remote_checksums: '1' }, ['--trace-test']);

    expect(run.stderr).toContain(`Electron ${electronVersion} is not installed yet; fetching it once`);
    expect(run.stderr).toMatch(new RegExp(`Downloading Electron ${electronVersion} for linux-${process.arch} from 127\\.0\\.0\\.1:\\d+: .*\\(100%\\)`));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`fake electron ran with: ${root} --trace-test`);
    expect(server.requests).toContain(`/v${electronVersion}/${zipName}`);
    expect(server.requests).toContain(`/v${electronVersion}/SHASUMS256.txt`);
    expect(readFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe('electron');

    // The second start finds it installed: no download.
    const zipRequests = server.requests.filter((url) => url.endsWith('.zip')).length;
    const again = await runStart(root, { ELECTRON_MIRROR: server.url, electron_use_remote_checksums: '1' });
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('fetching it once');
    expect(server.requests.filter((url) => url.endsWith('.zip')).length).toBe(zipRequests);
  });

  it('refuses a download that does not match the checksum electron publishes, in a few lines', async () => {
    const root = checkout();
    const server = await mirror();
    // Without remote checksums, install.js's bundled checksums.json is used: the fake zip cannot match.
    const run = await runStart(root, { ELECTRON_MIRROR: server.url });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`THRIVE Plans cannot start: Electron ${electronVersion} is not installed yet, and fetching it failed`);
    expect(run.stderr).toContain("did not match Electron's published checksum");
    expectNoStackTrace(run.stderr);
    expect(existsSync(path.join(root, 'node_modules', 'electron', 'dist', 'electron'))).toBe(false);
  });

  it('says why and what to do, within seconds, when the download server cannot be reached', async () => {
    const root = checkout();
    // A port that was free a moment ago: connections to it are refused, as with a blocked network.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const run = await runStart(root, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`127.0.0.1:${port} could not be reached (ECONNREFUSED)`);
    expect(run.stderr).toContain('ELECTRON_MIRROR');
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expectNoStackTrace(run.stderr);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(7);
    expect(run.seconds).toBeLessThan(10);
  });

  it('gives up on a server that accepts the connection but sends nothing, after the stall bound', async () => {
    const root = checkout();
    const server = await mirror({ stall: true });
    const run = await runStart(root, { ELECTRON_MIRROR: server.url, THRIVE_ELECTRON_STALL_SECONDS: '2' });

    expect(server.requests).toContain(`/v${electronVersion}/${zipName}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nothing arrived from 127\.0\.0\.1:\d+ for 2 s, so the download was stopped/);
    expectNoStackTrace(run.stderr);
    expect(run.seconds).toBeGreaterThanOrEqual(2);
    expect(run.seconds).toBeLessThan(15);
  });
});

describe('npm start with ELECTRON_OVERRIDE_DIST_PATH set to a folder without Electron', () => {
  it('says so and does not download another Electron', async () => {
    const root = checkout();
    const empty = mkdtempSync(path.join(tmpdir(), 'thrive-no-electron-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const server = await mirror();
    const run = await runStart(root, { ELECTRON_OVERRIDE_DIST_PATH: empty, ELECTRON_MIRROR: server.url });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary in ${empty}`);
    expect(server.requests).toEqual([]);
  });
});
