/**
 * The team server's HTTP API (Fastify 5). buildServer wires the routes to a thrive_api pool, a token
 * verifier, the server id and a clock; server/main.ts adds TLS and the environment, tests listen on
 * 127.0.0.1:0 (tests/support/team/team-server.ts). Every refusal is errorBodySchema.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ErrorBody } from '../shared/sync/protocol';
import { ApiError, isDatabaseUnavailable, unavailable } from './errors';
import type { ServerDeps } from './routes/context';
import { registerPushRoute } from './routes/push-route';
import { registerReadRoutes } from './routes/read-routes';
import { registerTeamRoutes } from './routes/team-routes';

export type { PublicConfig, ServerDeps } from './routes/context';

export interface BuildOptions extends ServerDeps {
  /** Largest request body accepted, in bytes (default 16 MiB: a large case document). */
  bodyLimit?: number;
  /** Fastify's logger option (default off; server/main.ts turns it on). */
  logger?: boolean;
  /** TLS for a real deployment (server/main.ts). */
  https?: { cert: string | Buffer; key: string | Buffer };
}

function errorBody(error: FastifyError | Error): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.status, body: error.body() };
  if (isDatabaseUnavailable(error)) {
    const e = unavailable();
    return { status: e.status, body: e.body() };
  }
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message =
      status === 413
        ? 'The change is too large for the team server to accept. Tell your service admin.'
        : `The request could not be read: ${error.message}. Update the app; if it keeps happening tell your service admin.`;
    return { status: status === 413 || status === 415 ? status : 400, body: { error: { code: 'bad_request', message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'unavailable',
        message: 'The team server hit a problem it did not expect. Nothing partial was saved; try again, and tell your service admin if it keeps happening.',
      },
    },
  };
}

export function buildServer(options: BuildOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  const deps: ServerDeps = {
    pool: options.pool,
    verifyToken: options.verifyToken,
    serverId: options.serverId,
    clock: options.clock,
    config: options.config,
  };
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(status).header('cache-control', 'no-store').send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    const body: ErrorBody = { error: { code: 'not_found', message: 'The team server has no such address. Update the app.' } };
    void reply.code(404).send(body);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    // Case documents are health records: never cached by anything between the device and the server.
    reply.header('cache-control', 'no-store');
    return payload;
  });
  registerReadRoutes(app, deps);
  registerPushRoute(app, deps);
  registerTeamRoutes(app, deps);
  return app;
}
