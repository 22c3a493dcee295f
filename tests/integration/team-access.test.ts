/** Who may use the team view, and what it refuses: team leads only; a period that runs backwards. */
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/contract';
import { tableCounts } from '../support/temp-db';
import { openCaseArgs, startApp } from '../support/test-app';

const FORBIDDEN = {
  ok: false,
  error: { code: 'forbidden', message: 'The team view is for team leads. Ask a team lead, or change your role in Settings.' },
};

describe('team view access', () => {
  it('is refused before a profile exists', () => {
    const app = startApp();
    expect(app.call('team:cases', {})).toEqual(FORBIDDEN);
    expect(app.call('team:overview', {})).toEqual(FORBIDDEN);
    expect(app.call('team:exportCsv', {})).toEqual(FORBIDDEN);
  });

  it('is refused to a clinician (every team channel), and opens once they are made a team lead', () => {
    const app = startApp();
    const sam = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    app.ok('cases:open', openCaseArgs(sam.id));
    const before = tableCounts(app.services.db);
    const calls: Array<[Channel, object]> = [
      ['team:cases', {}],
      ['team:cases', { clinicianId: sam.id }],
      ['team:overview', {}],
      ['team:exportCsv', {}],
      ['team:supervisionPack', { clinicianId: sam.id }],
    ];
    for (const [channel, args] of calls) expect(app.services.invoke(channel, args), channel).toEqual(FORBIDDEN);
    expect(tableCounts(app.services.db)).toEqual(before);

    app.ok('clinicians:update', { clinicianId: sam.id, role: 'team_lead' });
    expect(app.ok('team:cases', {}).rows.map((r) => r.caseRef)).toEqual(['RIO-1001']);
  });

  it('defaults the period to the 12 months up to today, and refuses a period whose start is after its end', () => {
    const app = startApp('2028-02-29');
    app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
    expect(app.ok('team:overview', {}).period).toEqual({ from: '2027-02-28', to: '2028-02-29' });
    expect(app.ok('team:overview', { closedTo: '2027-12-31' }).period).toEqual({ from: '2027-02-28', to: '2027-12-31' });
    expect(app.ok('team:overview', { closedFrom: '2028-01-01', closedTo: '2028-01-01' }).period).toEqual({ from: '2028-01-01', to: '2028-01-01' });

    const backwards = { ok: false, error: { code: 'validation', message: 'The start of the period must be the same as or before the end', fields: [{ path: 'closedFrom', message: 'The start of the period must be the same as or before the end' }] } };
    expect(app.call('team:overview', { closedFrom: '2028-01-02', closedTo: '2028-01-01' })).toEqual(backwards);
    // A start after today with no end given runs backwards too (the end defaults to today).
    expect(app.call('team:overview', { closedFrom: '2028-03-01' })).toEqual(backwards);
  });

  it('names the field of a date that is not a real date', () => {
    const app = startApp();
    app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
    expect(app.call('team:overview', { closedFrom: '2026-02-30' })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Enter a real date as dd/mm/yyyy, for example 15/03/2026',
        fields: [{ path: 'closedFrom', message: 'Enter a real date as dd/mm/yyyy, for example 15/03/2026' }],
      },
    });
    expect(app.call('team:overview', { closedTo: '' })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'closedTo' }] } });
    expect(app.call('team:cases', { clinicianId: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'clinicianId' }] } });
  });

  it('gives an empty team zero everywhere, every category still listed', () => {
    const app = startApp();
    const ann = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
    expect(app.ok('team:cases', {}).rows).toEqual([]);
    const o = app.ok('team:overview', {});
    expect(o).toMatchObject({ openCases: 0, needAction: 0, closedInPeriod: 0, openToNow: [], openToClose: [] });
    expect(o.byFlag.every((f) => f.count === 0)).toBe(true);
    expect(o.byGrouping.map((g) => g.grouping)).toEqual(['thriving', 'getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support']);
    expect(o.byClinician).toEqual([{ clinicianId: ann.id, name: 'Ann Lead', role: 'team_lead', open: 0, needAction: 0 }]);
    expect(o.timeOpen.map((t) => t.count)).toEqual([0, 0, 0, 0, 0]);
    expect(o.endingReasons).toHaveLength(8);
  });
});
