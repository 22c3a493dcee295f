/**
 * One synthetic case's story, as plain data (no database): dates, groupings, plan, reviews with GBO
 * ratings, ending. Distributions aim at a real CAMHS caseload: most cases reviewed on time, some lapsed
 * (overdue, Risk Support gaps), some past target, some goals stuck or worsening, a few without a plan
 * or with a review recorded without its Current View.
 */
import { addDaysTo, type IsoDate } from '../../shared/dates';
import { OPENING_GROUPINGS, type GroupingCode } from '../../shared/domain/groupings';
import type { CriterionFinalStatus, CriterionProgress, EndingReason, ReviewDecision } from '../../shared/domain/lifecycle';
import type { Likelihood } from '../../shared/ipc/schemas/plan';
import { randomInt } from '../../main/features/demo/prng';
import { CONTINGENCIES, CRITERIA, GOALS, OTHER_ENDING_REASONS, OUTCOMES, RISK_SUPPORT_SUMMARIES } from './synthetic-words';

export type Trajectory = 'improving' | 'flat' | 'worsening' | 'mixed';

export interface StoryGoal {
  description: string;
  first: number;
  trajectory: Trajectory;
}

export interface StoryPlan {
  agreedDate: IsoDate;
  grouping: GroupingCode;
  agreedOutcome: string;
  criteria: string[];
  likelihood: Likelihood;
  targetDate: IsoDate;
  contingency: string | null;
  reviewDate: IsoDate;
  riskSupportSummary: string | null;
  goals: StoryGoal[];
}

export interface StoryReview {
  date: IsoDate;
  nextReviewDate: IsoDate;
  /** Grouping agreed in the Current View at review; null when recorded without its Current View. */
  grouping: GroupingCode | null;
  decision: ReviewDecision;
  explicitDiscussion: string | null;
  /** One score per plan goal, in goal order. */
  ratings: number[];
  progress: CriterionProgress[];
}

export interface StoryEnding {
  date: IsoDate;
  reason: EndingReason;
  reasonOther: string | null;
  grouping: GroupingCode;
  finalRatings: number[];
  criteriaStatus: CriterionFinalStatus[];
}

