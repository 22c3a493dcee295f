/**
 * Two windows (or two people) open the same case and both save: the second save was made from stale
 * data, so it gets a conflict — never a silent overwrite — and nothing of it is written.
 */
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc/result';
import { tableCounts } from '../support/temp-db';
import { appWithCase, appWithPlan, closeArgs, planArgs, reviewArgs, reviseArgs, type TestApp } from '../support/test-app';

const CONFLICT = {
  ok: false,
  error: {
    code: 'conflict',
    message: 'This case was changed elsewhere (another window or person) since you opened it. Nothing was saved: reload to see the changes.',
  },
};

type Detail = ReturnType<ReturnType<typeof appWithPlan>['detail']>;
type Save = (app: TestApp, stale: Detail) => IpcResult<unknown>;

const review: Save = (app, d) => app.call('review:record', reviewArgs(d, { reviewDate: '2026-12-18', nextReviewDate: '2027-01-29' }));
const revise: Save = (app, d) => app.call('plan:revise', reviseArgs(d, { revisedDate: '2026-12-18', reason: 'New target', targetDate: '2027-03-31' }));
const close: Save = (app, d) => app.call('cases:close', closeArgs(d, { endingDate: '2026-12-19' }));

const pairs: Array<[string, Save, Save]> = [
  ['a review, then a review from the same form', review, review],
  ['a review, then a revision from before it', review, revise],
  ['a revision, then a review from before it', revise, review],
  ['a review, then closing from before it', review, close],
  ['closing, then a review from before it', close, review],
];

describe('two saves of the same case from stale data', () => {
  it.each(pairs)('%s: the second is refused as a conflict and writes nothing', (_what, first, second) => {
    const app = appWithPlan('2026-12-20');
    const stale = app.detail();
    const firstResult = first(app, stale);
    expect(firstResult.ok).toBe(true);
    const after = app.detail();
    expect(after.summary.version).toBe(stale.summary.version + 1);
    const before = tableCounts(app.services.db);
    const result = second(app, stale);
    // A case closed by the first save is read-only, which takes precedence over staleness.
    expect(result).toEqual(first === close ? { ok: false, error: { code: 'read_only', message: expect.any(String) } } : CONFLICT);
    expect(tableCounts(app.services.db)).toEqual(before);
    expect(app.detail()).toEqual(after);
  });

  it('the plan form too, when it says which version it was loaded from', () => {
    const app = appWithCase('2026-11-22');
    const version = app.ok('cases:get', { caseId: app.caseId }).summary.version;
    app.ok('plan:save', planArgs(app.caseId, { caseVersion: version }));
    const before = tableCounts(app.services.db);
    expect(app.call('plan:save', planArgs(app.caseId, { caseVersion: version }))).toEqual(CONFLICT);
    expect(tableCounts(app.services.db)).toEqual(before);
  });

  it('every write to a case moves its version on', () => {
    const app = appWithPlan('2026-12-20');
    const versions = [app.detail().summary.version];
    app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-11', currentView: null }));
    versions.push(app.detail().summary.version);
    const reviewId = app.detail().reviews[0]!.id;
    app.ok('currentView:record', { caseId: app.caseId, reviewId, completedDate: '2026-12-20', reason: 'changed_understanding', grouping: 'getting_help', ratings: reviewArgs(app.detail()).currentView!.ratings });
    versions.push(app.detail().summary.version);
    app.ok('plan:revise', reviseArgs(app.detail(), { revisedDate: '2026-12-18' }));
    versions.push(app.detail().summary.version);
    app.ok('cases:close', closeArgs(app.detail(), { endingDate: '2026-12-19' }));
    versions.push(app.detail().summary.version);
    expect(versions).toEqual([3, 4, 5, 6, 7]);
  });
});
