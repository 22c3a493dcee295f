/**
 * A typed, in-memory stand-in for main behind `window.api`: it parses every call with the contract's
 * zod schemas and runs the same cross-field rules as main, so forms meet the same validation errors
 * (and `conflict`s such as a duplicate case reference or a stale case version, and `read_only` for a
 * closed case) that the real handlers return. It also stands in for the passing of time: creating a
 * fake installs a manual scheduler (`fake.timers`) so draft autosave runs only when a test says so.
 */
import { addWeeksTo, type IsoDate } from '../../shared/dates';
import type { CurrentViewRatings } from '../../shared/domain/current-view';
import type { GroupingCode } from '../../shared/domain/groupings';
import type { DraftKind, EndingReason, ReviewDecision } from '../../shared/domain/lifecycle';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { contract, type Api, type ArgsOf, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcError, type IpcResult } from '../../shared/ipc/result';
import { openCaseRules } from '../../shared/ipc/schemas/cases';
import { currentViewRules } from '../../shared/ipc/schemas/current-view';
import { closeCaseRules, reopenCaseRules } from '../../shared/ipc/schemas/ending';
import { planRules, type SavePlanValue } from '../../shared/ipc/schemas/plan';
import { revisePlanRules } from '../../shared/ipc/schemas/plan-revision';
import { reviewRules } from '../../shared/ipc/schemas/review';
import type { Clinician, CurrentViewRecord, DraftRecord, PlanRecord, Team } from '../../shared/ipc/types';
import { issuesToFields } from '../../shared/ipc/validate';
import { createManualScheduler, setSchedulerForTests } from '../components/scheduler';
import {
  assertVersion,
  assertWritable,
  audit,
  closeCase,
  recordReview,
  reopenCase,
  reviewContext,
  reviseContext,
  revisePlan,
  type FakeWorld,
} from './fake-lifecycle';
import { createTeam, supervisionPack, teamCases, teamCsv, teamOverview, updateClinician, type FakeTeamWorld } from './fake-team';
import {
  activeGoalsOf,
  allRated,
  copy,
  criteriaInForce,
  detailOf,
  fakeId,
  goalRecord,
  lastReviewDateOf,
  rowOf,
  type FakeCase,
} from './fake-records';

/** The fake's "today": every date in the component tests is relative to this, never the wall clock. */
export const FAKE_TODAY: IsoDate = '2027-01-11';

export interface SeedCaseOptions {
  name: string;
  caseRef: string;
  dateOfBirth?: IsoDate;
  nhsNumber?: string | null;
  referralDate?: IsoDate;
  openDate?: IsoDate;
  leadClinicianId?: string;
  /** Records a Current View at open with this grouping. */
  grouping?: GroupingCode;
  plan?: {
    agreedDate: IsoDate;
    reviewDate?: IsoDate;
    targetDate?: IsoDate;
    /** The ending criteria (default: one about school attendance). */
    criteria?: string[];
    /** A dropped goal stays in the record (with its ratings) but is no longer rated. */
    goals?: Array<{ description: string; ratings: Array<{ date: IsoDate; score: number }>; status?: 'active' | 'dropped' }>;
  };
}

