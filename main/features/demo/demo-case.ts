/**
 * How a fictional demo case is written down. The caseload (profile-cases.ts, colleague-cases.ts) has 24
 * young people with invented names, every opening grouping and every flag the data can produce. Days are counted back from "today" (positive = days ago) or forward for review
 * and target dates (`reviewIn`, `targetIn`; negative = already passed), so the caseload looks the same
 * whatever day it is loaded. `lead` 0 is the profile; 1–3 are the fictional colleagues.
 *
 * Flags each case is meant to show (with the default settings) are in `shows`; the seed test checks
 * them, so a change to the flag rules that alters the demo is noticed.
 */
import type { CurrentViewRatings } from '../../../shared/domain/current-view';
import type { FlagCode } from '../../../shared/domain/flags';
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { Likelihood, Participant } from '../../../shared/ipc/schemas/plan';

export interface DemoGoal {
  text: string;
  /** The first rating, given on the day the plan was agreed. */
  first: number;
  /** Later session ratings: [days ago, score]. */
  later?: ReadonlyArray<readonly [number, number]>;
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
  shows: readonly FlagCode[];
}

export const YOUNG_PERSON_AND_PARENT: readonly Participant[] = ['young_person', 'parent_carer'];
