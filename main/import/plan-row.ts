/**
 * The plan columns of an import row, checked as "Agree the THRIVE plan" checks them (SavePlanArgs +
 * planRules), less the shared-decision-making record an import cannot hold (main/import/row.ts says why).
 */
import type { IsoDate } from '../../shared/dates';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../shared/domain/groupings';
import { GOAL_NUMBERS, IMPORT_COLUMNS, type ImportColumn } from '../../shared/domain/import-template';
import type { Settings } from '../../shared/domain/settings';
import { LIKELIHOOD_LABELS, LIKELIHOODS, planRules, SavePlanArgs, type Likelihood, type SavePlanValue } from '../../shared/ipc/schemas/plan';
import type { PlanRecord } from '../../shared/ipc/types';
import { validateWith } from '../../shared/ipc/validate';
import { quote } from './cells';
import { header, type RowReader } from './row-reader';

/** The shared-decision-making record of an imported plan: nothing was recorded, and it says so. */
export const IMPORTED_PLAN_SDM: PlanRecord['sdm'] = {
  participants: [],
  otherParticipants: null,
  optionsConsidered: '',
  decisionAid: null,
  collaborate: null,
};

export interface ImportedGoal {
  position: number;
  description: string;
  first: { score: number; ratedOn: IsoDate };
  latest: { score: number; ratedOn: IsoDate } | null;
}

export interface ImportedPlan {
  agreedDate: IsoDate;
  agreedOutcome: string;
  endingCriteria: string[];
  likelihood: Likelihood;
  targetDate: IsoDate;
  contingency: string | null;
  reviewDate: IsoDate;
  riskSupportSummary: string | null;
  goals: ImportedGoal[];
}

export interface RowContext {
  today: IsoDate;
  settings: Settings;
}

/** The plan's fields, checked as "Agree the THRIVE plan" checks them, less what an import cannot hold. */
const ImportPlanArgs = SavePlanArgs.omit({ caseId: true, caseVersion: true, sdm: true });

export const ALLOWED_GROUPINGS = GROUPING_CODES.map((g) => GROUPING_LABELS[g]).join(', ');
const ALLOWED_LIKELIHOODS = LIKELIHOODS.map((l) => LIKELIHOOD_LABELS[l]).join(', ');

function likelihoodFromText(text: string): Likelihood | null {
  const t = text.trim().toLowerCase();
  return LIKELIHOODS.find((l) => l === t || LIKELIHOOD_LABELS[l].toLowerCase() === t) ?? null;
}

/** Plan columns other than the grouping: any of them filled means the row carries a plan. */
const PLAN_KEYS = IMPORT_COLUMNS.filter((c: ImportColumn) => c.plan && c.key !== 'grouping').map((c) => c.key);

function readGoal(r: RowReader, n: number, agreedDate: IsoDate | undefined, openDate: IsoDate | undefined, today: IsoDate) {
  const k = (suffix: string) => `goal${n}${suffix}`;
  if (![k(''), k('FirstRating'), k('FirstRatedOn'), k('LatestRating'), k('LatestRatedOn')].some((key) => r.filled(key))) return null;
  const description = r.required(k(''));
  const range = 'from 0 to 10';
  const first = r.filled(k('FirstRating')) ? r.wholeNumber(k('FirstRating'), range) : undefined;
  if (!r.filled(k('FirstRating')) && !r.hasFailed(k('FirstRating'))) r.fail(k('FirstRating'), `${header(k('FirstRating'))}: each goal needs its first rating (0 to 10)`);
  const firstOn = r.date(k('FirstRatedOn'), false) ?? agreedDate;
  const latest = r.wholeNumber(k('LatestRating'), range);
  const latestOn = r.date(k('LatestRatedOn'), false);
  if (r.filled(k('LatestRating')) && !r.filled(k('LatestRatedOn'))) r.fail(k('LatestRatedOn'), `${header(k('LatestRatedOn'))}: give the date of the latest rating`);
  if (!r.filled(k('LatestRating')) && r.filled(k('LatestRatedOn'))) r.fail(k('LatestRating'), `${header(k('LatestRating'))}: a latest rating date is given but no rating`);
  if (latest !== undefined && (latest < 0 || latest > 10)) r.fail(k('LatestRating'), `${header(k('LatestRating'))}: Enter a rating from 0 to 10`);
  if (firstOn && openDate && firstOn < openDate && r.filled(k('FirstRatedOn')))
    r.fail(k('FirstRatedOn'), `${header(k('FirstRatedOn'))}: ${quote(r.text(k('FirstRatedOn')))} is before the open date`);
  if (firstOn && firstOn > today) r.fail(k('FirstRatedOn'), `${header(k('FirstRatedOn'))}: the first rating must be today or in the past`);
  if (latestOn && latestOn > today) r.fail(k('LatestRatedOn'), `${header(k('LatestRatedOn'))}: the latest rating must be today or in the past`);
  if (latestOn && firstOn && latestOn < firstOn) r.fail(k('LatestRatedOn'), `${header(k('LatestRatedOn'))}: the latest rating must be on or after the first rating`);
  return { position: n, description, first, firstOn, latest, latestOn };
}

