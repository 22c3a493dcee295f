/**
 * A closed case is read-only: every write is refused with one message and nothing is written. It can
 * be re-opened as a new episode, linked both ways, which then starts again like a new case.
 */
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc/result';
import { newId } from '../../main/db/ids';
import { tableCounts } from '../support/temp-db';
import { appWithPlan, closeArgs, currentViewArgs, planArgs, reviewArgs, reviseArgs } from '../support/test-app';

const READ_ONLY = 'This case is closed and cannot be changed. Re-open it as a new episode to continue.';

/** Today 20/12/2026: a case reviewed on 11/12/2026 without its Current View, then closed on 18/12/2026. */
function closedCase() {
  const app = appWithPlan('2026-12-20');
  const review = app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', currentView: null }));
  const open = app.detail();
  app.ok('cases:close', closeArgs(open, { endingDate: '2026-12-18' }));
  return { ...app, open, review, closed: app.detail() };
}

function reopenArgs(caseId: string, caseVersion: number, leadClinicianId: string) {
  return { caseId, caseVersion, referralDate: '2026-12-19', openDate: '2026-12-20', leadClinicianId, reason: 'Worries about school came back' };
}

describe('a closed case', () => {
  it('refuses every write with the read-only message, and nothing is written', () => {
    const app = closedCase();
    const { closed, open, review } = app;
    const writes: Array<[string, () => IpcResult<unknown>]> = [
      ['review:record', () => app.call('review:record', reviewArgs(closed, { reviewDate: '2026-12-19', caseVersion: closed.summary.version }))],
      ['plan:revise', () => app.call('plan:revise', reviseArgs(open, { caseVersion: closed.summary.version, revisedDate: '2026-12-19' }))],
      ['cases:close', () => app.call('cases:close', closeArgs(open, { caseVersion: closed.summary.version, endingDate: '2026-12-19' }))],
      ['currentView:record (at open)', () => app.call('currentView:record', currentViewArgs(app.caseId))],
      ['currentView:record (missing at review)', () => app.call('currentView:record', currentViewArgs(app.caseId, { reviewId: review.id }))],
      ['plan:save', () => app.call('plan:save', planArgs(app.caseId))],
      ['drafts:save', () => app.call('drafts:save', { kind: 'review', caseId: app.caseId, payload: { notes: 'half typed' } })],
    ];
    for (const [channel, write] of writes) {
      const before = tableCounts(app.services.db);
      expect(write(), channel).toEqual({ ok: false, error: { code: 'read_only', message: READ_ONLY } });
      expect(tableCounts(app.services.db), channel).toEqual(before);
    }
    expect(app.detail()).toEqual(closed);
    // The outcome the team view counts for this ending (hazard H31) was written at close, from the
    // Current Views at open and close and each goal's first and final rating, and no refused write moved it.
    const db = app.services.db;
    expect(db.prepare('SELECT ending_id, team_id, lead_clinician_id, closed_date, reason, grouping_at_open, grouping_at_close, goals_rated FROM ending_outcomes').all()).toEqual([
      {
        ending_id: closed.ending!.id,
        team_id: closed.summary.teamId,
        lead_clinician_id: app.profile.id,
        closed_date: '2026-12-18',
        reason: 'criteria_met',
        grouping_at_open: 'getting_help',
        grouping_at_close: 'thriving',
        goals_rated: 2,
      },
    ]);
    expect(db.prepare('SELECT first_score, final_score FROM goal_outcomes ORDER BY first_score').all()).toEqual([
      { first_score: 3, final_score: 8 },
      { first_score: 5, final_score: 8 },
    ]);
    expect(app.ok('caseload:list', {}).rows).toEqual([]);
    expect(app.ok('cases:list', { status: 'closed' }).map((c) => c.id)).toEqual([app.caseId]);
  });

  it('is re-opened as a new episode linked to it; the closed episode itself is not changed', () => {
    const app = closedCase();
    const { closed } = app;
    app.ok('drafts:save', { kind: 'reopen', caseId: app.caseId, payload: { reason: 'Worries' } });

    const episode = app.ok('cases:reopen', reopenArgs(app.caseId, closed.summary.version, app.profile.id));
    expect(episode).toMatchObject({
      caseRef: 'RIO-1001',
      episodeNo: 2,
      youngPersonId: closed.summary.youngPersonId,
      teamId: closed.summary.teamId,
      coordinatingAgency: 'CAMHS',
      referralDate: '2026-12-19',
      openDate: '2026-12-20',
      status: 'open',
      version: 1,
      grouping: null,
      planComplete: false,
      leadClinicianName: 'Sam Taylor',
    });
    expect(app.ok('drafts:get', { kind: 'reopen', caseId: app.caseId })).toBeNull();

    const before = app.detail();
    expect(before.summary).toEqual(closed.summary);
    expect(before.nextEpisodeId).toBe(episode.id);
    const next = app.ok('cases:get', { caseId: episode.id });
    expect(next).toMatchObject({ previousEpisodeId: app.caseId, nextEpisodeId: null, plan: null, reviews: [], ending: null, currentViews: [] });

    // The new episode starts again: on the caseload, the Current View at open, then a plan.
    expect(app.ok('caseload:list', {}).rows.map((r) => [r.caseRef, r.grouping])).toEqual([['RIO-1001', null]]);
    app.ok('currentView:record', currentViewArgs(episode.id, { completedDate: '2026-12-20', grouping: 'getting_advice' }));
    app.ok('plan:save', planArgs(episode.id, { agreedDate: '2026-12-20', reviewDate: '2027-01-31', goals: [], contingency: null }));
    expect(app.ok('caseload:list', {}).rows[0]).toMatchObject({ caseId: episode.id, grouping: 'getting_advice', planComplete: true });

    expect(app.ok('cases:history', { caseId: app.caseId }).at(-1)).toMatchObject({ summary: 'Re-opened as episode 2', actorName: 'Sam Taylor' });
    expect(app.ok('cases:history', { caseId: episode.id }).map((h) => h.summary)).toEqual([
      'Case re-opened as episode 2 (following episode 1): Worries about school came back',
      'Current View at open recorded (Getting Advice and Signposting)',
      'THRIVE plan agreed',
    ]);
  });

  it('refuses to re-open a case that is open, already re-opened, stale, dated before its ending, or led by nobody known', () => {
    const app = closedCase();
    const { closed } = app;
    const refusals: Array<[string, () => IpcResult<unknown>, { code: string; message?: RegExp; field?: string }]> = [
      ['from a stale form', () => app.call('cases:reopen', reopenArgs(app.caseId, closed.summary.version - 1, app.profile.id)), { code: 'conflict', message: /changed elsewhere/ }],
      [
        'dated before the case ended',
        () => app.call('cases:reopen', { ...reopenArgs(app.caseId, closed.summary.version, app.profile.id), referralDate: '2026-12-10', openDate: '2026-12-17' }),
        { code: 'validation', field: 'openDate', message: /on or after the date the case ended \(18\/12\/2026\)/ },
      ],
      [
        'with a lead clinician who does not exist',
        () => app.call('cases:reopen', reopenArgs(app.caseId, closed.summary.version, newId())),
        { code: 'validation', field: 'leadClinicianId' },
      ],
    ];
    for (const [what, call, expected] of refusals) {
      const before = tableCounts(app.services.db);
      const result = call();
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe(expected.code);
      if (expected.message) expect(JSON.stringify(result.error), what).toMatch(expected.message);
      if (expected.field) expect(result.error.fields?.map((f) => f.path), what).toContain(expected.field);
      expect(tableCounts(app.services.db), what).toEqual(before);
    }

    const episode = app.ok('cases:reopen', reopenArgs(app.caseId, closed.summary.version, app.profile.id));
    const before = tableCounts(app.services.db);
    expect(app.call('cases:reopen', reopenArgs(app.caseId, closed.summary.version, app.profile.id))).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Case RIO-1001 has already been re-opened: episode 2 is open' },
    });
    expect(app.call('cases:reopen', reopenArgs(episode.id, episode.version, app.profile.id))).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Case RIO-1001 is still open: only a closed case can be re-opened' },
    });
    expect(tableCounts(app.services.db)).toEqual(before);
  });
});