export interface Story {
  referralDate: IsoDate;
  openDate: IsoDate;
  dateOfBirth: IsoDate;
  opening: { date: IsoDate; grouping: GroupingCode } | null;
  plan: StoryPlan | null;
  reviews: StoryReview[];
  ending: StoryEnding | null;
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks by weight: [[value, weight], ...]. */
function weighted<T>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

/** `n` different items in a random order (Fisher–Yates on a copy). */
function sample<T>(random: Random, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

const clamp = (n: number): number => Math.max(0, Math.min(10, n));

function nextScore(random: Random, score: number, t: Trajectory): number {
  switch (t) {
    case 'improving':
      return clamp(score + randomInt(random, 1, 2));
    case 'worsening':
      return clamp(score - randomInt(random, 1, 2));
    case 'flat':
      return clamp(score + randomInt(random, -1, 1) * (random() < 0.3 ? 1 : 0));
    case 'mixed':
      return clamp(score + randomInt(random, -2, 2));
  }
}

function nextGrouping(random: Random, g: GroupingCode): GroupingCode {
  const order = OPENING_GROUPINGS;
  const i = order.indexOf(g);
  const r = random();
  if (r < 0.22 && i > 0) return order[i - 1]!; // stepped down: less help needed
  if (r < 0.3 && i < order.length - 1) return order[i + 1]!; // stepped up
  return g;
}

/** Days between reviews: Getting Risk Support is reviewed more often than the rest. */
function interval(random: Random, g: GroupingCode): number {
  return g === 'getting_risk_support' ? randomInt(random, 14, 28) : randomInt(random, 28, 56);
}

function plan(random: Random, agreedDate: IsoDate, grouping: GroupingCode): StoryPlan {
  const goalCount = weighted(random, [[1, 30], [2, 45], [3, 25]] as const);
  const descriptions = sample(random, GOALS, goalCount);
  return {
    agreedDate,
    grouping,
    agreedOutcome: pick(random, OUTCOMES),
    criteria: sample(random, CRITERIA, randomInt(random, 1, 3)),
    likelihood: weighted(random, [['likely', 55], ['possible', 35], ['unlikely', 10]] as const),
    targetDate: addDaysTo(agreedDate, randomInt(random, 90, 270)),
    contingency: random() < 0.85 ? pick(random, CONTINGENCIES) : null,
    reviewDate: addDaysTo(agreedDate, interval(random, grouping)),
    riskSupportSummary: grouping === 'getting_risk_support' ? pick(random, RISK_SUPPORT_SUMMARIES) : null,
    goals: descriptions.map((description) => ({
      description,
      first: weighted(random, [[1, 15], [2, 25], [3, 25], [4, 20], [5, 10], [6, 5]] as const),
      trajectory: weighted(random, [['improving', 58], ['flat', 14], ['worsening', 10], ['mixed', 18]] as const),
    })),
  };
}

/**
 * Reviews from the plan's first review date up to `until` (exclusive of later dates). A lapsed case
 * stops being reviewed at some point, so its agreed review date passes.
 */
function reviews(random: Random, p: StoryPlan, until: IsoDate, lapsed: boolean): StoryReview[] {
  const out: StoryReview[] = [];
  const scores = p.goals.map((g) => g.first);
  let grouping = p.grouping;
  let due = p.reviewDate;
  let last = p.agreedDate;
  const stopAfter = lapsed ? randomInt(random, 0, 3) : Infinity;
  while (out.length < stopAfter) {
    const date = addDaysTo(due, randomInt(random, -3, 6));
    if (date > until || date <= last) break;
    const withCurrentView = random() > 0.03;
    if (withCurrentView) grouping = nextGrouping(random, grouping);
    p.goals.forEach((g, i) => (scores[i] = nextScore(random, scores[i]!, g.trajectory)));
    const pastTarget = date >= p.targetDate;
    const next = addDaysTo(date, interval(random, grouping));
    out.push({
      date,
      nextReviewDate: next,
      grouping: withCurrentView ? grouping : null,
      decision: pastTarget ? 'revise_plan' : 'continue',
      explicitDiscussion: pastTarget && random() < 0.75 ? 'Agreed with the family to carry on for six more weeks, then review the contingency.' : null,
      ratings: [...scores],
      progress: p.criteria.map(() => weighted(random, [['met', 20], ['partly', 50], ['not_yet', 30]] as const)),
    });
    last = date;
    due = next;
  }
  return out;
}

const CLOSING: ReadonlyArray<readonly [EndingReason, number]> = [
  ['criteria_met', 40],
  ['enough_help', 15],
  ['contingency_applied', 8],
  ['chose_to_end', 10],
  ['did_not_engage', 12],
  ['moved_away', 5],
  ['transferred', 7],
  ['other', 3],
];

function ending(random: Random, p: StoryPlan, held: readonly StoryReview[], date: IsoDate): StoryEnding {
  const reason = weighted(random, CLOSING);
  const now = [...held].reverse().find((r) => r.grouping)?.grouping ?? p.grouping;
  const lastScores = held.at(-1)?.ratings ?? p.goals.map((g) => g.first);
  const grouping: GroupingCode =
    reason === 'criteria_met' || reason === 'enough_help'
      ? random() < 0.6
        ? 'thriving'
        : 'getting_advice'
      : reason === 'contingency_applied' || reason === 'transferred'
        ? random() < 0.5
          ? 'getting_more_help'
          : now
        : now;
  return {
    date,
    reason,
    reasonOther: reason === 'other' ? pick(random, OTHER_ENDING_REASONS) : null,
    grouping,
    finalRatings: p.goals.map((g, i) => nextScore(random, lastScores[i]!, g.trajectory)),
    criteriaStatus: p.criteria.map(() =>
      reason === 'criteria_met' ? 'met' : weighted(random, [['met', 30], ['partly', 40], ['not_met', 30]] as const),
    ),
  };
}

/** Days ago a case was opened: many recent, a long tail of cases open for a year or more. */
function openedDaysAgo(random: Random, closed: boolean): number {
  if (closed) return randomInt(random, 70, 1000);
  return weighted(random, [
    [randomInt(random, 0, 41), 25],
    [randomInt(random, 42, 119), 30],
    [randomInt(random, 120, 364), 30],
    [randomInt(random, 365, 900), 15],
  ] as const);
}

export function story(random: Random, today: IsoDate, closed: boolean): Story {
  const openDate = addDaysTo(today, -openedDaysAgo(random, closed));
  const age = randomInt(random, 5, 17);
  const dateOfBirth = addDaysTo(openDate, -(age * 365 + Math.floor(age / 4) + randomInt(random, 1, 360)));
  const referralDate = addDaysTo(openDate, -randomInt(random, 7, 60));
  const base: Story = { referralDate, openDate, dateOfBirth, opening: null, plan: null, reviews: [], ending: null };

  // A few open cases are still waiting for their first Current View or their plan.
  const stage = closed ? 'planned' : weighted(random, [['unassessed', 4], ['no_plan', 4], ['planned', 92]] as const);
  if (stage === 'unassessed') return base;
  const grouping = weighted(random, [[OPENING_GROUPINGS[0]!, 20], [OPENING_GROUPINGS[1]!, 45], [OPENING_GROUPINGS[2]!, 25], [OPENING_GROUPINGS[3]!, 10]] as const);
  const opening = { date: earlier(addDaysTo(openDate, randomInt(random, 0, 2)), today), grouping };
  if (stage === 'no_plan') return { ...base, opening };

  const agreedDate = earlier(addDaysTo(opening.date, randomInt(random, 0, 14)), today);
  const p = plan(random, agreedDate, grouping);
  if (!closed) return { ...base, opening, plan: p, reviews: reviews(random, p, today, random() < 0.2) };

  // Closed: ends between six weeks and about fourteen months after the plan, never after today.
  const endBy = earlier(addDaysTo(agreedDate, randomInt(random, 42, 420)), today);
  const held = reviews(random, p, addDaysTo(endBy, -1), random() < 0.15);
  // Reviews stop the day before endBy, so the ending falls after the last review (and by today).
  return { ...base, opening, plan: p, reviews: held, ending: ending(random, p, held, endBy) };
}
