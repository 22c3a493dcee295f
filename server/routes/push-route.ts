/** POST /v1/cases/:caseId/versions: one new version of a case (server/db/push.ts does the work). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IDEMPOTENCY_HEADER, pushBodySchema, type PushConflict } from '../../shared/sync/protocol';
import { pushCase, type Precondition } from '../db/push';
import { badRequest } from '../errors';
import { authenticate, checkProtocol, header, outboxReportOf, parseWith, type ServerDeps } from './context';

const paramsSchema = z.object({ caseId: z.string().min(1).max(64).regex(/^[A-Za-z0-9:_-]+$/, 'must be an id') });
const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9:_-]{8,128}$/, 'must be 8 to 128 letters, digits, -, _ or :');

function preconditionOf(request: FastifyRequest): Precondition {
  const ifMatch = header(request, 'if-match');
  const ifNoneMatch = header(request, 'if-none-match');
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw badRequest('Send either If-Match (the version the change was made on) or If-None-Match: * (a new case), not both.');
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') throw badRequest('If-None-Match must be * (the case is new to the server).');
    return { kind: 'new' };
  }
  const match = /^"(\d{1,9})"$/.exec(ifMatch?.trim() ?? '');
  if (!match || Number(match[1]) < 1) {
    throw badRequest('Say which version of the case this change was made on: If-Match: "<version>", or If-None-Match: * for a new case.');
  }
  return { kind: 'match', version: Number(match[1]) };
}

export function registerPushRoute(app: FastifyInstance, deps: ServerDeps): void {
  app.post('/v1/cases/:caseId/versions', async (request, reply) => {
    checkProtocol(request, true);
    const personId = await authenticate(request, deps);
    const { caseId } = parseWith(paramsSchema, request.params, 'case address');
    const idempotencyKey = parseWith(idempotencyKeySchema, header(request, IDEMPOTENCY_HEADER), `${IDEMPOTENCY_HEADER} header`);
    const precondition = preconditionOf(request);
    const body = parseWith(pushBodySchema, request.body, 'change sent');
    const report = outboxReportOf(request);
    const outcome = await pushCase(deps.pool, { personId, caseId, precondition, idempotencyKey, body, now: deps.clock.now(), ...(report ? { report } : {}) });
    if (outcome.kind === 'conflict') {
      const conflict: PushConflict = {
        error: {
          code: 'conflict',
          message: `Someone else saved this case (version ${outcome.server.version}, by ${outcome.server.authorName}) since your change was made. Your change is kept: compare the two and choose.`,
        },
        server: outcome.server,
      };
      return reply.code(412).send(conflict);
    }
    return reply.code(outcome.created ? 201 : 200).send(outcome.result);
  });
}
