/**
 * Test set-up for the component tests, written through the real channels (`cases:open`,
 * `currentView:record`, `plan:save`, `plan:revise`, `review:record`, `cases:close`, and `import:commit`
 * for an imported case) so every seeded case has passed main's own rules. Ratings given between reviews go through the demo seed's session rating
 * (main/features/demo/seed-case.ts), the one way main writes a rating outside a review.
 */
import { toCsv } from '../../../main/export/csv';
import { addWeeksTo, formatUkDate, type IsoDate } from '../../../shared/dates';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { CurrentViewRatings } from '../../../shared/domain/current-view';
import { GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import type { EndingReason, ReviewDecision } from '../../../shared/domain/lifecycle';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';
import { LIKELIHOOD_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, Clinician } from '../../../shared/ipc/types';
import { ratings as allRated } from '../test-app';

export interface SeedWorld {
  today: IsoDate;
  okNow<C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C>;
  me(): Clinician;
  /** A rating given at a session on `ratedOn` (not at a review). */
  sessionRating(caseId: string, goalDescription: string, ratedOn: IsoDate, score: number): void;
}

export interface SeedCaseOptions {
  name: string;
  caseRef: string;
  dateOfBirth?: IsoDate;
  nhsNumber?: string | null;
  referralDate?: IsoDate;
  openDate?: IsoDate;
  leadClinicianId?: string;
  coordinatingAgency?: string;
  /** Records the Current View at open (on the open date) with this grouping. */
  grouping?: GroupingCode;
  /**
   * An imported case instead: one CSV row through `import:commit` with this grouping and `plan` (needed),
   * so it has its grouping and plan but no Current View at open. Each goal's first and last ratings go in.
   */
  importedGrouping?: GroupingCode;
  ratings?: CurrentViewRatings;
  plan?: {
    agreedDate: IsoDate;
    reviewDate?: IsoDate;
    targetDate?: IsoDate;
    /** The ending criteria (default: one about school attendance). */
    criteria?: string[];
    /**
     * The goals with their ratings: the first is the rating when the plan was agreed (its date is the
     * plan's), later ones are session ratings on their dates. Default: one goal rated 3. A goal marked
     * dropped stays in the record with its ratings: a revision (`plan:revise`) on its last rating's date
     * leaves it out.
     */
    goals?: SeedGoal[];
  };
}

export interface SeedGoal {
  description: string;
  ratings: Array<{ date: IsoDate; score: number }>;
  status?: 'active' | 'dropped';
}

/** The form tests' goals: "Go back to school" rated 2 and "Sleep through the night" rated 3 at the plan. */
export const JAMIE_GOALS: SeedGoal[] = [
  { description: 'Go back to school', ratings: [{ date: '2026-11-09', score: 2 }] },
  { description: 'Sleep through the night', ratings: [{ date: '2026-11-09', score: 3 }] },
];

/**
 * The form tests' young person: Jamie Lee, opened 02/11/2026 in Getting Help, plan agreed 09/11/2026
 * with JAMIE_GOALS and one ending criterion unless `plan` says otherwise.
 */
export function jamie(plan: Partial<NonNullable<SeedCaseOptions['plan']>> = {}): SeedCaseOptions {
  return {
    name: 'Jamie Lee',
    caseRef: 'RIO-1001',
    openDate: '2026-11-02',
    grouping: 'getting_help',
    plan: { agreedDate: '2026-11-09', criteria: ['Attends school every day for four weeks'], goals: JAMIE_GOALS, ...plan },
  };
}

export interface SeedReviewOptions {
  reviewDate: IsoDate;
  /** For the active goals in plan order. */
  scores?: number[];
  decision?: ReviewDecision;
  /** The grouping of the Current View at review; null records the review without it. Default: the case's. */
  grouping?: GroupingCode | null;
  ratings?: CurrentViewRatings;
  explicitDiscussion?: string | null;
  nextReviewDate?: IsoDate;
}

export interface SeedClosureOptions {
  endingDate: IsoDate;
  /** The grouping at close (default Thriving). */
  grouping?: GroupingCode;
  reason?: EndingReason;
  /** For the active goals in plan order; default the latest rating of each. */
  finalScores?: number[];
}

const DEFAULT_GOALS: SeedGoal[] = [{ description: 'Go to school every day', ratings: [] }];

export function seedCase(w: SeedWorld, o: SeedCaseOptions): string {
  if (o.importedGrouping) return importCase(w, o, o.importedGrouping);
  const openDate = o.openDate ?? '2026-11-02';
  const summary = w.okNow('cases:open', {
    caseRef: o.caseRef,
    name: o.name,
    dateOfBirth: o.dateOfBirth ?? '2012-05-04',
    nhsNumber: o.nhsNumber ?? null,
    referralDate: o.referralDate ?? openDate,
    openDate,
    leadClinicianId: o.leadClinicianId ?? w.me().id,
    coordinatingAgency: o.coordinatingAgency ?? 'CAMHS',
  });
  if (o.grouping) {
    w.okNow('currentView:record', {
      caseId: summary.id,
      completedDate: openDate,
      reason: 'first_contact',
      grouping: o.grouping,
      ratings: allRated(o.ratings),
    });
  }
  if (o.plan) seedPlan(w, summary.id, o.grouping ?? null, o.plan);
  return summary.id;
}

function seedPlan(w: SeedWorld, caseId: string, grouping: GroupingCode | null, p: NonNullable<SeedCaseOptions['plan']>): void {
  const goals = p.goals ?? DEFAULT_GOALS;
  const { version } = w.okNow('cases:get', { caseId }).summary;
  const plan = planTerms(p, grouping);
  w.okNow('plan:save', {
    caseId,
    caseVersion: version,
    agreedDate: p.agreedDate,
    goals: goals.map((g) => ({ description: g.description, firstRating: g.ratings[0]?.score ?? 3 })),
    endingCriteria: p.criteria ?? ['Attends school every day for four weeks'],
    ...plan,
  });
  for (const g of goals) for (const later of g.ratings.slice(1)) w.sessionRating(caseId, g.description, later.date, later.score);
  const dropped = goals.filter((g) => g.status === 'dropped');
  if (dropped.length === 0) return;
  const lastRated = dropped.flatMap((g) => g.ratings.map((r) => r.date)).reduce((a, b) => (a > b ? a : b), p.agreedDate);
  dropGoals(w, caseId, new Set(dropped.map((g) => g.description)), lastRated, plan);
}

/** The plan's terms a revision restates unchanged. */
type PlanTerms = Omit<ArgsOf<'plan:save'>, 'caseId' | 'caseVersion' | 'agreedDate' | 'goals' | 'endingCriteria'>;

function planTerms(p: NonNullable<SeedCaseOptions['plan']>, grouping: GroupingCode | null): PlanTerms {
  return {
    agreedOutcome: 'Back at school and sleeping well',
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: p.targetDate ?? addWeeksTo(p.agreedDate, 16),
    contingency: 'Review with the family and agree a change of plan',
    reviewDate: p.reviewDate ?? addWeeksTo(p.agreedDate, DEFAULT_SETTINGS.reviewIntervalWeeks),
    riskSupportSummary: grouping === 'getting_risk_support' ? 'Shared safety plan with social care' : null,
    sdm: { participants: ['young_person'], otherParticipants: null, optionsConsidered: 'CBT', decisionAid: null, collaborate: null },
  };
}

/** The case and its plan as one row of a caseload CSV (the template's headers), imported through `import:commit`. */
function importCase(w: SeedWorld, o: SeedCaseOptions, grouping: GroupingCode): string {
  if (!o.plan) throw new Error('an imported grouping comes with its plan: give `plan` too');
  const openDate = o.openDate ?? '2026-11-02';
  const terms = planTerms(o.plan, grouping);
  const lead = o.leadClinicianId ? w.okNow('clinicians:list', {}).find((c) => c.id === o.leadClinicianId) : w.me();
  const cells: Record<string, string> = {
    'Case ref': o.caseRef,
    Name: o.name,
    'Date of birth': formatUkDate(o.dateOfBirth ?? '2012-05-04'),
    'NHS number': o.nhsNumber ?? '',
    'Referral date': formatUkDate(o.referralDate ?? openDate),
    'Open date': formatUkDate(openDate),
    'Lead clinician': lead?.name ?? '',
    'Coordinating agency': o.coordinatingAgency ?? 'CAMHS',
    Grouping: GROUPING_LABELS[grouping],
    'Plan agreed': formatUkDate(o.plan.agreedDate),
    'What success would look like': terms.agreedOutcome,
    'Ending criteria': (o.plan.criteria ?? ['Attends school every day for four weeks']).join('\n'),
    Likelihood: LIKELIHOOD_LABELS[terms.likelihood],
    'Target date': formatUkDate(terms.targetDate),
    Contingency: terms.contingency ?? '',
    'Risk-support plan summary': terms.riskSupportSummary ?? '',
    'Next review': formatUkDate(terms.reviewDate),
  };
  (o.plan.goals ?? DEFAULT_GOALS).forEach((g, i) => {
    const [first, ...later] = g.ratings;
    const latest = later[later.length - 1];
    Object.assign(cells, {
      [`Goal ${i + 1}`]: g.description,
      [`Goal ${i + 1} first rating`]: String(first?.score ?? 3),
      [`Goal ${i + 1} first rated`]: formatUkDate(first?.date ?? o.plan?.agreedDate),
      [`Goal ${i + 1} latest rating`]: latest ? String(latest.score) : '',
      [`Goal ${i + 1} latest rated`]: latest ? formatUkDate(latest.date) : '',
    });
  });
  const csv = toCsv(Object.keys(cells), [Object.values(cells)]);
  const result = w.okNow('import:commit', { fileName: 'caseload.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') });
  if (result.caseIds.length !== 1) throw new Error(`import:commit made ${result.caseIds.length} cases, not 1: ${JSON.stringify(result)}`);
  return result.caseIds[0]!;
}

