/**
 * How a fictional demo case is written down. The caseload (profile-cases.ts, colleague-cases.ts,
 * closed-cases.ts) has 28 young people with invented names, every opening grouping, every flag the
 * data can produce, reviews, a revised plan, endings and a re-opened episode. Days are counted back from "today"
 * (positive = days ago) or forward for review and target dates (`reviewIn`, `targetIn`, `nextIn`;
 * negative = already passed), so the caseload looks the same whatever day it is loaded. `lead` 0 is
 * the profile; 1–3 are the fictional colleagues.
 *
 * Flags each case is meant to show (with the default settings) are in `shows`; the seed test checks
 * them, so a change to the flag rules that alters the demo is noticed.
 */
import type { CurrentViewRatings, CurrentViewReason } from '../../../shared/domain/current-view';
import type { FlagCode } from '../../../shared/domain/flags';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { CriterionFinalStatus, CriterionProgress, EndingReason, ReviewDecision } from '../../../shared/domain/lifecycle';
import type { Likelihood, Participant } from '../../../shared/ipc/schemas/plan';

/** Ratings given at sessions between reviews: [days ago, score]. */
export type SessionRatings = ReadonlyArray<readonly [number, number]>;

export interface DemoGoal {
  text: string;
  /** The first rating, given on the day the plan was agreed (or revised). */
  first: number;
  later?: SessionRatings;
}

export interface DemoPlan {
  agreed: number;
  reviewIn: number;
  targetIn: number;
  likelihood: Likelihood;
  note?: string;
  outcome: string;
  criteria: readonly string[];
  contingency?: string;
  riskSupport?: string;
  participants: readonly Participant[];
  others?: string;
  options: string;
  aid?: string;
  collaborate?: readonly [number, number, number];
  goals: readonly DemoGoal[];
}

/** A Current View completed at a review or at close; items not given are as at open. */
export interface DemoCurrentView {
  grouping: GroupingCode;
  reason: CurrentViewReason;
  ratings?: Partial<CurrentViewRatings>;
}

/** A plan revision agreed at a review: the complete new goal list, by the goals' positions now. */
export interface DemoRevision {
  reason: string;
  goals: ReadonlyArray<{ keep: number } | ({ reword: number } & DemoGoal) | DemoGoal>;
  reviewIn: number;
}

export interface DemoReview {
  daysAgo: number;
  attended: readonly Participant[];
  others?: string;
  /** One rating per goal in force, in position order. */
  ratings: readonly number[];
  /** Progress on each ending criterion in force, in position order. */
  criteria: readonly CriterionProgress[];
  /** Null: recorded without its Current View ("Current View missing"). */
  currentView: DemoCurrentView | null;
  decision: ReviewDecision;
  discussion?: string;
  endingPlan?: string;
  nextIn: number;
  notes?: string;
  revision?: DemoRevision;
}

export interface DemoEnding {
  daysAgo: number;
  reason: EndingReason;
  /** Final rating of each goal in force, in position order. */
  ratings: readonly number[];
  criteria: readonly CriterionFinalStatus[];
  currentView: DemoCurrentView;
  continuing?: string;
  signposting?: string;
  wellbeing?: string;
  discussed: boolean;
}

/** The closed case re-opened as a new episode, which then starts again like a new case. */
export interface DemoReopen {
  daysAgo: number;
  referred: number;
  reason: string;
  grouping: GroupingCode;
  ratings: Partial<CurrentViewRatings>;
  plan: DemoPlan;
  /** Flags the new episode shows on the caseload. */
  shows: readonly FlagCode[];
}

export interface DemoCase {
  name: string;
  age: number;
  lead: 0 | 1 | 2 | 3;
  opened: number;
  noNhsNumber?: true;
  agency?: string;
  /** The grouping agreed at open; absent when the Current View at open is not yet recorded. */
  grouping?: GroupingCode;
  /** Items rated above None/No; every other item is None (or No for complexity factors). */
  ratings?: Partial<CurrentViewRatings>;
  plan?: DemoPlan;
  reviews?: readonly DemoReview[];
  ending?: DemoEnding;
  reopen?: DemoReopen;
  /** Flags on the caseload (none for a closed case, which is not on it). */
  shows: readonly FlagCode[];
}

export const YOUNG_PERSON_AND_PARENT: readonly Participant[] = ['young_person', 'parent_carer'];
