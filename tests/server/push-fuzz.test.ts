/**
 * Arbitrary push bodies and headers (fast-check) over real HTTP: every answer is either an acceptance
 * or errorBodySchema, the server stays up, and the change log grows only by what was accepted.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorBodySchema, pushAcceptedSchema } from '../../shared/sync/protocol';
import { call, caseDocument, pushBody } from './support/api';
import { startWorld, type World } from './support/two-teams';

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const logSize = async () =>
  Number((await world.server.admin((c) => c.query('SELECT count(*) AS n FROM change_log'))).rows[0].n);

it('answers every arbitrary push with an acceptance or a refusal in the error shape, writing only what it accepts', async () => {
  const token = await world.token('alex');
  let accepted = 0;
  const before = await logSize();
  const mutatedBody = fc.record({ path: fc.constantFrom('deviceId', 'madeBy', 'madeAt', 'document', 'extra'), value: fc.anything() });
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.anything(), mutatedBody, fc.constant(null)),
      fc.option(fc.constantFrom('*', '"1"', '"0"', 'garbage'), { nil: undefined }),
      async (mutation, precondition) => {
        const caseId = `case-${randomUUID()}`;
        const valid = pushBody(world.ids.alex, caseDocument(caseId, 'team-a')) as unknown as Record<string, unknown>;
        const body =
          mutation && typeof mutation === 'object' && 'path' in mutation && 'value' in mutation
            ? { ...valid, [String(mutation.path)]: mutation.value }
            : mutation === null ? valid : mutation;
        const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
        if (precondition === '*') headers['if-none-match'] = '*';
        else if (precondition !== undefined) headers['if-match'] = precondition;
        const res = await call(`${world.server.url}/v1/cases/${caseId}/versions`, {
          method: 'POST', token, headers, body: JSON.stringify(body) ?? 'null',
        });
        if (res.status === 200 || res.status === 201) {
          pushAcceptedSchema.parse(res.body);
          accepted++;
        } else {
          expect([400, 403, 404, 412, 413, 422]).toContain(res.status);
          if (res.status !== 412) errorBodySchema.parse(res.body);
        }
      },
    ),
    { numRuns: 60 },
  );
  expect(await logSize()).toBe(before + accepted);
  expect((await call(`${world.server.url}/v1/config`)).status).toBe(200);
});
