/**
 * What goes into the shipped bundles, from esbuild's own record of its inputs (the same settings as
 * scripts/build-main.mjs, written to memory): the test bridge can never reach the app, and the
 * sandboxed preload carries the channel list and nothing else.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { MAIN_BUNDLE_OPTIONS } from '../support/node-bundle';

const repoRoot = path.resolve(__dirname, '..', '..');

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: repoRoot,
    ...MAIN_BUNDLE_OPTIONS,
    entryPoints: [entry],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys((result.metafile as Metafile).inputs);
}

describe('shipped bundles', () => {
  it('the main process never includes test code such as the e2e bridge', async () => {
    const inputs = await inputsOf('main/index.ts');
    expect(inputs).toContain('main/index.ts');
    expect(inputs.filter((file) => file.startsWith('tests/') || /\.test\.ts$/.test(file))).toEqual([]);
    expect(inputs.some((file) => file.includes('bridge'))).toBe(false);
    // pdfkit stays external (it reads its font files from its own folder), and ships in node_modules.
    expect(inputs.some((file) => file.includes('node_modules/pdfkit/'))).toBe(false);
  });

  it('the preload holds only itself, the channel names and the api builder: no zod, no handlers, no Node modules', async () => {
    const inputs = await inputsOf('main/preload.ts');
    expect(inputs.sort()).toEqual(['main/preload.ts', 'shared/ipc/build-api.ts', 'shared/ipc/channels.ts']);
  });
});
