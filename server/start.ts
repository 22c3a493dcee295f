/**
 * Starting the team server for real (server/main.ts): configuration from the environment, checked
 * before anything listens. Without TLS it refuses any address but loopback: tokens and health records
 * never cross a network in the clear.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../shared/clock';
import { londonDateOf } from '../shared/dates';
import { buildServer } from './app';
import { createTokenVerifier } from './auth/verify-token';
import { SCHEMA_VERSION } from './db/migrate';
import { createApiPool } from './db/with-person';

const required = (what: string) => z.string({ error: `is required: ${what}` }).min(1, `is required: ${what}`);
const envSchema = z.object({
  THRIVE_DATABASE_URL: required('the thrive_api login URL of the PostgreSQL database'),
  THRIVE_OIDC_ISSUER: required('the identity provider’s issuer URL').pipe(z.url('must be the identity provider’s issuer URL')),
  THRIVE_OIDC_AUDIENCE: required('the audience access tokens are issued for'),
  THRIVE_OIDC_CLIENT_ID: required('the client id the desktop app signs in as'),
  THRIVE_PORT: z.coerce.number().int().min(0).max(65_535).default(8443),
  THRIVE_HOST: z.string().min(1).default('0.0.0.0'),
  THRIVE_TLS_CERT: z.string().optional(),
  THRIVE_TLS_KEY: z.string().optional(),
});
export type ServerEnv = z.infer<typeof envSchema>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The checked configuration, or an Error whose message says what to set. */
export function readServerEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n'));
  }
  const config = result.data;
  if (Boolean(config.THRIVE_TLS_CERT) !== Boolean(config.THRIVE_TLS_KEY)) {
    throw new Error('Set both THRIVE_TLS_CERT and THRIVE_TLS_KEY (paths to the PEM certificate and its key), or neither.');
  }
  if (!config.THRIVE_TLS_CERT && !LOOPBACK.has(config.THRIVE_HOST)) {
    throw new Error(
      `Refusing to serve without TLS on ${config.THRIVE_HOST}: set THRIVE_TLS_CERT and THRIVE_TLS_KEY, or THRIVE_HOST=127.0.0.1 for a trial on this machine only.`,
    );
  }
  return config;
}

export function systemClock(): Clock {
  return { today: () => londonDateOf(Date.now()), now: () => new Date().toISOString() };
}

export interface Started {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: ServerEnv, log = true): Promise<Started> {
  const pool = createApiPool(config.THRIVE_DATABASE_URL);
  const { rows } = await pool.query<{ server_id: string; schema_version: number }>('SELECT server_id, schema_version FROM server_meta');
  const meta = rows[0];
  if (!meta || meta.schema_version !== SCHEMA_VERSION) {
    await pool.end();
    throw new Error(
      `The database is at schema version ${meta?.schema_version ?? 'none'}, this server needs ${SCHEMA_VERSION}: run \`admin-cli migrate\` with the owner URL first.`,
    );
  }
  const https = config.THRIVE_TLS_CERT
    ? { cert: readFileSync(config.THRIVE_TLS_CERT), key: readFileSync(config.THRIVE_TLS_KEY!) }
    : undefined;
  const app = buildServer({
    pool,
    serverId: meta.server_id,
    clock: systemClock(),
    verifyToken: createTokenVerifier({ issuer: config.THRIVE_OIDC_ISSUER, audience: config.THRIVE_OIDC_AUDIENCE }),
    config: { issuer: config.THRIVE_OIDC_ISSUER, audience: config.THRIVE_OIDC_AUDIENCE, clientId: config.THRIVE_OIDC_CLIENT_ID },
    logger: log,
    ...(https ? { https } : {}),
  });
  const url = await app.listen({ host: config.THRIVE_HOST, port: config.THRIVE_PORT });
  return {
    app,
    url,
    async stop() {
      await app.close();
      await pool.end();
    },
  };
}
