// Bundles the team server (server/main.ts, server/admin-cli.ts) to CommonJS for Node 22 in dist/server,
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
  external: ['pg-native'],
  entryPoints: { main: 'server/main.ts', 'admin-cli': 'server/admin-cli.ts' },
  outdir: 'dist/server',
  logLevel: 'warning',
});
cpSync('server/db/migrations', 'dist/server/migrations', { recursive: true });
