// Run first by every npm script in package.json. On a Node older than engines.node the tools fail
// later with stack traces that do not name the cause (esbuild's ERR_MODULE_NOT_FOUND, `tsc: not
// found`), so this says it in one line. `npm install` / `npm ci` cannot get here first: npm's own
// engine check (.npmrc engine-strict) stops them before any project code runs.
//
// Deliberately old-fashioned CommonJS with no dependencies: it must parse and run on any Node old
// enough to need the message, before `npm install` has put anything in node_modules.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS so that any Node can run it */

var fs = require('fs');
var path = require('path');

var COMPARATOR = /^(\^|>=)(\d+)\.(\d+)\.(\d+)$/;

function parseVersion(text) {
  return String(text).replace(/^v/, '').split('.').map(Number);
}

function compare(a, b) {
  for (var i = 0; i < 3; i += 1) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

function comparators(range) {
  return range.split('||').map(function (set) {
    return set.trim().split(/\s+/).map(function (text) {
      var match = COMPARATOR.exec(text);
      if (!match) {
        throw new Error('scripts/check-node.cjs reads only ^X.Y.Z and >=X.Y.Z in engines.node, not "' + text + '"');
      }
      return { caret: match[1] === '^', version: [Number(match[2]), Number(match[3]), Number(match[4])] };
    });
  });
}

/** Whether `version` (e.g. "20.20.2" or "v22.23.3") is in `range`, for the ^ and >= ranges npm packages use. */
function satisfies(version, range) {
  var v = parseVersion(version);
  return comparators(range).some(function (set) {
    return set.every(function (c) {
      if (compare(v, c.version) < 0) return false;
      return !c.caret || v[0] === c.version[0];
    });
  });
}

/** "22.22.2 or later (or 24.15+, 26+)" for "^22.22.2 || ^24.15.0 || >=26.0.0". */
function describe(range) {
  var lows = comparators(range).map(function (set) {
    var v = set[0].version;
    return v[1] === 0 && v[2] === 0 ? String(v[0]) : v[2] === 0 ? v[0] + '.' + v[1] : v.join('.');
  });
  return lows[0] + ' or later' + (lows.length > 1 ? ' (or ' + lows.slice(1).map(function (l) { return l + '+'; }).join(', ') + ')' : '');
}

function requiredRange() {
  var manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  return manifest.engines.node;
}

function message(version, range) {
  return (
    'THRIVE Plans needs Node.js ' + describe(range) + ' (this is v' + String(version).replace(/^v/, '') + '): ' +
    'install Node.js 22 from https://nodejs.org or with your version manager (nvm install 22), then run the command again.'
  );
}

module.exports = { satisfies: satisfies, describe: describe, message: message, requiredRange: requiredRange };

if (require.main === module) {
  var range = requiredRange();
  if (!satisfies(process.versions.node, range)) {
    console.error(message(process.versions.node, range));
    process.exit(1);
  }
}