/** Which template column a SavePlanArgs field path came from (goal i of the list is goal at positions[i]). */
function planColumnOf(path: string, positions: readonly number[]): string {
  const [head, index, leaf] = path.split('.');
  if (head === 'goals') {
    const position = index !== undefined ? (positions[Number(index)] ?? 1) : 1;
    return leaf === 'firstRating' ? `goal${position}FirstRating` : `goal${position}`;
  }
  if (head === 'agreedDate') return 'planAgreedDate';
  if (head === 'reviewDate') return 'nextReviewDate';
  return head ?? path;
}

export function readPlan(r: RowReader, grouping: GroupingCode | null, openDate: IsoDate | undefined, ctx: RowContext): ImportedPlan | null {
  if (!PLAN_KEYS.some((k) => r.filled(k))) return null;
  if (grouping === null && !r.hasFailed('grouping')) {
    r.fail('grouping', `Grouping: a row with a plan needs its THRIVE grouping (${ALLOWED_GROUPINGS})`);
  }
  const agreedDate = r.date('planAgreedDate', true);
  const likelihoodText = r.required('likelihood');
  const likelihood = likelihoodText ? likelihoodFromText(likelihoodText) : null;
  if (likelihoodText && !likelihood) r.fail('likelihood', `Likelihood: ${quote(likelihoodText)} is not one of ${ALLOWED_LIKELIHOODS}`);
  const goals = GOAL_NUMBERS.map((n) => readGoal(r, n, agreedDate, openDate, ctx.today)).filter((g) => g !== null);
  const input = {
    agreedDate,
    goals: goals.map((g) => ({ description: g.description, firstRating: g.first })),
    agreedOutcome: r.required('agreedOutcome'),
    endingCriteria: r
      .required('endingCriteria')
      .split(/\r\n|\r|\n/)
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    likelihood: likelihood ?? undefined,
    likelihoodNote: null,
    targetDate: r.date('targetDate', true),
    contingency: r.text('contingency') || null,
    reviewDate: r.date('nextReviewDate', true),
    riskSupportSummary: r.text('riskSupportSummary') || null,
  };
  const positions = goals.map((g) => g.position);
  // planRules' Getting Risk Support window (review within N weeks of agreeing the plan) is for agreeing a
  // plan now. An imported row's "Next review" is the review date in force, which later reviews the file
  // does not describe may have set months after the plan was agreed; refusing it would refuse true data.
  // The caseload's "Risk Support review gap" flag applies instead: with no review known since opening, an
  // imported Risk Support case is flagged until a review is recorded.
  const settings = { ...ctx.settings, riskSupportMaxWeeks: Number.MAX_SAFE_INTEGER };
  const rules =
    grouping && openDate
      ? (v: Omit<SavePlanValue, 'caseId' | 'caseVersion' | 'sdm'>) =>
          planRules({ ...v, caseId: '', sdm: IMPORTED_PLAN_SDM }, { today: ctx.today, openDate, grouping, settings })
      : undefined;
  const checked = validateWith(ImportPlanArgs, input, rules, undefined);
  if (!checked.ok) {
    r.fields(checked.fields, (path) => planColumnOf(path, positions));
    return null;
  }
  if (r.reasons.length > 0) return null;
  const v = checked.value;
  return {
    agreedDate: v.agreedDate,
    agreedOutcome: v.agreedOutcome,
    endingCriteria: v.endingCriteria,
    likelihood: v.likelihood,
    targetDate: v.targetDate,
    contingency: v.contingency,
    reviewDate: v.reviewDate,
    riskSupportSummary: v.riskSupportSummary,
    goals: goals.map((g, i) => ({
      position: g.position,
      description: v.goals[i]!.description,
      first: { score: v.goals[i]!.firstRating, ratedOn: g.firstOn! },
      latest: g.latest !== undefined && g.latestOn ? { score: g.latest, ratedOn: g.latestOn } : null,
    })),
  };
}
