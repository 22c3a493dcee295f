// Fetches the Electron binary the first time `npm start` needs it (scripts/start-electron.mjs).
//
// Two steps, both electron's own code:
// 1. @electron/get downloads the zip into its cache, with the same version, platform, arch, mirror and
//    checksums electron's install.js would use; here with a progress line and a stall bound, which
//    install.js has neither of (its progress bar only appears after 30 s, and a stalled connection
//    can wait minutes).
// 2. electron's install.js then finds the zip in that cache, verifies it again and unpacks it into
//    node_modules/electron/dist with the path.txt that says where the binary is.
// Any failure comes back as a few lines saying why and what to do, never a stack trace.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
// No byte for this long (connecting included) and the download is given up. Long enough for a slow
// proxy's first answer; short enough that a blocked network is reported in half a minute, not minutes.
const DEFAULT_STALL_SECONDS = 30;

function stallSeconds() {
  const configured = Number(process.env.THRIVE_ELECTRON_STALL_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_STALL_SECONDS;
}

/** Where @electron/get will download from (it reads the same variables: ELECTRON_MIRROR, .npmrc electron_mirror). */
export function electronMirror() {
  return process.env.npm_config_electron_mirror || process.env.NPM_CONFIG_ELECTRON_MIRROR || process.env.ELECTRON_MIRROR || DEFAULT_MIRROR;
}

export function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export const NETWORK_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

/** The network error code (ENOTFOUND, ECONNREFUSED, ...) behind a failed fetch, or null. */
export function networkCode(error) {
  const code = error?.cause?.code ?? error?.code;
  return NETWORK_CODES.has(code) ? code : null;
}

/** One phrase for why a download failed, from the error @electron/get (or fetch under it) threw. */
export function downloadFailureReason(error, { stalled, seconds, host }) {
  if (stalled) return `nothing arrived from ${host} for ${seconds} s, so the download was stopped`;
  if (error?.name === 'HTTPError' && error.response) {
    return `${host} answered ${error.response.status} ${error.response.statusText} for ${error.response.url}`;
  }
  if (/did not match expected checksum/.test(error?.message ?? '')) {
    return `the file from ${host} did not match Electron's published checksum, so it was not used`;
  }
  const code = networkCode(error);
  if (code) return `${host} could not be reached (${code})`;
  const firstLine = String(error?.message ?? error).split('\n')[0];
  return `${firstLine}${error?.cause?.message ? ` (${error.cause.message})` : ''}`;
}

function explanation(version, reason) {
  return [
    `THRIVE Plans cannot start: Electron ${version} is not installed yet, and fetching it failed: ${reason}.`,
    `It is downloaded once, from ${DEFAULT_MIRROR} unless ELECTRON_MIRROR names a mirror.`,
    'What to do: run `npm start` again where that address can be reached (behind a proxy: ELECTRON_GET_USE_PROXY=true',
    'with HTTPS_PROXY set); or set ELECTRON_MIRROR to a mirror your organisation provides; or set',
    `ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${version}.`,
    'Without Electron, `npm test` still builds the app and tests it in Chromium.',
  ];
}

/** The same platform and arch electron's install.js downloads for. */
function target() {
  return {
    platform: process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform,
    arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
  };
}

function progressReporter(label) {
  const interactive = process.stderr.isTTY;
  let lastTenth = -1;
  let shown = false;
  const megabytes = (bytes) => (bytes / 1_000_000).toFixed(1);
  return {
    update({ transferred, total }) {
      const done = total ? `${megabytes(transferred)} of ${megabytes(total)} MB (${Math.floor((transferred / total) * 100)}%)` : `${megabytes(transferred)} MB`;
      if (interactive) {
        process.stderr.write(`\r${label}: ${done}   `);
        shown = true;
        return;
      }
      // Logs and pipes get a line per tenth rather than a line per chunk.
      const tenth = total ? Math.floor((transferred / total) * 10) : Math.floor(transferred / 10_000_000);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${done}\n`);
      }
    },
    end() {
      if (shown) process.stderr.write('\n');
    },
  };
}

async function download(electronDir, version) {
  const requireFromElectron = createRequire(path.join(electronDir, 'package.json'));
  const { downloadArtifact } = await import(pathToFileURL(requireFromElectron.resolve('@electron/get')).href);
  const remoteChecksums = process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
  const checksums = remoteChecksums ? undefined : JSON.parse(readFileSync(path.join(electronDir, 'checksums.json'), 'utf8'));
  const { platform, arch } = target();
  const seconds = stallSeconds();
  const host = hostOf(electronMirror());
  const controller = new AbortController();
  let stalled = false;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, seconds * 1000);
  };
  const progress = progressReporter(`Downloading Electron ${version} for ${platform}-${arch} from ${host}`);
  console.error(`THRIVE Plans: Electron ${version} is not installed yet; fetching it once (about 100 MB).`);
  arm();
  try {
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      force: process.env.force_no_cache === 'true',
      cacheRoot: process.env.electron_config_cache,
      checksums,
      downloadOptions: {
        quiet: true,
        signal: controller.signal,
        getProgressCallback: (state) => {
          arm();
          progress.update(state);
        },
      },
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: downloadFailureReason(error, { stalled, seconds, host }) };
  } finally {
    clearTimeout(timer);
    progress.end();
  }
}

/** Runs electron's install.js, which takes the zip from the cache step 1 filled, verifies and unpacks it. */
function unpack(electronDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, reason: `electron's install.js could not run (${error.message})` }));
    child.on('close', (code) => {
      if (code === 0) return resolve({ ok: true });
      // install.js prints the error's stack; its first line is the message.
      const firstLine = stderr.trim().split('\n')[0] || `exit code ${code}`;
      resolve({ ok: false, reason: `electron's install.js could not unpack it: ${firstLine}` });
    });
  });
}

/** Downloads and unpacks Electron into electronDir/dist. Resolves to {ok: true} or {ok: false, explanation: lines}. */
export async function fetchElectron(electronDir) {
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const downloaded = await download(electronDir, version);
  if (!downloaded.ok) return { ok: false, explanation: explanation(version, downloaded.reason) };
  const unpacked = await unpack(electronDir);
  if (!unpacked.ok) return { ok: false, explanation: explanation(version, unpacked.reason) };
  console.error(`THRIVE Plans: Electron ${version} is installed in ${path.join(electronDir, 'dist')}.`);
  return { ok: true };
}
