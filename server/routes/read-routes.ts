/** GET /v1/config (public), GET /v1/me, GET /v1/changes and GET /v1/cases/:caseId/versions/:version. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEVICE_HEADER, OLDEST_ACCEPTED_PROTOCOL, PROTOCOL_VERSION, type ServerConfig } from '../../shared/sync/protocol';
import { loadVersion } from '../db/changes';
import { loadMe } from '../db/people';
import { pullChanges } from '../db/pull';
import { withPerson } from '../db/with-person';
import { notFound } from '../errors';
import { authenticate, checkProtocol, header, outboxReportOf, parseWith, type ServerDeps } from './context';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9:_-]+$/, 'must be an id');
const pullQuerySchema = z.object({
  cursor: z.string().max(16_384).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const versionParamsSchema = z.object({ caseId: id, version: z.coerce.number().int().min(1).max(2_000_000_000) });

export function registerReadRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/v1/config', async (request) => {
    checkProtocol(request, false);
    const body: ServerConfig = {
      serverId: deps.serverId,
      protocol: PROTOCOL_VERSION,
      oldestAcceptedProtocol: OLDEST_ACCEPTED_PROTOCOL,
      ...deps.config,
    };
    return body;
  });

  app.get('/v1/me', async (request) => {
    checkProtocol(request, true);
    const personId = await authenticate(request, deps);
    return loadMe(deps.pool, personId, deps.serverId);
  });

  app.get('/v1/changes', async (request) => {
    checkProtocol(request, true);
    const query = parseWith(pullQuerySchema, request.query, 'download request');
    const personId = await authenticate(request, deps);
    const device = header(request, DEVICE_HEADER);
    const deviceId = device === undefined ? undefined : parseWith(id, device, `${DEVICE_HEADER} header`);
    const report = outboxReportOf(request);
    return pullChanges(deps.pool, {
      personId, serverId: deps.serverId, cursor: query.cursor, limit: query.limit, deviceId, now: deps.clock.now(), ...(report ? { report } : {}),
    });
  });

  app.get('/v1/cases/:caseId/versions/:version', async (request) => {
    checkProtocol(request, true);
    const params = parseWith(versionParamsSchema, request.params, 'case version requested');
    const personId = await authenticate(request, deps);
    const change = await withPerson(deps.pool, personId, (db) => loadVersion(db, params.caseId, params.version));
    if (!change) throw notFound('The server has no such version of this case that you may see.');
    return change;
  });
}
