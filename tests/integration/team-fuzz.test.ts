/**
 * Arbitrary payloads thrown at the team view's channels (docs/quality.md#bad-input: property-based tests at every channel):
 * each call is accepted or refused with a named error, never an internal failure, and a refused write
 * leaves the database exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/contract';
import { tableCounts } from '../support/temp-db';
import { openCaseArgs, startApp } from '../support/test-app';

const CHANNELS: Channel[] = ['team:overview', 'team:cases', 'team:exportCsv', 'team:supervisionPack', 'teams:list', 'teams:create', 'clinicians:update'];

describe('team view channels under arbitrary input', () => {
  it('answer every payload with a result or a named refusal; refusals change nothing', () => {
    const app = startApp();
    const ann = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
    const ben = app.ok('clinicians:create', { name: 'Ben Carter', role: 'clinician', teamId: ann.teamId });
    app.ok('cases:open', openCaseArgs(ben.id));
    const ids = [ann.id, ben.id, ann.teamId, '01900000-0000-7000-8000-000000000000', 'x'];
    const payload = fc.oneof(
      fc.anything(),
      fc.record(
        {
          teamId: fc.constantFrom(...ids),
          clinicianId: fc.constantFrom(...ids),
          closedFrom: fc.oneof(fc.constantFrom('2026-01-01', '2026-13-01', '2027-01-01', ''), fc.string()),
          closedTo: fc.oneof(fc.constantFrom('2026-06-30', '2025-01-01'), fc.string()),
          name: fc.oneof(fc.constantFrom('CAMHS West', 'camhs west', '  ', 'Ann Lead'), fc.string()),
          role: fc.constantFrom('clinician', 'team_lead', 'boss'),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), payload, (channel, args) => {
        const before = tableCounts(app.services.db);
        const result = app.services.invoke(channel, args);
        if (!result.ok) {
          expect(['validation', 'not_found', 'conflict', 'forbidden']).toContain(result.error.code);
          expect(tableCounts(app.services.db)).toEqual(before);
        }
      }),
      { numRuns: 400 },
    );
    expect(app.logs.filter((l) => l.includes('failed'))).toEqual([]);
  });
});
