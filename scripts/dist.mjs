// `npm run dist`: builds the installers (electron-builder.yml) into release/.
//
// electron-builder downloads Electron and its packaging tools (AppImage, deb, NSIS, ...) from GitHub.
// Without a route there it retried for about 45 s and then printed a raw ENOTFOUND stack trace. So:
// first a quick look (10 s at most) at whether those hosts answer at all, which fails in one line;
// then electron-builder runs with its own output, minus stack frames, and a network failure during
// the build is summed up in the same one line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { electronMirror, hostOf, NETWORK_CODES, networkCode } from './electron-fetch.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const REACH_SECONDS = 10;
const BINARIES_MIRROR = 'https://github.com/electron-userland/electron-builder-binaries/releases/download/';

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

function offlineLine(host, code) {
  return (
    `npm run dist needs the internet: electron-builder downloads Electron ${electronVersion} and its packaging tools ` +
    `from ${host}, which cannot be reached (${code}). Run it where ${host} can be reached ` +
    '(or set ELECTRON_MIRROR and ELECTRON_BUILDER_BINARIES_MIRROR to mirrors that can); the installers land in release/.'
  );
}

/** Null if `url`'s server answers at all (any HTTP status), else the network error code. */
async function unreachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(REACH_SECONDS * 1000) });
    return null;
  } catch (error) {
    if (error?.name === 'TimeoutError') return `no answer in ${REACH_SECONDS} s`;
    return networkCode(error) ?? error?.cause?.code ?? error?.message ?? String(error);
  }
}

// Node's fetch does not go through HTTPS_PROXY, but electron-builder does: behind a proxy the quick
// look would say "unreachable" wrongly, so it is left to electron-builder there.
const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ELECTRON_GET_USE_PROXY', 'GLOBAL_AGENT_HTTPS_PROXY'].some((name) => process.env[name]);
if (!proxied) {
  const urls = [...new Set([electronMirror(), process.env.ELECTRON_BUILDER_BINARIES_MIRROR || BINARIES_MIRROR])];
  for (const url of urls) {
    const code = await unreachable(url);
    if (code) {
      console.error(offlineLine(hostOf(url), code));
      process.exit(1);
    }
  }
}

const codePattern = new RegExp(`\\b(${[...NETWORK_CODES].join('|')})\\b(?:\\s+([\\w.-]+))?`);
let seenNetworkFailure = null;

/** Passes electron-builder's output through without stack traces, noting any network failure. */
function relay(stream, to) {
  let pending = '';
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const match = codePattern.exec(line);
      if (match && !seenNetworkFailure) seenNetworkFailure = { code: match[1], host: match[2] ?? 'the download server' };
      if (/^\s+at /.test(line)) continue;
      to.write(`${line.replace(/\s+stackTrace=.*$/, '')}\n`);
    }
  });
  stream.on('end', () => {
    if (pending && !/^\s+at /.test(pending)) to.write(pending.replace(/\s+stackTrace=.*$/, ''));
  });
}

const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
const child = spawn(process.execPath, [cli, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'] });
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
child.on('close', (code) => {
  if (code !== 0 && seenNetworkFailure) console.error(offlineLine(seenNetworkFailure.host, seenNetworkFailure.code));
  process.exit(code ?? 1);
});
