/**
 * Drafts autosaved while a form is being filled: saved, restored and discarded; cleared when the
 * record is saved; never a record (no flags, no caseload change, no version bump, no audit entry).
 */
import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../shared/ipc/schemas/drafts';
import { countAudit } from '../../main/db/repos/audit';
import { tableCounts } from '../support/temp-db';
import { appWithCase, appWithPlan, closeArgs, currentViewArgs, openCaseArgs, planArgs, reviewArgs, reviseArgs, startApp } from '../support/test-app';

describe('drafts', () => {
  it('saves, restores (the latest wins) and discards a half-filled review', () => {
    const app = appWithPlan('2026-12-20');
    expect(app.ok('drafts:get', { kind: 'review', caseId: app.caseId })).toBeNull();
    app.ok('drafts:save', { kind: 'review', caseId: app.caseId, payload: { reviewDate: '20/12/2026' } });
    app.clock.set('2026-12-21');
    const saved = app.ok('drafts:save', { kind: 'review', caseId: app.caseId, payload: { reviewDate: '20/12/2026', notes: 'Jess came with her dad' } });
    expect(saved).toEqual({ kind: 'review', caseId: app.caseId, payload: { reviewDate: '20/12/2026', notes: 'Jess came with her dad' }, savedAt: expect.stringMatching(/^2026-12-21T/) });
    expect(app.ok('drafts:get', { kind: 'review', caseId: app.caseId })).toEqual(saved);
    // Another form of the same case has its own draft.
    expect(app.ok('drafts:get', { kind: 'ending', caseId: app.caseId })).toBeNull();

    expect(app.ok('drafts:discard', { kind: 'review', caseId: app.caseId })).toEqual({ discarded: true });
    expect(app.ok('drafts:get', { kind: 'review', caseId: app.caseId })).toBeNull();
    expect(app.ok('drafts:discard', { kind: 'review', caseId: app.caseId })).toEqual({ discarded: false });
  });

  it('is never a record: the case, its flags, the caseload and the audit trail are untouched', () => {
    const app = appWithPlan('2026-12-20');
    const before = { detail: app.detail(), caseload: app.ok('caseload:list', {}), audit: countAudit(app.services.db) };
    app.ok('drafts:save', { kind: 'review', caseId: app.caseId, payload: { reviewDate: '20/12/2026', decision: 'move_to_ending' } });
    app.ok('drafts:save', { kind: 'ending', caseId: app.caseId, payload: { endingDate: '20/12/2026' } });
    expect(app.detail()).toEqual(before.detail);
    expect(app.ok('caseload:list', {})).toEqual(before.caseload);
    expect(countAudit(app.services.db)).toBe(before.audit);
  });

  it("is cleared when its form's record is saved, in the same transaction", () => {
    const app = startApp('2026-12-20');
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const draft = (kind: 'open_case' | 'current_view' | 'plan' | 'review' | 'plan_revision' | 'ending' | 'reopen', caseId: string | null) => {
      app.ok('drafts:save', { kind, caseId, payload: { typed: kind } });
      return () => app.ok('drafts:get', { kind, caseId });
    };

    const openDraft = draft('open_case', null);
    const opened = app.ok('cases:open', openCaseArgs(profile.id));
    expect(openDraft()).toBeNull();

    const cvDraft = draft('current_view', opened.id);
    app.ok('currentView:record', currentViewArgs(opened.id));
    expect(cvDraft()).toBeNull();

    const planDraft = draft('plan', opened.id);
    app.ok('plan:save', planArgs(opened.id));
    expect(planDraft()).toBeNull();

    const detail = () => app.ok('cases:get', { caseId: opened.id });
    const reviewDraft = draft('review', opened.id);
    const endingDraft = draft('ending', opened.id);
    app.ok('review:record', reviewArgs(detail(), { reviewDate: '2026-12-11', currentView: null }));
    expect(reviewDraft()).toBeNull();
    expect(endingDraft()).not.toBeNull();

    const missingCvDraft = draft('current_view', opened.id);
    app.ok('currentView:record', currentViewArgs(opened.id, { reviewId: detail().reviews[0]!.id }));
    expect(missingCvDraft()).toBeNull();

    const revisionDraft = draft('plan_revision', opened.id);
    app.ok('plan:revise', reviseArgs(detail(), { revisedDate: '2026-12-18' }));
    expect(revisionDraft()).toBeNull();

    // Closing clears the ending draft and every other draft of the case: they can no longer be saved.
    const lateReviewDraft = draft('review', opened.id);
    app.ok('cases:close', closeArgs(detail(), { endingDate: '2026-12-19' }));
    expect(endingDraft()).toBeNull();
    expect(lateReviewDraft()).toBeNull();

    const reopenDraft = draft('reopen', opened.id);
    app.ok('cases:reopen', { caseId: opened.id, caseVersion: detail().summary.version, referralDate: '2026-12-20', openDate: '2026-12-20', leadClinicianId: profile.id, reason: 'Back again' });
    expect(reopenDraft()).toBeNull();
    expect(tableCounts(app.services.db).drafts).toBe(0);
  });

  it('refuses a draft for a closed case (except the re-open form), a missing case, or the wrong kind of key', () => {
    const app = appWithPlan('2026-12-20');
    expect(app.call('drafts:save', { kind: 'reopen', caseId: app.caseId, payload: {} })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    app.ok('cases:close', closeArgs(app.detail(), { endingDate: '2026-12-19' }));
    const before = tableCounts(app.services.db);
    expect(app.call('drafts:save', { kind: 'review', caseId: app.caseId, payload: { notes: 'x' } })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(app.call('drafts:save', { kind: 'open_case', caseId: app.caseId, payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'caseId' }] },
    });
    expect(app.call('drafts:save', { kind: 'review', caseId: null, payload: {} })).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'caseId' }] } });
    expect(app.call('drafts:save', { kind: 'review', caseId: '0190aaaa-0000-7000-8000-000000000000', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(tableCounts(app.services.db)).toEqual(before);
    app.ok('drafts:save', { kind: 'reopen', caseId: app.caseId, payload: { reason: 'Worries came back' } });
  });

  it(`refuses a draft larger than ${MAX_DRAFT_BYTES / 1024} KB, and one that is not JSON data`, () => {
    const app = appWithCase('2026-12-20');
    const before = tableCounts(app.services.db);
    const big = { notes: 'x'.repeat(MAX_DRAFT_BYTES) };
    expect(app.call('drafts:save', { kind: 'plan', caseId: app.caseId, payload: big })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'payload', message: 'A draft must be smaller than 256 KB' }] },
    });
    expect(app.services.invoke('drafts:save', { kind: 'plan', caseId: app.caseId, payload: { when: new Date() } })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(app.services.invoke('drafts:save', { kind: 'letter', caseId: app.caseId, payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: 'kind' }] },
    });
    expect(tableCounts(app.services.db)).toEqual(before);
    app.ok('drafts:save', { kind: 'plan', caseId: app.caseId, payload: { notes: 'x'.repeat(MAX_DRAFT_BYTES - 20) } });
  });
});