/** A review added directly (test set-up, no rules): scores are for the active goals in plan order. */
export interface SeedReviewOptions {
  reviewDate: IsoDate;
  scores?: number[];
  decision?: ReviewDecision;
  /** The grouping of the Current View at review; null records the review without it ("Current View missing"). */
  grouping?: GroupingCode | null;
  ratings?: CurrentViewRatings;
  explicitDiscussion?: string | null;
  nextReviewDate?: IsoDate;
}

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi(
  options: {
    today?: IsoDate;
    now?: string;
    withProfile?: boolean;
    /** The profile's role: 'team_lead' opens the team view (default 'clinician'). */
    role?: Clinician['role'];
    settings?: Partial<Settings>;
  } = {},
) {
  const today = options.today ?? FAKE_TODAY;
  /** The instant writes and drafts are stamped with (09:30 in London on the fake's today, in winter). */
  let now = options.now ?? `${today}T09:30:00.000Z`;
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const timers = createManualScheduler();
  setSchedulerForTests(timers);
  const drafts = new Map<string, DraftRecord>();
  const draftKey = (kind: DraftKind, caseId: string | null) => `${kind}:${caseId ?? ''}`;
  /** Saving a record deletes that form's draft, as main does in the same transaction. */
  const dropDraft = (kind: DraftKind, caseId: string | null) => drafts.delete(draftKey(kind, caseId));
  const teamId = fakeId();
  const teams: Team[] = [{ id: teamId, name: 'Riverside CAMHS' }];
  const clinicians: Clinician[] = [];
  const cases = new Map<string, FakeCase>();
  const calls: Array<{ channel: Channel; args: unknown }> = [];
  const failures = new Map<Channel, IpcError>();
  let profile: Clinician | null = null;

  const addClinician = (name: string, role: Clinician['role'] = 'clinician', inTeam: string = teamId): Clinician => {
    const team = teams.find((t) => t.id === inTeam);
    if (!team) throw new AppError('not_found', 'That team was not found', [{ path: 'teamId', message: 'Choose a team' }]);
    const c: Clinician = { id: fakeId(), name, role, teamId: team.id, teamName: team.name };
    clinicians.push(c);
    return c;
  };
  if (options.withProfile !== false) profile = addClinician('Alex Morgan', options.role ?? 'clinician');

  const me = (): Clinician => {
    if (!profile) throw new AppError('forbidden', 'Set up your profile first');
    return profile;
  };
  const clinician = (id: string): Clinician => {
    const c = clinicians.find((x) => x.id === id);
    if (!c) throw new AppError('not_found', 'That clinician was not found', [{ path: 'leadClinicianId', message: 'Choose the lead clinician' }]);
    return c;
  };
  const getCase = (id: string): FakeCase => {
    const c = cases.get(id);
    if (!c) throw new AppError('not_found', 'That case was not found');
    return c;
  };
  const invalid = (fields: ReturnType<typeof openCaseRules>) => {
    if (fields.length > 0) throw validationError(fields);
  };
  const world: FakeWorld = { today, now: () => now, author: () => me(), settings: () => settings };
  const teamWorld: FakeTeamWorld = { today, settings: () => settings, me, clinicians, teams, cases };

  /** One channel: record the call, parse like main's dispatch, run the handler, copy the result. */
  function handler<C extends Channel>(channel: C, run: (args: ParsedArgsOf<C>) => ResultOf<C>) {
    return async (raw: ArgsOf<C>): Promise<IpcResult<ResultOf<C>>> => {
      calls.push({ channel, args: copy(raw) });
      const failure = failures.get(channel);
      if (failure) {
        failures.delete(channel);
        return { ok: false, error: failure };
      }
      const parsed = contract[channel].args.safeParse(raw);
      if (!parsed.success) {
        const fields = issuesToFields(parsed.error.issues);
        return { ok: false, error: validationError(fields).toIpcError() };
      }
      try {
        return { ok: true, value: copy(run(parsed.data as ParsedArgsOf<C>)) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
        throw error;
      }
    };
  }

  function recordOpeningView(c: FakeCase, completedDate: IsoDate, grouping: GroupingCode, ratings = allRated()): CurrentViewRecord {
    const author = me();
    const view: CurrentViewRecord = {
      id: fakeId(),
      caseId: c.summary.id,
      context: 'open',
      completedDate,
      reason: 'first_contact',
      grouping,
      ratings,
      recordedBy: author.id,
      recordedByName: author.name,
      createdAt: now,
    };
    c.currentViews.push(view);
    c.summary.grouping = grouping;
    c.summary.version += 1;
    audit(world, c, { action: 'current_view.record', entity: 'current_view', entityId: view.id, summary: 'Current View at open recorded' });
    return view;
  }

  function agreePlan(c: FakeCase, v: Omit<SavePlanValue, 'caseId' | 'caseVersion'>): PlanRecord {
    const author = me();
    const grouping = c.summary.grouping;
    if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
    const plan: PlanRecord = {
      id: fakeId(),
      caseId: c.summary.id,
      versionNo: 1,
      revisionReason: null,
      reviewId: null,
      agreedDate: v.agreedDate,
      grouping,
      agreedOutcome: v.agreedOutcome,
      endingCriteria: v.endingCriteria.map((text, i) => ({ id: fakeId(), position: i + 1, text, retiredAt: null })),
      likelihood: v.likelihood,
      likelihoodNote: v.likelihoodNote,
      targetDate: v.targetDate,
      contingency: v.contingency,
      reviewDate: v.reviewDate,
      riskSupportSummary: v.riskSupportSummary,
      sdm: v.sdm,
      createdAt: now,
      createdBy: author.id,
      createdByName: author.name,
    };
    c.plan = plan;
    c.planVersions = [plan];
    c.criteria = plan.endingCriteria.map((k) => ({ ...k }));
    c.goals = v.goals.map((g, i) => {
      const id = fakeId();
      return goalRecord({
        id,
        position: i + 1,
        description: g.description,
        createdOn: v.agreedDate,
        ratings: [{ id: fakeId(), goalId: id, ratedOn: v.agreedDate, score: g.firstRating, context: 'plan' }],
      });
    });
    Object.assign(c.summary, { nextReviewDate: v.reviewDate, targetDate: v.targetDate, planComplete: true });
    c.summary.version += 1;
    audit(world, c, { action: 'plan.agree', entity: 'plan', entityId: plan.id, summary: 'THRIVE plan agreed' });
    return plan;
  }

  /** Adds a case directly (test set-up), optionally with its opening Current View and a plan. */
  function seedCase(o: SeedCaseOptions): string {
    const lead = o.leadClinicianId ? clinician(o.leadClinicianId) : me();
    const openDate = o.openDate ?? '2026-11-02';
    const c: FakeCase = {
      summary: {
        id: fakeId(),
        caseRef: o.caseRef,
        episodeNo: 1,
        youngPersonId: fakeId(),
        name: o.name,
        dateOfBirth: o.dateOfBirth ?? '2012-05-04',
        nhsNumber: o.nhsNumber ?? null,
        referralDate: o.referralDate ?? openDate,
        openDate,
        closedDate: null,
        status: 'open',
        leadClinicianId: lead.id,
        leadClinicianName: lead.name,
        teamId: lead.teamId,
        coordinatingAgency: 'CAMHS',
        grouping: null,
        nextReviewDate: null,
        targetDate: null,
        planComplete: false,
        version: 1,
      },
      currentViews: [],
      plan: null,
      planVersions: [],
      goals: [],
      criteria: [],
      reviews: [],
      ending: null,
      previousEpisodeId: null,
      nextEpisodeId: null,
      history: [],
    };
    cases.set(c.summary.id, c);
    audit(world, c, { action: 'case.open', entity: 'case', entityId: c.summary.id, summary: 'Case opened' });
    if (o.grouping) recordOpeningView(c, openDate, o.grouping);
    if (o.plan) {
      const p = o.plan;
      agreePlan(c, {
        agreedDate: p.agreedDate,
        goals: [],
        agreedOutcome: 'Back at school and sleeping well',
        endingCriteria: p.criteria ?? ['Attends school every day for four weeks'],
        likelihood: 'likely',
        likelihoodNote: null,
        targetDate: p.targetDate ?? addWeeksTo(p.agreedDate, 16),
        contingency: 'Review with the family and agree a change of plan',
        reviewDate: p.reviewDate ?? addWeeksTo(p.agreedDate, settings.reviewIntervalWeeks),
        riskSupportSummary: o.grouping === 'getting_risk_support' ? 'Shared safety plan with social care' : null,
        sdm: { participants: ['young_person'], otherParticipants: null, optionsConsidered: 'CBT', decisionAid: null, collaborate: null },
      });
      c.goals = (p.goals ?? []).map((g, i) => {
        const id = fakeId();
        const ratings = g.ratings.map((r) => ({ id: fakeId(), goalId: id, ratedOn: r.date, score: r.score, context: 'session' as const }));
        const dropped = g.status === 'dropped';
        return goalRecord({
          id,
          position: i + 1,
          description: g.description,
          createdOn: g.ratings[0]?.date ?? p.agreedDate,
          status: dropped ? 'dropped' : 'active',
          endedOn: dropped ? (g.ratings[g.ratings.length - 1]?.date ?? p.agreedDate) : null,
          ratings,
        });
      });
    }
    return c.summary.id;
  }

  /** A review added directly, with its effects (ratings, Current View, grouping, next review date). */
  function seedReview(caseId: string, o: SeedReviewOptions): string {
    const c = getCase(caseId);
    const grouping = o.grouping === undefined ? (c.summary.grouping ?? 'getting_help') : o.grouping;
    const review = recordReview(world, c, {
      caseId,
      caseVersion: c.summary.version,
      reviewDate: o.reviewDate,
      attendees: ['young_person'],
      otherAttendees: null,
      goalRatings: activeGoalsOf(c).flatMap((g, i) => (o.scores?.[i] === undefined ? [] : [{ goalId: g.id, score: o.scores[i] }])),
      criteriaProgress: criteriaInForce(c).map((k) => ({ criterionId: k.id, status: 'partly' as const })),
      currentView: grouping ? { reason: 'changed_understanding', grouping, ratings: o.ratings ?? allRated() } : null,
      decision: o.decision ?? 'continue',
      explicitDiscussion: o.explicitDiscussion ?? null,
      endingPlan: o.decision === 'move_to_ending' ? 'Two more sessions, then close' : null,
      nextReviewDate: o.nextReviewDate ?? addWeeksTo(o.reviewDate, settings.reviewIntervalWeeks),
      notes: null,
    });
    return review.id;
  }

  /**
   * Closes a case directly: criteria met (or `reason`), final ratings as the latest (or `finalScores`
   * for the active goals in plan order), a Current View at close.
   */
  function seedClosure(
    caseId: string,
    o: { endingDate: IsoDate; grouping?: GroupingCode | null; reason?: EndingReason; finalScores?: number[] },
  ): void {
    const c = getCase(caseId);
    const grouping = o.grouping === undefined ? 'thriving' : o.grouping;
    closeCase(world, c, {
      caseId,
      caseVersion: c.summary.version,
      endingDate: o.endingDate,
      reason: o.reason ?? 'criteria_met',
      reasonOther: o.reason === 'other' ? 'Family moved abroad' : null,
      mhsdsCode: null,
      criteriaStatus: criteriaInForce(c).map((k) => ({ criterionId: k.id, status: 'met' as const })),
      finalRatings: activeGoalsOf(c).flatMap((g, i) => {
        const last = g.ratings[g.ratings.length - 1];
        const score = o.finalScores?.[i] ?? last?.score;
        return score === undefined ? [] : [{ goalId: g.id, score }];
      }),
      currentView: grouping ? { reason: 'changed_situation', grouping, ratings: allRated() } : null,
      continuingSupport: null,
      signposting: 'School counsellor',
      wellbeingPlan: null,
      discussedFromStart: true,
    });
  }

  const api: Api = {
    app: {
      state: handler('app:state', () => ({ profile, settings, today, caseCount: cases.size })),
    },
    profile: {
      setup: handler('profile:setup', (a) => {
        const team = teams.find((t) => t.name.toLowerCase() === a.teamName.toLowerCase()) ?? createTeam(teamWorld, a.teamName);
        const created = addClinician(a.name, a.role, team.id);
        profile = created;
        return created;
      }),
    },
    clinicians: {
      create: handler('clinicians:create', (a) => addClinician(a.name, a.role, a.teamId)),
      list: handler('clinicians:list', (a) => clinicians.filter((c) => !a.teamId || c.teamId === a.teamId)),
      update: handler('clinicians:update', (a) => updateClinician(teamWorld, a)),
    },
    teams: {
      list: handler('teams:list', () => teams),
      create: handler('teams:create', (a) => createTeam(teamWorld, a.name)),
    },
    team: {
      cases: handler('team:cases', (a) => teamCases(teamWorld, a)),
      overview: handler('team:overview', (a) => teamOverview(teamWorld, a)),
      exportCsv: handler('team:exportCsv', (a) => teamCsv(teamWorld, a)),
      supervisionPack: handler('team:supervisionPack', (a) => supervisionPack(teamWorld, a)),
    },
    settings: {
      get: handler('settings:get', () => settings),
      update: handler('settings:update', (a) => (settings = { ...settings, ...a })),
    },
    cases: {
      open: handler('cases:open', (a) => {
        invalid(openCaseRules(a, { today }));
        const lead = clinician(a.leadClinicianId);
        const taken = [...cases.values()].some((c) => c.summary.caseRef.toLowerCase() === a.caseRef.toLowerCase());
        if (taken) {
          throw new AppError('conflict', `Case reference ${a.caseRef} is already in use`, [
            { path: 'caseRef', message: `Case reference ${a.caseRef} is already in use: check it or use a different one` },
          ]);
        }
        const id = seedCase({ ...a, leadClinicianId: lead.id });
        const c = getCase(id);
        c.summary.coordinatingAgency = a.coordinatingAgency;
        dropDraft('open_case', null);
        return c.summary;
      }),
      list: handler('cases:list', (a) =>
        [...cases.values()]
          .map((c) => c.summary)
          .filter((s) => (a.status ?? 'open') === 'all' || s.status === (a.status ?? 'open'))
          .filter((s) => !a.clinicianId || s.leadClinicianId === a.clinicianId),
      ),
      get: handler('cases:get', (a) => detailOf(getCase(a.caseId), settings, today)),
      close: handler('cases:close', (a) => {
        const c = getCase(a.caseId);
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
        const ending = closeCase(world, c, a);
        dropDraft('ending', c.summary.id);
        return ending;
      }),
      reopen: handler('cases:reopen', (a) => {
        const old = getCase(a.caseId);
        assertVersion(old, a.caseVersion);
        if (old.summary.status !== 'closed' || !old.summary.closedDate) throw new AppError('conflict', 'Only a closed case can be re-opened');
        invalid(reopenCaseRules(a, { today, closedDate: old.summary.closedDate }));
        const next = reopenCase(world, old, a, clinician(a.leadClinicianId));
        cases.set(next.summary.id, next);
        dropDraft('reopen', old.summary.id);
        return next.summary;
      }),
      history: handler('cases:history', (a) => getCase(a.caseId).history),
    },
    currentView: {
      record: handler('currentView:record', (a) => {
        const c = getCase(a.caseId);
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
            recordedBy: me().id,
            recordedByName: me().name,
            createdAt: now,
          };
          c.currentViews.push(view);
          review.currentViewId = view.id;
          if (c.reviews[c.reviews.length - 1] === review) c.summary.grouping = a.grouping;
          c.summary.version += 1;
          audit(world, c, { action: 'current_view.record', entity: 'current_view', entityId: view.id, summary: 'Missing Current View of a review recorded' });
          dropDraft('current_view', c.summary.id);
          return view;
        }
        if (c.currentViews.some((v) => v.context === 'open')) {
          throw new AppError('conflict', 'The Current View at open has already been recorded for this case');
        }
        const view = recordOpeningView(c, a.completedDate, a.grouping, ratings);
        view.reason = a.reason;
        dropDraft('current_view', c.summary.id);
        return view;
      }),
    },
    plan: {
      save: handler('plan:save', (a) => {
        const c = getCase(a.caseId);
        assertWritable(c);
        if (c.plan) throw new AppError('conflict', 'A plan has already been agreed for this case');
        assertVersion(c, a.caseVersion);
        const grouping = c.summary.grouping;
        if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
        invalid(planRules(a, { today, openDate: c.summary.openDate, grouping, settings }));
        const plan = agreePlan(c, a);
        dropDraft('plan', c.summary.id);
        return plan;
      }),
      revise: handler('plan:revise', (a) => {
        const c = getCase(a.caseId);
        assertWritable(c);
        assertVersion(c, a.caseVersion);
        invalid(revisePlanRules(a, reviseContext(c, world)));
        const plan = revisePlan(world, c, a);
        dropDraft('plan_revision', c.summary.id);
        return plan;
      }),
    },
    review: {
      record: handler('review:record', (a) => {
        const c = getCase(a.caseId);
        assertWritable(c);
        assertVersion(c, a.caseVersion);
        invalid(reviewRules(a, reviewContext(c, world)));
        const review = recordReview(world, c, a);
        dropDraft('review', c.summary.id);
        return review;
      }),
    },
    drafts: {
      save: handler('drafts:save', (a) => {
        // "Open a case" has no case yet; every other form belongs to one.
        if ((a.kind === 'open_case') !== (a.caseId === null)) {
          throw validationError([{ path: 'caseId', message: a.caseId ? 'A draft of a new case does not belong to a case yet' : 'Say which case this draft belongs to' }]);
        }
        if (a.caseId) {
          const c = getCase(a.caseId);
          // The re-open form's draft belongs to the closed case it re-opens; every other form needs it open.
          if (a.kind !== 'reopen') assertWritable(c);
          else if (c.summary.status === 'open') throw new AppError('conflict', 'Only a closed case can be re-opened');
        }
        const record: DraftRecord = { kind: a.kind, caseId: a.caseId, payload: a.payload, savedAt: now };
        drafts.set(draftKey(a.kind, a.caseId), record);
        return record;
      }),
      get: handler('drafts:get', (a) => drafts.get(draftKey(a.kind, a.caseId)) ?? null),
      discard: handler('drafts:discard', (a) => ({ discarded: drafts.delete(draftKey(a.kind, a.caseId)) })),
    },
    caseload: {
      list: handler('caseload:list', (a) => {
        const who = a.clinicianId ? clinician(a.clinicianId) : me();
        const rows = [...cases.values()]
          .filter((c) => c.summary.status === 'open' && c.summary.leadClinicianId === who.id)
          .map((c) => rowOf(c, settings, today));
        return { today, clinician: who, rows };
      }),
    },
    demo: {
      seed: handler('demo:seed', () => {
        if (cases.size > 0) throw new AppError('conflict', 'The demo caseload can only be loaded into an empty database');
        seedCase({ name: 'Demo: Riley Shaw', caseRef: 'DEMO-1', grouping: 'getting_help', plan: { agreedDate: '2026-11-09', reviewDate: '2026-12-21' } });
        seedCase({ name: 'Demo: Sam Patel', caseRef: 'DEMO-2', openDate: '2026-12-01' });
        seedCase({ name: 'Demo: Jo Okafor', caseRef: 'DEMO-3', grouping: 'getting_advice', plan: { agreedDate: today, reviewDate: addWeeksTo(today, 6) } });
        return { clinicians: clinicians.length, cases: cases.size };
      }),
    },
  };

  return {
    api,
    today,
    calls,
    /** Calls made on one channel, with the arguments as sent. */
    callsTo: (channel: Channel) => calls.filter((c) => c.channel === channel).map((c) => c.args),
    /** The next call on `channel` fails with this error (e.g. a transport or server problem). */
    failNext: (channel: Channel, error: IpcError) => failures.set(channel, error),
    seedCase,
    seedReview,
    seedClosure,
    addClinician,
    /** A team (test set-up), e.g. to move a clinician into. */
    addTeam: (name: string): Team => createTeam(teamWorld, name),
    /** The team the profile starts in (Riverside CAMHS). */
    teamId,
    getCase: (id: string) => copy(getCase(id)),
    /** Another window (or person) saves the case: forms loaded before now are stale. */
    changeElsewhere: (caseId: string) => {
      getCase(caseId).summary.version += 1;
    },
    /** A saved draft as stored (test set-up), e.g. one left from before the app was closed. */
    seedDraft: (kind: DraftKind, caseId: string | null, payload: unknown, savedAt = now) => {
      drafts.set(draftKey(kind, caseId), { kind, caseId, payload: copy(payload), savedAt });
    },
    draft: (kind: DraftKind, caseId: string | null): DraftRecord | null => copy(drafts.get(draftKey(kind, caseId)) ?? null),
    /** The renderer's timers (draft autosave): `fake.timers.advance(800)` inside act(). */
    timers,
    setNow: (instant: string) => {
      now = instant;
    },
    get profile() {
      return profile;
    },
    get settings() {
      return settings;
    },
  };
}
