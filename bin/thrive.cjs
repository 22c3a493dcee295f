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

const cliPath = path.join(__dirname, '..', 'dist', 'main', 'cli.js');
if (!fs.existsSync(cliPath)) {
  process.stderr.write('thrive: Run npm run build first (dist/main/cli.js is missing).\n');
  process.exit(1);
}

require(cliPath)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
