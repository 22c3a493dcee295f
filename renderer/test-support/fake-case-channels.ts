/**
 * The fake API's case channels: cases (open, list, get, close, re-open, history), currentView:record,
 * plan:save/revise and review:record. Each runs main's cross-field rules and refuses, as main does, a
 * write to a closed case (`read_only`), a stale case version or a duplicate case reference (`conflict`).
 * Saving a record drops that form's draft.
 */
import type { CurrentViewRatings } from '../../shared/domain/current-view';
import type { Api } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { openCaseRules } from '../../shared/ipc/schemas/cases';
import { currentViewRules } from '../../shared/ipc/schemas/current-view';
import { closeCaseRules, reopenCaseRules } from '../../shared/ipc/schemas/ending';
import { planRules } from '../../shared/ipc/schemas/plan';
import { revisePlanRules } from '../../shared/ipc/schemas/plan-revision';
import { reviewRules } from '../../shared/ipc/schemas/review';
import type { CurrentViewRecord } from '../../shared/ipc/types';
import { assertVersion, assertWritable, audit, closeCase, recordReview, reopenCase, reviewContext, reviseContext, revisePlan } from './fake-lifecycle';
import { agreePlan, recordOpeningView } from './fake-opening';
import { activeGoalsOf, criteriaInForce, detailOf, fakeId, lastReviewDateOf } from './fake-records';
import { seedCase } from './fake-seed';
import { invalid, type FakeState } from './fake-state';

export function caseChannels(s: FakeState): Pick<Api, 'cases' | 'currentView' | 'plan' | 'review'> {
  const { today } = s;
  return {
    cases: {
      open: s.handler('cases:open', (a) => {
        invalid(openCaseRules(a, { today }));
        const lead = s.clinician(a.leadClinicianId);
        const taken = [...s.cases.values()].some((c) => c.summary.caseRef.toLowerCase() === a.caseRef.toLowerCase());
        if (taken) {
          throw new AppError('conflict', `Case reference ${a.caseRef} is already in use`, [
            { path: 'caseRef', message: `Case reference ${a.caseRef} is already in use: check it or use a different one` },
          ]);
        }
        const id = seedCase(s, { ...a, leadClinicianId: lead.id });
        const c = s.getCase(id);
        c.summary.coordinatingAgency = a.coordinatingAgency;
        s.dropDraft('open_case', null);
        return c.summary;
      }),
      list: s.handler('cases:list', (a) =>
        [...s.cases.values()]
          .map((c) => c.summary)
          .filter((summary) => (a.status ?? 'open') === 'all' || summary.status === (a.status ?? 'open'))
          .filter((summary) => !a.clinicianId || summary.leadClinicianId === a.clinicianId),
      ),
      get: s.handler('cases:get', (a) => detailOf(s.getCase(a.caseId), s.settings, today)),
      close: s.handler('cases:close', (a) => {
        const c = s.getCase(a.caseId);
        assertWritable(c);
        assertVersion(c, a.caseVersion);
        invalid(
          closeCaseRules(a, {
            today,
            openDate: c.summary.openDate,
            lastReviewDate: lastReviewDateOf(c),
            activeGoals: activeGoalsOf(c),
            criteria: criteriaInForce(c),
          }),
        );
        const ending = closeCase(s.world, c, a);
        s.dropDraft('ending', c.summary.id);
        return ending;
      }),
      reopen: s.handler('cases:reopen', (a) => {
        const old = s.getCase(a.caseId);
        assertVersion(old, a.caseVersion);
        if (old.summary.status !== 'closed' || !old.summary.closedDate) throw new AppError('conflict', 'Only a closed case can be re-opened');
        invalid(reopenCaseRules(a, { today, closedDate: old.summary.closedDate }));
        const next = reopenCase(s.world, old, a, s.clinician(a.leadClinicianId));
        s.cases.set(next.summary.id, next);
        s.dropDraft('reopen', old.summary.id);
        return next.summary;
      }),
      history: s.handler('cases:history', (a) => s.getCase(a.caseId).history),
    },
    currentView: {
      record: s.handler('currentView:record', (a) => {
        const c = s.getCase(a.caseId);
        assertWritable(c);
        invalid(currentViewRules(a, { today, openDate: c.summary.openDate, context: a.reviewId ? 'review' : 'open' }));
        const ratings = a.ratings as CurrentViewRatings;
        if (a.reviewId) {
          const review = c.reviews.find((r) => r.id === a.reviewId);
          if (!review) throw new AppError('not_found', 'That review was not found');
          if (review.currentViewId) throw new AppError('conflict', 'The Current View of this review has already been recorded');
          const view: CurrentViewRecord = {
            id: fakeId(),
            caseId: c.summary.id,
            context: 'review',
            completedDate: review.reviewDate,
            reason: a.reason,
            grouping: a.grouping,
            ratings,
            recordedBy: s.me().id,
            recordedByName: s.me().name,
            createdAt: s.now,
          };
          c.currentViews.push(view);
          review.currentViewId = view.id;
          if (c.reviews[c.reviews.length - 1] === review) c.summary.grouping = a.grouping;
          c.summary.version += 1;
          audit(s.world, c, { action: 'current_view.record', entity: 'current_view', entityId: view.id, summary: 'Missing Current View of a review recorded' });
          s.dropDraft('current_view', c.summary.id);
          return view;
        }
        if (c.currentViews.some((v) => v.context === 'open')) {
          throw new AppError('conflict', 'The Current View at open has already been recorded for this case');
        }
        const view = recordOpeningView(s, c, a.completedDate, a.grouping, ratings);
        view.reason = a.reason;
        s.dropDraft('current_view', c.summary.id);
        return view;
      }),
    },
    plan: {
      save: s.handler('plan:save', (a) => {
        const c = s.getCase(a.caseId);
        assertWritable(c);
        if (c.plan) throw new AppError('conflict', 'A plan has already been agreed for this case');
        assertVersion(c, a.caseVersion);
        const grouping = c.summary.grouping;
        if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
        invalid(planRules(a, { today, openDate: c.summary.openDate, grouping, settings: s.settings }));
        const plan = agreePlan(s, c, a);
        s.dropDraft('plan', c.summary.id);
        return plan;
      }),
      revise: s.handler('plan:revise', (a) => {
        const c = s.getCase(a.caseId);
        assertWritable(c);
        assertVersion(c, a.caseVersion);
        invalid(revisePlanRules(a, reviseContext(c, s.world)));
        const plan = revisePlan(s.world, c, a);
        s.dropDraft('plan_revision', c.summary.id);
        return plan;
      }),
    },
    review: {
      record: s.handler('review:record', (a) => {
        const c = s.getCase(a.caseId);
        assertWritable(c);
        assertVersion(c, a.caseVersion);
        invalid(reviewRules(a, reviewContext(c, s.world)));
        const review = recordReview(s.world, c, a);
        s.dropDraft('review', c.summary.id);
        return review;
      }),
    },
  };
}
