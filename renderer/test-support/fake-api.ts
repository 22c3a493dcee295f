/**
 * A typed, in-memory stand-in for main behind `window.api`: it parses every call with the contract's
 * zod schemas and runs the same cross-field rules as main, so forms meet the same validation errors
 * (and `conflict`s such as a duplicate case reference) that the real handlers return.
 */
import { addWeeksTo, type IsoDate } from '../../shared/dates';
import type { GroupingCode } from '../../shared/domain/groupings';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { contract, type Api, type ArgsOf, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/ipc/contract';
import { AppError, validationError, type IpcError, type IpcResult } from '../../shared/ipc/result';
import { openCaseRules } from '../../shared/ipc/schemas/cases';
import { currentViewRules } from '../../shared/ipc/schemas/current-view';
import { planRules, type SavePlanValue } from '../../shared/ipc/schemas/plan';
import type { Clinician, CurrentViewRecord, PlanRecord } from '../../shared/ipc/types';
import { issuesToFields } from '../../shared/ipc/validate';
import { allRated, copy, detailOf, fakeId, rowOf, type FakeCase } from './fake-records';

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
    goals?: Array<{ description: string; ratings: Array<{ date: IsoDate; score: number }> }>;
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi(options: { today?: IsoDate; withProfile?: boolean; settings?: Partial<Settings> } = {}) {
  const today = options.today ?? FAKE_TODAY;
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const teamId = fakeId();
  const clinicians: Clinician[] = [];
  const cases = new Map<string, FakeCase>();
  const calls: Array<{ channel: Channel; args: unknown }> = [];
  const failures = new Map<Channel, IpcError>();
  let profile: Clinician | null = null;

  const addClinician = (name: string, role: Clinician['role'] = 'clinician'): Clinician => {
    const c: Clinician = { id: fakeId(), name, role, teamId, teamName: 'Riverside CAMHS' };
    clinicians.push(c);
    return c;
  };
  if (options.withProfile !== false) profile = addClinician('Alex Morgan');

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
      createdAt: `${today}T12:00:00.000Z`,
    };
    c.currentViews.push(view);
    c.summary.grouping = grouping;
    c.summary.version += 1;
    return view;
  }

  function agreePlan(c: FakeCase, v: Omit<SavePlanValue, 'caseId' | 'caseVersion'>): PlanRecord {
    const author = me();
    const grouping = c.summary.grouping;
    if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
    const plan: PlanRecord = {
      id: fakeId(),
      caseId: c.summary.id,
      agreedDate: v.agreedDate,
      grouping,
      agreedOutcome: v.agreedOutcome,
      endingCriteria: v.endingCriteria.map((text, i) => ({ id: fakeId(), position: i + 1, text })),
      likelihood: v.likelihood,
      likelihoodNote: v.likelihoodNote,
      targetDate: v.targetDate,
      contingency: v.contingency,
      reviewDate: v.reviewDate,
      riskSupportSummary: v.riskSupportSummary,
      sdm: v.sdm,
      createdAt: `${today}T12:00:00.000Z`,
      createdBy: author.id,
      createdByName: author.name,
    };
    c.plan = plan;
    c.goals = v.goals.map((g, i) => ({
      id: fakeId(),
      position: i + 1,
      description: g.description,
      status: 'active',
      ratings: [{ id: fakeId(), goalId: '', ratedOn: v.agreedDate, score: g.firstRating, context: 'plan' }],
    }));
    for (const g of c.goals) for (const r of g.ratings) r.goalId = g.id;
    Object.assign(c.summary, { nextReviewDate: v.reviewDate, targetDate: v.targetDate, planComplete: true });
    c.summary.version += 1;
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
        teamId,
        coordinatingAgency: 'CAMHS',
        grouping: null,
        nextReviewDate: null,
        targetDate: null,
        planComplete: false,
        version: 1,
      },
      currentViews: [],
      plan: null,
      goals: [],
    };
    cases.set(c.summary.id, c);
    if (o.grouping) recordOpeningView(c, openDate, o.grouping);
    if (o.plan) {
      const p = o.plan;
      agreePlan(c, {
        agreedDate: p.agreedDate,
        goals: [],
        agreedOutcome: 'Back at school and sleeping well',
        endingCriteria: ['Attends school every day for four weeks'],
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
        return {
          id,
          position: i + 1,
          description: g.description,
          status: 'active' as const,
          ratings: g.ratings.map((r) => ({ id: fakeId(), goalId: id, ratedOn: r.date, score: r.score, context: 'session' as const })),
        };
      });
    }
    return c.summary.id;
  }

  const api: Api = {
    app: {
      state: handler('app:state', () => ({ profile, settings, today, caseCount: cases.size })),
    },
    profile: {
      setup: handler('profile:setup', (a) => {
        const created = addClinician(a.name, a.role);
        created.teamName = a.teamName;
        profile = created;
        return created;
      }),
    },
    clinicians: {
      create: handler('clinicians:create', (a) => addClinician(a.name, a.role)),
      list: handler('clinicians:list', (a) => clinicians.filter((c) => !a.teamId || c.teamId === a.teamId)),
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
        return c.summary;
      }),
      list: handler('cases:list', (a) =>
        [...cases.values()]
          .map((c) => c.summary)
          .filter((s) => (a.status ?? 'open') === 'all' || s.status === (a.status ?? 'open'))
          .filter((s) => !a.clinicianId || s.leadClinicianId === a.clinicianId),
      ),
      get: handler('cases:get', (a) => detailOf(getCase(a.caseId), settings, today)),
    },
    currentView: {
      record: handler('currentView:record', (a) => {
        const c = getCase(a.caseId);
        invalid(currentViewRules(a, { today, openDate: c.summary.openDate, context: 'open' }));
        if (c.currentViews.some((v) => v.context === 'open')) {
          throw new AppError('conflict', 'The Current View at open has already been recorded for this case');
        }
        const view = recordOpeningView(c, a.completedDate, a.grouping, a.ratings as FakeCase['currentViews'][number]['ratings']);
        view.reason = a.reason;
        return view;
      }),
    },
    plan: {
      save: handler('plan:save', (a) => {
        const c = getCase(a.caseId);
        if (c.plan) throw new AppError('conflict', 'A plan has already been agreed for this case');
        if (a.caseVersion !== undefined && a.caseVersion !== c.summary.version) {
          throw new AppError('conflict', 'This case was changed since you opened the form. Reload it and try again.');
        }
        const grouping = c.summary.grouping;
        if (!grouping) throw new AppError('conflict', 'Record the Current View at open before agreeing the plan');
        invalid(planRules(a, { today, openDate: c.summary.openDate, grouping, settings }));
        return agreePlan(c, a);
      }),
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
    addClinician,
    getCase: (id: string) => copy(getCase(id)),
    get profile() {
      return profile;
    },
    get settings() {
      return settings;
    },
  };
}
