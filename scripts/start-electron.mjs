// Runs the built app (dist/) in the locally installed Electron. `npm start` builds first.
//
// The electron npm package has no postinstall: its binary is fetched from GitHub on first use. We do
// not `require('electron')` here, because that silently tries the download; instead we look for the
// binary where electron's own install.js puts it and, if it is missing, say how to get it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function electronBinary() {
  let electronDir;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run `npm ci`).' };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const defaultName = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const binary = override ? path.join(override, relative ?? defaultName) : relative ? path.join(electronDir, 'dist', relative) : null;
  if (!binary || !existsSync(binary)) {
    return {
      found: false,
      reason: override
        ? `no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH is set).`
        : `the Electron binary has not been downloaded into ${path.join(electronDir, 'dist')}.`,
    };
  }
  return { found: true, binary };
}

const electron = electronBinary();
if (!electron.found) {
  fail([
    `THRIVE Plans cannot start: ${electron.reason}`,
    '',
    'The electron npm package does not download its binary at install time, and `npx electron`',
    'needs that binary too. It comes from GitHub, which our build machines cannot reach.',
    'On a machine with internet access, fetch it once and start again:',
    '',
    '    node node_modules/electron/install.js',
    '    npm start',
    '',
    'Or point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an unpacked Electron of the same version.',
    'Without Electron, the browser end-to-end tests (`npm run test:e2e`) drive the same renderer and',
    'handlers in Chromium.',
  ]);
}

for (const built of ['dist/main/index.js', 'dist/main/preload.js', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(repoRoot, built))) {
    fail([`THRIVE Plans cannot start: ${built} is missing. Build first with \`npm run build\` (\`npm start\` does this).`]);
  }
}

// ELECTRON_RUN_AS_NODE would make the binary a plain Node and ignore the app (packaged builds also
// disable it with the RunAsNode fuse).
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(electron.binary, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => fail([`THRIVE Plans could not start Electron (${electron.binary}): ${error.message}`]));
child.on('close', (code, signal) => {
  if (code === null) {
    console.error(`Electron exited on signal ${signal}`);
    process.exit(1);
  }
  process.exit(code);
});
