/**
 * A small hand-built team whose team-view answers are known exactly (worked out by hand in
 * team-known.test.ts), built through the channels as clinicians would, on 22/11/2026:
 *
 *   Team "CAMHS West": Ann Lead (team lead), Ben Carter, Cara Diaz (no cases).
 *   Open cases                              flags on 22/11/2026
 *     A Alice Able   (Ann)  Risk Support, plan 02/09, review due 20/09, never reviewed → Risk Support gap + overdue
 *     L Lara Lane    (Ann)  reviewed 15/08, next review 23/10                          → overdue 30 days
 *     B Bella Brown  (Ben)  reviewed 14/09 (stepped down to Advice), next 10/11         → overdue 12 days
 *     F Finn Ford    (Ben)  target 01/10, last review 15/07                             → past target date
 *     G Gwen Gray    (Ann)  goal rated 5, 5, 6 over 89 days                             → goals stuck
 *     D Dan Dunn     (Ben)  opened 01/10 with a Current View, no plan                   → no plan
 *     H Hana Hill    (Ben)  review 20/10 recorded without its Current View              → Current View missing
 *     E Erin Eve     (Ann)  first review 26/11                                          → review due soon
 *     C Cody Cole    (Ann)  opened 10/11, nothing recorded yet                          → no flag
 *   Closed: I Isla Ives (Ann) 20/03/2026 criteria met; J Jay James (Ben) 10/04/2026 did not engage;
 *           K Kim Kerr (Ann) 01/10/2025 moved away (before the default 12-month period).
 *   Team "CAMHS East": Eve East (team lead) with one overdue case, which West must never show.
 */
import type { IsoDate } from '../../shared/dates';
import type { GroupingCode } from '../../shared/domain/groupings';
import type { ArgsOf, ResultOf } from '../../shared/ipc/contract';
import type { Clinician } from '../../shared/ipc/types';
import { closeArgs, currentViewArgs, openCaseArgs, planArgs, ratings, reviewArgs, startApp, type TestApp } from './test-app';

export const TODAY: IsoDate = '2026-11-22';

interface GoalSpec {
  words: string;
  first: number;
}

interface CaseSpec {
  ref: string;
  name: string;
  lead: Clinician;
  open: IsoDate;
  nhsNumber?: string | null;
  grouping?: GroupingCode;
  plan?: { agreed: IsoDate; review: IsoDate; target: IsoDate; goals: GoalSpec[]; outcome?: string; criteria?: string[] };
}

export type Detail = ResultOf<'cases:get'>;

export function openSpecCase(app: TestApp, spec: CaseSpec): { id: string; detail: () => Detail } {
  const opened = app.ok(
    'cases:open',
    openCaseArgs(spec.lead.id, {
      caseRef: spec.ref,
      name: spec.name,
      nhsNumber: spec.nhsNumber ?? null,
      dateOfBirth: '2011-03-04',
      referralDate: spec.open,
      openDate: spec.open,
    }),
  );
  if (spec.grouping) app.ok('currentView:record', currentViewArgs(opened.id, { completedDate: spec.open, grouping: spec.grouping }));
  if (spec.plan) {
    const p = spec.plan;
    app.ok(
      'plan:save',
      planArgs(opened.id, {
        agreedDate: p.agreed,
        reviewDate: p.review,
        targetDate: p.target,
        goals: p.goals.map((g) => ({ description: g.words, firstRating: g.first })),
        ...(p.outcome ? { agreedOutcome: p.outcome } : {}),
        ...(p.criteria ? { endingCriteria: p.criteria } : {}),
        riskSupportSummary: spec.grouping === 'getting_risk_support' ? 'Safety plan shared with school; weekly calls.' : null,
      }),
    );
  }
  return { id: opened.id, detail: () => app.ok('cases:get', { caseId: opened.id }) };
}

/** A review with one score per goal in force (in goal order); a Current View unless `grouping` is null. */
export function review(
  app: TestApp,
  c: { detail: () => Detail },
  date: IsoDate,
  next: IsoDate,
  scores: number[],
  grouping: GroupingCode | null,
  extra: Partial<ArgsOf<'review:record'>> = {},
): void {
  const d = c.detail();
  const goals = d.goals.filter((g) => g.status === 'active');
  app.ok(
    'review:record',
    reviewArgs(d, {
      reviewDate: date,
      nextReviewDate: next,
      goalRatings: goals.map((g, i) => ({ goalId: g.id, score: scores[i]! })),
      currentView: grouping ? { reason: 'changed_understanding', grouping, ratings: ratings() } : null,
      ...extra,
    }),
  );
}

export function close(
  app: TestApp,
  c: { detail: () => Detail },
  date: IsoDate,
  reason: ArgsOf<'cases:close'>['reason'],
  finals: number[],
  grouping: GroupingCode,
): void {
  const d = c.detail();
  const goals = d.goals.filter((g) => g.status === 'active');
  app.ok(
    'cases:close',
    closeArgs(d, {
      endingDate: date,
      reason,
      finalRatings: goals.map((g, i) => ({ goalId: g.id, score: finals[i]! })),
      currentView: { reason: 'changed_situation', grouping, ratings: ratings({ p9: 0, p3: 0 }) },
    }),
  );
}

