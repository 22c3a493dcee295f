// Runs the built app (dist/) in the locally installed Electron. `npm start` builds first.
//
// The electron npm package has no postinstall: its binary is fetched on first use. If it is missing,
// this fetches it (scripts/electron-fetch.mjs: electron's own downloader with progress and a stall
// bound, then electron's own install.js to verify and unpack it), and only if that fails says why
// and what to do, in a few lines and without a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { fetchElectron } from './electron-fetch.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function electronDirectory() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return fail(['THRIVE Plans cannot start: the electron package is not installed (run `npm install`).']);
  }
}

function electronBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const defaultName = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const binary = override ? path.join(override, relative ?? defaultName) : relative ? path.join(electronDir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

for (const built of ['dist/main/index.js', 'dist/main/preload.js', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(repoRoot, built))) {
    fail([`THRIVE Plans cannot start: ${built} is missing. Build first with \`npm run build\` (\`npm start\` does this).`]);
  }
}

const electronDir = electronDirectory();
let binary = electronBinary(electronDir);
if (!binary && process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // Someone pointed us at their own Electron: downloading another one would not be what they asked.
  fail([`THRIVE Plans cannot start: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron binary in ${process.env.ELECTRON_OVERRIDE_DIST_PATH}.`]);
}
if (!binary) {
  const fetched = await fetchElectron(electronDir);
  if (!fetched.ok) fail(fetched.explanation);
  binary = electronBinary(electronDir);
  if (!binary) fail([`THRIVE Plans cannot start: Electron was unpacked but no binary is at the path named in ${path.join(electronDir, 'path.txt')}.`]);
}

// ELECTRON_RUN_AS_NODE would make the binary a plain Node and ignore the app (packaged builds also
// disable it with the RunAsNode fuse).
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => fail([`THRIVE Plans could not start Electron (${binary}): ${error.message}`]));
child.on('close', (code, signal) => {
  if (code === null) {
    console.error(`Electron exited on signal ${signal}`);
    process.exit(1);
  }
  process.exit(code);
});
