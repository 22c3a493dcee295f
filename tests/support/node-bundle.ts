/**
 * The esbuild settings scripts/build-main.mjs bundles main with, for tests that bundle part of the app
 * themselves (a private CLI, the crash writer, the shipped bundles' inputs). Keep the two in step:
 * tests/packaging/bundle-inputs.test.ts reads what the real bundles hold through these settings.
 */
import { build, type BuildOptions } from 'esbuild';

export const MAIN_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'],
  loader: { '.sql': 'text' },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** Bundles `entryPoints` as main is bundled, written to disk. */
export async function bundleLikeMain(options: Pick<BuildOptions, 'entryPoints' | 'outdir' | 'outfile'>): Promise<void> {
  await build({ ...MAIN_BUNDLE_OPTIONS, ...options });
}
