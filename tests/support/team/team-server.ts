/**
 * The real team server for tests: a fresh database on a TestPostgres (tests/support/team/postgres.ts),
 * migrated as the owner, the API on a thrive_api pool, listening on 127.0.0.1 on a random port.
 *
 *   const pg = await startPostgres();
 *   const server = await startTeamServer({ postgres: pg, verifyToken, config: { issuer, clientId, audience } });
 *   await server.admin((c) => createTeam(c, { id: 'team-a', name: 'Team A' }));   // server/db/admin.ts
 *   await fetch(`${server.url}/v1/config`);
 *   await server.close();   // then pg.stop()
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { fixedClock, type Clock } from '../../../shared/clock';
import { buildServer, type PublicConfig } from '../../../server/app';
import type { VerifyToken } from '../../../server/auth/verify-token';
import { apiUrlFrom, migrate, setApiPassword } from '../../../server/db/migrate';
import { loadServerId } from '../../../server/db/people';
import { createApiPool } from '../../../server/db/with-person';
import type { TestPostgres } from './postgres';

export interface TeamServer {
  /** http://127.0.0.1:<port> */
  url: string;
  serverId: string;
  /** Superuser URL of this server's database (the owner: migrations, admin CLI, tampering in tests). */
  ownerUrl: string;
  /** thrive_api URL of this server's database (what the API logs in as). */
  apiUrl: string;
  pool: pg.Pool;
  app: FastifyInstance;
  clock: Clock;
  /** Runs fn with a connected owner client (e.g. createTeam / grant from server/db/admin.ts). */
  admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface TeamServerOptions {
  postgres: TestPostgres;
  verifyToken: VerifyToken;
  config: PublicConfig;
  clock?: Clock;
  /** Database name (default a fresh random one), so one cluster can hold several servers. */
  database?: string;
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const database = options.database ?? `thrive_${randomBytes(4).toString('hex')}`;
  await options.postgres.createDatabase(database);
  const ownerUrl = options.postgres.url(database);
  await migrate(ownerUrl);
  const password = randomBytes(18).toString('base64url');
  await setApiPassword(ownerUrl, password);
  const apiUrl = apiUrlFrom(ownerUrl, password);
  const pool = createApiPool(apiUrl);
  const serverId = await loadServerId(pool);
  const clock = options.clock ?? fixedClock('2026-03-02');
  const app = buildServer({ pool, verifyToken: options.verifyToken, serverId, clock, config: options.config });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    serverId,
    ownerUrl,
    apiUrl,
    pool,
    app,
    clock,
    async admin(fn) {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    },
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