export function buildKnownTeam() {
  const app = startApp(TODAY);
  const ann = app.ok('profile:setup', { name: 'Ann Lead', role: 'team_lead', teamName: 'CAMHS West' });
  const ben = app.ok('clinicians:create', { name: 'Ben Carter', role: 'clinician', teamId: ann.teamId });
  const cara = app.ok('clinicians:create', { name: 'Cara Diaz', role: 'clinician', teamId: ann.teamId });
  const east = app.ok('teams:create', { name: 'CAMHS East' });
  const eve = app.ok('clinicians:create', { name: 'Eve East', role: 'team_lead', teamId: east.id });

  const goal = (words: string, first: number): GoalSpec => ({ words, first });
  const cases = {
    A: openSpecCase(app, {
      ref: 'RIO-A',
      name: 'Alice Able',
      lead: ann,
      open: '2026-09-01',
      nhsNumber: '943 476 5919',
      grouping: 'getting_risk_support',
      plan: {
        agreed: '2026-09-02',
        review: '2026-09-20',
        target: '2027-03-01',
        goals: [goal('Get through a bad night without cutting', 2)],
        outcome: 'Alice stays safe and knows who to call in a crisis.',
        criteria: ['No self-harm for eight weeks', 'Alice can name two people she would call'],
      },
    }),
    L: openSpecCase(app, {
      ref: 'RIO-L',
      name: 'Lara Lane',
      lead: ann,
      open: '2026-07-01',
      grouping: 'getting_help',
      plan: { agreed: '2026-07-02', review: '2026-08-15', target: '2027-06-01', goals: [goal('Sleep through most nights', 5)] },
    }),
    B: openSpecCase(app, {
      ref: 'RIO-B',
      name: 'Bella Brown',
      lead: ben,
      open: '2026-08-01',
      grouping: 'getting_help',
      plan: { agreed: '2026-08-03', review: '2026-09-14', target: '2027-02-01', goals: [goal('Go to school every day', 3), goal('Tell Mum when I feel low', 5)] },
    }),
    F: openSpecCase(app, {
      ref: 'RIO-F',
      name: 'Finn Ford',
      lead: ben,
      open: '2026-06-01',
      grouping: 'getting_help',
      plan: { agreed: '2026-06-05', review: '2026-07-15', target: '2026-10-01', goals: [goal('Eat lunch at school', 4)] },
    }),
    G: openSpecCase(app, {
      ref: 'RIO-G',
      name: 'Gwen Gray',
      lead: ann,
      open: '2026-05-01',
      grouping: 'getting_help',
      plan: { agreed: '2026-05-04', review: '2026-06-15', target: '2027-05-01', goals: [goal('Go into town with my friends', 5)] },
    }),
    D: openSpecCase(app, { ref: 'RIO-D', name: 'Dan Dunn', lead: ben, open: '2026-10-01', grouping: 'getting_more_help' }),
    H: openSpecCase(app, {
      ref: 'RIO-H',
      name: 'Hana Hill',
      lead: ben,
      open: '2026-09-15',
      grouping: 'getting_help',
      plan: { agreed: '2026-09-16', review: '2026-10-20', target: '2027-04-01', goals: [goal('Feel less worried about exams', 4)] },
    }),
    E: openSpecCase(app, {
      ref: 'RIO-E',
      name: 'Erin Eve',
      lead: ann,
      open: '2026-10-20',
      grouping: 'getting_help',
      plan: { agreed: '2026-10-27', review: '2026-11-26', target: '2027-03-01', goals: [goal('Get back to football training', 3)] },
    }),
    C: openSpecCase(app, { ref: 'RIO-C', name: 'Cody Cole', lead: ann, open: '2026-11-10' }),
    I: openSpecCase(app, {
      ref: 'RIO-I',
      name: 'Isla Ives',
      lead: ann,
      open: '2026-01-05',
      grouping: 'getting_help',
      plan: { agreed: '2026-01-06', review: '2026-02-16', target: '2026-06-01', goals: [goal('Talk to my teacher', 2), goal('Cope when plans change', 6)] },
    }),
    J: openSpecCase(app, {
      ref: 'RIO-J',
      name: 'Jay James',
      lead: ben,
      open: '2026-02-01',
      grouping: 'getting_more_help',
      plan: { agreed: '2026-02-02', review: '2026-03-16', target: '2026-08-01', goals: [goal('Spend less time in my room', 7)] },
    }),
    K: openSpecCase(app, {
      ref: 'RIO-K',
      name: 'Kim Kerr',
      lead: ann,
      open: '2025-06-01',
      grouping: 'getting_advice',
      plan: { agreed: '2025-06-02', review: '2025-07-14', target: '2025-12-01', goals: [goal('Get up in time for school', 3)] },
    }),
    Z: openSpecCase(app, {
      ref: 'RIO-Z',
      name: 'Zed Zane',
      lead: eve,
      open: '2026-06-01',
      grouping: 'getting_help',
      plan: { agreed: '2026-06-02', review: '2026-07-14', target: '2027-06-01', goals: [goal('Stop checking the door', 4)] },
    }),
  };

  review(app, cases.L, '2026-08-15', '2026-10-23', [8], 'getting_help');
  review(app, cases.B, '2026-09-14', '2026-11-10', [7, 5], 'getting_advice', { decision: 'change_grouping' });
  review(app, cases.F, '2026-07-15', '2026-12-15', [4], 'getting_help');
  const discussed = { explicitDiscussion: 'Agreed to try a different approach to going out for four weeks.' };
  review(app, cases.G, '2026-06-15', '2026-08-01', [5], 'getting_help', discussed);
  review(app, cases.G, '2026-08-01', '2026-12-20', [6], 'getting_help', discussed);
  review(app, cases.H, '2026-10-20', '2026-12-29', [5], null);
  review(app, cases.I, '2026-02-16', '2026-04-01', [4, 6], 'getting_help');
  close(app, cases.I, '2026-03-20', 'criteria_met', [8, 5], 'thriving');
  close(app, cases.J, '2026-04-10', 'did_not_engage', [3], 'getting_more_help');
  close(app, cases.K, '2025-10-01', 'moved_away', [9], 'getting_advice');

  return { app, ann, ben, cara, eve, east, cases };
}
