import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm install` rewrites package-lock.json whenever an entry's hasInstallScript differs from what npm
// derives from the installed package: an install/preinstall/postinstall script, or a binding.gyp with
// no install/preinstall script (npm then runs `node-gyp rebuild` itself). A lockfile written from a
// node_modules where that flag was lost made every fresh `npm install` dirty the checkout.
const repoRoot = path.resolve(__dirname, '..', '..');

interface LockEntry {
  hasInstallScript?: boolean;
  link?: boolean;
}

function derivedHasInstallScript(packageDir: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const scripts = manifest.scripts ?? {};
  if (scripts.install || scripts.preinstall || scripts.postinstall) return true;
  return existsSync(path.join(packageDir, 'binding.gyp'));
}

describe('package-lock.json', () => {
  it('marks exactly the installed packages that have an install step, so `npm install` leaves it unchanged', () => {
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const mismatches: string[] = [];
    let checked = 0;
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (location === '' || entry.link) continue;
      const dir = path.join(repoRoot, location);
      // Optional packages for other platforms (e.g. esbuild's) are in the lock but not on disk.
      if (!existsSync(path.join(dir, 'package.json'))) continue;
      checked += 1;
      const derived = derivedHasInstallScript(dir);
      if (derived !== (entry.hasInstallScript === true)) {
        mismatches.push(`${location}: lock says ${entry.hasInstallScript === true}, package says ${derived}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});