/** Revises the plan on `revisedDate` to leave out the goals named; everything else stays as agreed. */
function dropGoals(w: SeedWorld, caseId: string, names: Set<string>, revisedDate: IsoDate, plan: PlanTerms): void {
  const detail = w.okNow('cases:get', { caseId });
  w.okNow('plan:revise', {
    caseId,
    caseVersion: detail.summary.version,
    revisedDate,
    reviewId: null,
    reason: 'The young person no longer wants to work on this goal',
    goals: activeGoals(detail)
      .filter((g) => !names.has(g.description))
      .map((g) => ({ goalId: g.id, description: g.description, firstRating: null })),
    endingCriteria: criteriaInForce(detail).map((k) => ({ criterionId: k.id, text: k.text })),
    ...plan,
  });
}

function activeGoals(detail: CaseDetail) {
  return detail.goals.filter((g) => g.status === 'active');
}

function criteriaInForce(detail: CaseDetail) {
  return detail.criteria.filter((c) => c.retiredAt === null);
}

export function seedReview(w: SeedWorld, caseId: string, o: SeedReviewOptions): string {
  const detail = w.okNow('cases:get', { caseId });
  const grouping = o.grouping === undefined ? (detail.summary.grouping ?? 'getting_help') : o.grouping;
  const review = w.okNow('review:record', {
    caseId,
    caseVersion: detail.summary.version,
    reviewDate: o.reviewDate,
    attendees: ['young_person'],
    otherAttendees: null,
    goalRatings: activeGoals(detail).flatMap((g, i) => (o.scores?.[i] === undefined ? [] : [{ goalId: g.id, score: o.scores[i] }])),
    criteriaProgress: criteriaInForce(detail).map((k) => ({ criterionId: k.id, status: 'partly' as const })),
    currentView: grouping ? { reason: 'changed_understanding', grouping, ratings: allRated(o.ratings) } : null,
    decision: o.decision ?? 'continue',
    explicitDiscussion: o.explicitDiscussion ?? null,
    endingPlan: o.decision === 'move_to_ending' ? 'Two more sessions, then close' : null,
    nextReviewDate: o.nextReviewDate ?? addWeeksTo(o.reviewDate, DEFAULT_SETTINGS.reviewIntervalWeeks),
    notes: null,
  });
  return review.id;
}

export function seedClosure(w: SeedWorld, caseId: string, o: SeedClosureOptions): void {
  const detail = w.okNow('cases:get', { caseId });
  w.okNow('cases:close', {
    caseId,
    caseVersion: detail.summary.version,
    endingDate: o.endingDate,
    reason: o.reason ?? 'criteria_met',
    reasonOther: o.reason === 'other' ? 'Family moved abroad' : null,
    mhsdsCode: null,
    criteriaStatus: criteriaInForce(detail).map((k) => ({ criterionId: k.id, status: 'met' as const })),
    finalRatings: activeGoals(detail).flatMap((g, i) => {
      const score = o.finalScores?.[i] ?? g.ratings[g.ratings.length - 1]?.score;
      return score === undefined ? [] : [{ goalId: g.id, score }];
    }),
    currentView: { reason: 'changed_situation', grouping: o.grouping ?? 'thriving', ratings: allRated() },
    continuingSupport: null,
    signposting: 'School counsellor',
    wellbeingPlan: null,
    discussedFromStart: true,
  });
}
