// Bundles the main process, the preload and the CLI to CommonJS for Node 22 / Electron 45.
// Native and Electron modules stay external: better-sqlite3-multiple-ciphers loads its N-API prebuild
// at run time, and `electron` exists only inside the app.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // pdfkit reads its font metrics (.afm files) from its own folder at run time, so it is not bundled.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
};

await build({
  ...common,
  // db-worker runs in a worker thread (main/workers/run-job.ts), so it is a file of its own.
  entryPoints: { index: 'main/index.ts', cli: 'main/cli.ts', 'db-worker': 'main/workers/db-worker.ts' },
  outdir: 'dist/main',
});
// The sandboxed preload may only require a few Electron modules: bundle everything else into it.
await build({ ...common, entryPoints: { preload: 'main/preload.ts' }, outdir: 'dist/main' });
