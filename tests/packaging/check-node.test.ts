import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const script = path.join(repoRoot, 'scripts', 'check-node.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module under test is CommonJS so it runs on any Node
const check = require(script) as {
  satisfies: (version: string, range: string) => boolean;
  message: (version: string, range: string) => string;
  requiredRange: () => string;
};
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const range = manifest.engines.node;

/** An installed Node older than the range (CI machines and this one have Debian's Node 20 in /usr/bin). */
function oldNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    if (!semver.satisfies(version, range)) return candidate;
  }
  return null;
}
const old = oldNode();

describe('scripts/check-node.cjs', () => {
  it('agrees with semver on engines.node for versions either side of every bound', () => {
    const versions = ['18.20.8', '20.20.2', '22.0.0', '22.12.0', '22.22.1', '22.22.2', '22.23.3', '23.11.0', '24.0.0', '24.14.9', '24.15.0', '25.2.1', '26.0.0', '27.1.0', 'v22.23.3'];
    for (const version of versions) {
      expect([version, check.satisfies(version, range)]).toEqual([version, semver.satisfies(version, range)]);
    }
  });

  it('asks for no less than what every locked package needs, so npm install accepts the Node it lets through', () => {
    // The lowest version of each `||` branch must satisfy every package's engines.node.
    const lows = range.split('||').map((branch) => semver.minVersion(branch.trim())!.version);
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const refused: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      const needs = entry.engines?.node;
      if (!location || !needs) continue;
      for (const low of lows) if (!semver.satisfies(low, needs)) refused.push(`${location} needs ${needs}, not ${low}`);
    }
    expect(refused).toEqual([]);
    expect(lock.packages['']!.engines?.node).toBe(range);
  });

  it('says in one line what is needed, what this is and how to get Node 22', () => {
    expect(check.message('20.20.2', range)).toBe(
      'THRIVE Plans needs Node.js 22.22.2 or later (or 24.15+, 26+) (this is v20.20.2): install Node.js 22 from https://nodejs.org or with your version manager (nvm install 22), then run the command again.',
    );
  });

  it('is the first thing every npm script a person runs does', () => {
    for (const name of ['build', 'start', 'test', 'test:unit', 'test:e2e', 'typecheck', 'lint', 'dist', 'bench', 'team:trial']) {
      expect([name, manifest.scripts[name]?.startsWith('node scripts/check-node.cjs && ')]).toEqual([name, true]);
    }
  });

  it('passes quietly on this Node', () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
  });

  it.runIf(old)('stops npm start, test, build and dist on an old Node with that one line, before any tool runs', () => {
    const version = execFileSync(old!, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    const line = check.message(version, range);
    // npm runs scripts with the `node` first on PATH: put the old one first, as on a machine without Node 22.
    const env = { ...process.env, PATH: `${path.dirname(old!)}${path.delimiter}${process.env.PATH ?? ''}` };
    for (const args of [['start'], ['test'], ['run', 'build'], ['run', 'dist']]) {
      const run = spawnSync('npm', args, { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
      expect([args.join(' '), run.status]).toEqual([args.join(' '), 1]);
      expect(run.stderr.split('\n')).toContain(line);
      expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|not found|^\s+at /m);
    }
  }, 60_000);
});
