/**
 * GET /v1/teams/:teamId/devices: the team lead's view of the team's devices (server/db/devices.ts).
 * Team leads of that team only: a clinician sees their colleagues' cases, not when their laptops were
 * last on. Row security still applies underneath (a lead of another team reads nothing).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { leadsTeam, loadTeamDevices } from '../db/devices';
import { withPerson } from '../db/with-person';
import { forbidden } from '../errors';
import { authenticate, checkProtocol, parseWith, type ServerDeps } from './context';

const paramsSchema = z.object({ teamId: z.string().min(1).max(64).regex(/^[A-Za-z0-9:_-]+$/, 'must be an id') });

export function registerTeamRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/v1/teams/:teamId/devices', async (request) => {
    checkProtocol(request, true);
    const { teamId } = parseWith(paramsSchema, request.params, 'team address');
    const personId = await authenticate(request, deps);
    return withPerson(deps.pool, personId, async (db) => {
      if (!(await leadsTeam(db, personId, teamId))) {
        throw forbidden("Only the team's lead can see when its members' devices last synced. Ask your service admin if you should be one.");
      }
      return loadTeamDevices(db, teamId, deps.clock.now());
    });
  });
}
