/** In-process services on a real temporary database, and valid inputs to vary one field at a time. */
import { afterEach, expect } from 'vitest';
import { fixedClock } from '../../shared/clock';
import type { IsoDate } from '../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { createAppServices, type AppServices } from '../../main/app-services';
import { TEST_KEY, tempDbPath } from './temp-db';

export interface TestApp {
  services: AppServices;
  clock: ReturnType<typeof fixedClock>;
  logs: string[];
  call<C extends Channel>(channel: C, args: ArgsOf<C>): IpcResult<ResultOf<C>>;
  /** Calls and expects success; returns the value. */
  ok<C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C>;
}

const open: AppServices[] = [];

/** On a new temporary database; or on `dbPath`, one `thrive init` made (its key file beside it). */
export function startApp(today: IsoDate = '2026-11-22', dbPath?: string): TestApp {
  const clock = fixedClock(today);
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const services = createAppServices(dbPath ? { dbPath, clock, log } : { dbPath: tempDbPath(), key: TEST_KEY, create: true, clock, log });
  open.push(services);
  const call = <C extends Channel>(channel: C, args: ArgsOf<C>) => services.invoke(channel, args) as IpcResult<ResultOf<C>>;
  return {
    services,
    clock,
    logs,
    call,
    ok: (channel, args) => {
      const result = call(channel, args);
      if (!result.ok) expect.fail(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
  };
}

// Registered after temp-db's cleanup, so it runs before it: databases close before their folder goes.
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Every item rated: a low-mood picture with one "Not known". */
export function ratings(overrides: Partial<CurrentViewRatings> = {}): CurrentViewRatings {
  const r: CurrentViewRatings = {};
  for (const item of CURRENT_VIEW_ITEMS) r[item.code] = item.scale === 'severity' ? 0 : 'no';
  return { ...r, p9: 2, p3: 1, cf12: 'not_known', ...overrides } as CurrentViewRatings;
}

export function openCaseArgs(leadClinicianId: string, overrides: Partial<ArgsOf<'cases:open'>> = {}): ArgsOf<'cases:open'> {
  return {
    caseRef: 'RIO-1001',
    name: 'Jess Example',
    dateOfBirth: '2012-05-14',
    nhsNumber: '943 476 5919',
    referralDate: '2026-10-01',
    openDate: '2026-10-20',
    leadClinicianId,
    coordinatingAgency: 'CAMHS',
    ...overrides,
  };
}

export function currentViewArgs(caseId: string, overrides: Partial<ArgsOf<'currentView:record'>> = {}): ArgsOf<'currentView:record'> {
  return { caseId, completedDate: '2026-10-20', reason: 'first_contact', grouping: 'getting_help', ratings: ratings(), ...overrides };
}

export function planArgs(caseId: string, overrides: Partial<ArgsOf<'plan:save'>> = {}): ArgsOf<'plan:save'> {
  return {
    caseId,
    agreedDate: '2026-10-27',
    goals: [
      { description: 'Go to school without feeling sick every morning', firstRating: 3 },
      { description: 'Tell Mum when I feel low', firstRating: 5 },
    ],
    agreedOutcome: 'Jess feels able to go to school most days and to talk about how she feels.',
    endingCriteria: ['Attending school four days a week for a month', 'Jess says she can manage low days'],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: '2027-02-27',
    contingency: 'If not achieved, we will consider the group programme.',
    reviewDate: '2026-12-08',
    riskSupportSummary: null,
    sdm: {
      participants: ['young_person', 'parent_carer'],
      otherParticipants: null,
      optionsConsidered: 'CBT-informed sessions; guided self-help',
      decisionAid: 'i-THRIVE Grid: low mood',
      collaborate: { understand: 8, listen: 9, include: 8 },
    },
    ...overrides,
  };
}

/** A profile, and a case opened with its Current View at open recorded (ready for a plan). */
export function appWithCase(today: IsoDate = '2026-11-22') {
  const app = startApp(today);
  const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
  const opened = app.ok('cases:open', openCaseArgs(profile.id));
  app.ok('currentView:record', currentViewArgs(opened.id));
  return { ...app, profile, caseId: opened.id, detail: () => app.ok('cases:get', { caseId: opened.id }) };
}

type Detail = ResultOf<'cases:get'>;

function activeGoals(detail: Detail) {
  return detail.goals.filter((g) => g.status === 'active');
}

function criteriaInForce(detail: Detail) {
  return detail.criteria.filter((c) => c.retiredAt === null);
}

/** A valid review of the case as it now stands: every goal in force rated, every criterion "partly". */
export function reviewArgs(detail: Detail, overrides: Partial<ArgsOf<'review:record'>> = {}): ArgsOf<'review:record'> {
  return {
    caseId: detail.summary.id,
    caseVersion: detail.summary.version,
    reviewDate: '2026-12-11',
    attendees: ['young_person', 'parent_carer'],
    otherAttendees: null,
    goalRatings: activeGoals(detail).map((g, i) => ({ goalId: g.id, score: 5 + i })),
    criteriaProgress: criteriaInForce(detail).map((c) => ({ criterionId: c.id, status: 'partly' as const })),
    currentView: { reason: 'changed_understanding', grouping: detail.summary.grouping ?? 'getting_help', ratings: ratings({ p9: 1 }) },
    decision: 'continue',
    explicitDiscussion: null,
    endingPlan: null,
    nextReviewDate: '2027-01-22',
    notes: null,
    ...overrides,
  };
}

/** A revision that keeps the plan as it is, ready to vary: every goal and criterion in force kept. */
export function reviseArgs(detail: Detail, overrides: Partial<ArgsOf<'plan:revise'>> = {}): ArgsOf<'plan:revise'> {
  const plan = detail.plan!;
  return {
    caseId: detail.summary.id,
    caseVersion: detail.summary.version,
    revisedDate: '2026-12-11',
    reviewId: null,
    reason: 'Jess wants the goals to be about school days',
    goals: activeGoals(detail).map((g) => ({ goalId: g.id, description: g.description, firstRating: null })),
    agreedOutcome: plan.agreedOutcome,
    endingCriteria: criteriaInForce(detail).map((c) => ({ criterionId: c.id, text: c.text })),
    likelihood: plan.likelihood,
    likelihoodNote: plan.likelihoodNote,
    targetDate: plan.targetDate,
    contingency: plan.contingency,
    reviewDate: '2027-01-22',
    riskSupportSummary: plan.riskSupportSummary,
    sdm: plan.sdm,
    ...overrides,
  };
}

/** A complete ending of the case as it now stands: final ratings, every criterion met, the Current View at close. */
export function closeArgs(detail: Detail, overrides: Partial<ArgsOf<'cases:close'>> = {}): ArgsOf<'cases:close'> {
  return {
    caseId: detail.summary.id,
    caseVersion: detail.summary.version,
    endingDate: '2027-02-10',
    reason: 'criteria_met',
    reasonOther: null,
    mhsdsCode: null,
    criteriaStatus: criteriaInForce(detail).map((c) => ({ criterionId: c.id, status: 'met' as const })),
    finalRatings: activeGoals(detail).map((g) => ({ goalId: g.id, score: 8 })),
    currentView: { reason: 'changed_situation', grouping: 'thriving', ratings: ratings({ p9: 0, p3: 0 }) },
    continuingSupport: null,
    signposting: 'School wellbeing team',
    wellbeingPlan: 'Jess keeps her plan for low days on her phone.',
    discussedFromStart: true,
    ...overrides,
  };
}

/** A profile and a case with its Current View at open and its plan agreed (reviews can start). */
export function appWithPlan(today: IsoDate = '2026-11-22') {
  const app = appWithCase(today);
  app.ok('plan:save', planArgs(app.caseId));
  return app;
}
