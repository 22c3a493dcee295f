/**
 * Caseload flags (docs/product.md#flags): pure functions of the case's data, the team's settings and
 * `today`. Every flag carries a plain-English reason that names the dates involved, so a clinician
 * can see *why* without opening the case.
 *
 * Boundaries (tested in flags.test.ts):
 * - Review overdue: the agreed review date is *before* today. A review due today is "due soon"
 *   (due today), not overdue. A review held on or after the agreed date clears it.
 * - Review due soon: agreed review date from today up to `dueSoonDays` days ahead, inclusive.
 * - Past target date: target date before today, case open, and no review on or after the target
 *   date recorded the explicit discussion.
 * - No plan: open *more than* `noPlanDays` days without a complete plan.
 */
import { daysBetween, formatUkDate, type IsoDate } from '../dates';
import { GBO_RELIABLE_CHANGE } from './gbo';
import type { GroupingCode } from './groupings';
import type { Settings } from './settings';

export const FLAG_CODES = [
  'risk_support_review_gap',
  'review_overdue',
  'past_target_date',
  'goals_stuck',
  'no_plan',
  'current_view_missing',
  'review_due_soon',
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

export const FLAG_LABELS: Record<FlagCode, string> = {
  risk_support_review_gap: 'Risk Support review gap',
  review_overdue: 'Review overdue',
  past_target_date: 'Past target date',
  goals_stuck: 'Goals stuck',
  no_plan: 'No plan',
  current_view_missing: 'Current View missing',
  review_due_soon: 'Review due soon',
};

/** 'urgent' flags are shown red; 'warning' amber; 'info' neutral. */
export type FlagSeverity = 'urgent' | 'warning' | 'info';

export const FLAG_SEVERITY: Record<FlagCode, FlagSeverity> = {
  risk_support_review_gap: 'urgent',
  review_overdue: 'urgent',
  past_target_date: 'warning',
  goals_stuck: 'warning',
  no_plan: 'warning',
  current_view_missing: 'warning',
  review_due_soon: 'info',
};

export interface Flag {
  code: FlagCode;
  label: string;
  severity: FlagSeverity;
  reason: string;
}

export interface GoalRatingPoint {
  date: IsoDate;
  score: number;
}

export interface FlagInput {
  status: 'open' | 'closed';
  openDate: IsoDate;
  grouping: GroupingCode | null;
  hasCompletePlan: boolean;
  /** The agreed review date currently in force (from the plan or the latest review). */
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  /** Date of the most recent review held, if any. */
  lastReviewDate: IsoDate | null;
  /** Date of the latest review that recorded the explicit discussion about the target date. */
  targetDiscussedOn: IsoDate | null;
  /** Ratings of each active goal, any order. */
  goals?: ReadonlyArray<{ description: string; ratings: readonly GoalRatingPoint[] }>;
  /** Reviews or closures recorded without their Current View. */
  missingCurrentViews?: number;
  /**
   * The case has a grouping or a plan but no Current View at open: an imported case (the import brings
   * the grouping and plan from the file, never a Current View it did not see) until it is recorded.
   */
  openingCurrentViewMissing?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function make(code: FlagCode, reason: string): Flag {
  return { code, label: FLAG_LABELS[code], severity: FLAG_SEVERITY[code], reason };
}

/**
 * A goal is stuck when its ratings span at least `weeks` weeks, ending at the latest rating, with
 * less than GBO_RELIABLE_CHANGE points between the highest and lowest rating in that span.
 */
export function isGoalStuck(ratings: readonly GoalRatingPoint[], weeks: number): boolean {
  if (ratings.length < 2) return false;
  const sorted = [...ratings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = sorted[sorted.length - 1]!;
  // The window starts at the latest rating made at least `weeks` weeks before the latest one.
  let startIndex = -1;
  for (let i = sorted.length - 2; i >= 0; i--) {
    if (daysBetween(sorted[i]!.date, latest.date) >= weeks * 7) {
      startIndex = i;
      break;
    }
  }
  if (startIndex < 0) return false;
  const window = sorted.slice(startIndex);
  const scores = window.map((r) => r.score);
  return Math.max(...scores) - Math.min(...scores) < GBO_RELIABLE_CHANGE;
}

export function computeFlags(input: FlagInput, settings: Settings, today: IsoDate): Flag[] {
  if (input.status !== 'open') return [];
  const flags: Flag[] = [];

  if (input.grouping === 'getting_risk_support') {
    const since = input.lastReviewDate ?? input.openDate;
    const days = daysBetween(since, today);
    if (days > settings.riskSupportMaxWeeks * 7) {
      const what = input.lastReviewDate ? `Last review ${formatUkDate(since)}` : `No review since opening on ${formatUkDate(since)}`;
      flags.push(
        make(
          'risk_support_review_gap',
          `${what}, ${plural(days, 'day')} ago: Getting Risk Support should be reviewed at least every ${plural(settings.riskSupportMaxWeeks, 'week')}.`,
        ),
      );
    }
  }

  const next = input.nextReviewDate;
  const reviewedSinceDue = !!(next && input.lastReviewDate && input.lastReviewDate >= next);
  if (next && !reviewedSinceDue) {
    const until = daysBetween(today, next);
    if (until < 0) {
      flags.push(
        make('review_overdue', `Agreed review date ${formatUkDate(next)} passed ${plural(-until, 'day')} ago; no review held since.`),
      );
    } else if (until <= settings.dueSoonDays) {
      const when = until === 0 ? 'today' : until === 1 ? 'tomorrow' : `in ${plural(until, 'day')}`;
      flags.push(make('review_due_soon', `Agreed review date ${formatUkDate(next)} is ${when}.`));
    }
  }

  const target = input.targetDate;
  if (target && target < today) {
    const discussed = !!(input.targetDiscussedOn && input.targetDiscussedOn >= target);
    if (!discussed) {
      const ago = daysBetween(target, today);
      flags.push(
        make(
          'past_target_date',
          `Target date ${formatUkDate(target)} passed ${plural(ago, 'day')} ago; no review since has recorded the explicit discussion of what happens next.`,
        ),
      );
    }
  }

  for (const goal of input.goals ?? []) {
    if (isGoalStuck(goal.ratings, settings.goalsStuckWeeks)) {
      flags.push(
        make(
          'goals_stuck',
          `Goal "${goal.description}" has moved less than ${GBO_RELIABLE_CHANGE} points over at least ${plural(settings.goalsStuckWeeks, 'week')}.`,
        ),
      );
      break; // one flag per case; the case page lists each stuck goal
    }
  }

  if (!input.hasCompletePlan) {
    const open = daysBetween(input.openDate, today);
    if (open > settings.noPlanDays) {
      flags.push(
        make('no_plan', `Open ${plural(open, 'day')} (since ${formatUkDate(input.openDate)}) without an agreed THRIVE plan.`),
      );
    }
  }

  const missing = input.missingCurrentViews ?? 0;
  if (missing > 0 || input.openingCurrentViewMissing) {
    const reasons = [
      ...(input.openingCurrentViewMissing ? ['No Current View at open has been recorded (the case was imported without one).'] : []),
      ...(missing > 0 ? [`${plural(missing, 'review or closure')} recorded without a Current View.`] : []),
    ];
    flags.push(make('current_view_missing', reasons.join(' ')));
  }

  return flags.sort((a, b) => FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code));
}

/** The badge beside the next review date on the caseload. */
export function reviewBadge(flags: readonly Flag[]): 'overdue' | 'soon' | null {
  if (flags.some((f) => f.code === 'review_overdue')) return 'overdue';
  if (flags.some((f) => f.code === 'review_due_soon')) return 'soon';
  return null;
}
