#!/usr/bin/env node
// The `thrive` command: checks the Node version, then runs the bundled CLI (dist/main/cli.js).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point: require is how it loads */

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `thrive: THRIVE Plans needs Node.js 22.12 or newer (this is ${process.versions.node}): its database module does not load on older versions.\n`,
  );
  process.exit(1);
}

const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cliPath = path.join(root, 'dist', 'main', 'cli.js');
// Straight after `npm install` nothing is built yet: build the main-process bundle once (about a
// second) so `npx thrive` works without a separate step. An install hook would do the same, but npm's
// strict-allow-scripts refuses the project's own install scripts when npx runs.
if (!fs.existsSync(cliPath)) {
  const build = path.join(root, 'scripts', 'build-main.mjs');
  const built = fs.existsSync(build)
    ? require('node:child_process').spawnSync(process.execPath, [build], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    : null;
  if (!built || built.status !== 0 || !fs.existsSync(cliPath)) {
    process.stderr.write('thrive: the command-line bundle (dist/main/cli.js) is missing and could not be built: run npm run build.\n');
    process.exit(1);
  }
}

// `thrive … | head`: a reader may stop early. A closed pipe ends the command quietly, as Unix tools do,
// instead of a stack trace about EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

require(cliPath)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
