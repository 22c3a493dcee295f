/**
 * The writer process of the robustness tests (tests/support/crash-writer.ts): bundled with esbuild the
 * way scripts/build-main.mjs bundles main, and the database it writes to, with a profile and one
 * planned case per name.
 */
import { join, resolve } from 'node:path';
import { fixedClock } from '../../shared/clock';
import type { IsoDate } from '../../shared/dates';
import { createAppServices } from '../../main/app-services';
import { currentViewArgs, openCaseArgs, planArgs } from './test-app';
import { bundleLikeMain } from './node-bundle';

const ROOT = resolve(__dirname, '../..');

/** Bundles the writer (and the app code it runs) into `outDir`; returns the file to run with node. */
export async function buildWriter(outDir: string): Promise<string> {
  const outfile = join(outDir, 'crash-writer.cjs');
  await bundleLikeMain({ entryPoints: [join(ROOT, 'tests', 'support', 'crash-writer.ts')], outfile });
  return outfile;
}

/** A database with a profile and one planned case per name; its key in a key file beside it. */
export function prepareDatabase(dbPath: string, names: readonly string[], today: IsoDate): void {
  const services = createAppServices({ dbPath, create: true, clock: fixedClock(today), log: () => {} });
  try {
    const invoke = (channel: string, args: unknown) => {
      const result = services.invoke(channel, args);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as { id: string };
    };
    const profile = invoke('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    names.forEach((name, i) => {
      const opened = invoke('cases:open', openCaseArgs(profile.id, { caseRef: `CRASH-${i + 1}`, name, nhsNumber: null }));
      invoke('currentView:record', currentViewArgs(opened.id));
      invoke('plan:save', planArgs(opened.id));
    });
  } finally {
    services.close();
  }
}
