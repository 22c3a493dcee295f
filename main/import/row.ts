/**
 * One import row → a case (and its plan) checked by the SAME shared schemas and rules as the forms:
 * OpenCaseArgs + openCaseRules for the case, SavePlanArgs + planRules for the plan. What the forms get
 * as typed fields the import gets as cells, so each problem is reported against the column it came from.
 *
 * An imported plan has no shared-decision-making record (who took part, options considered, decision
 * aid, CollaboRATE): a caseload report does not hold it, and inventing it would be false. The plan is
 * stored with that record empty (IMPORTED_PLAN_SDM) — docs/exports.md says exactly what an imported plan
 * lacks. Its ratings are the first and latest of each goal, as the file gives them.
 */
import type { IsoDate } from '../../shared/dates';
import { groupingFromText, GROUPING_LABELS, GROUPING_CODES, type GroupingCode } from '../../shared/domain/groupings';
import { GOAL_NUMBERS, IMPORT_COLUMNS, type ImportColumn } from '../../shared/domain/import-template';
import type { Settings } from '../../shared/domain/settings';
import type { FieldError } from '../../shared/ipc/result';
import { OpenCaseArgs, openCaseRules } from '../../shared/ipc/schemas/cases';
import { ClinicianCreateArgs } from '../../shared/ipc/schemas/clinicians';
import { LIKELIHOOD_LABELS, LIKELIHOODS, planRules, SavePlanArgs, type Likelihood, type SavePlanValue } from '../../shared/ipc/schemas/plan';
import type { PlanRecord } from '../../shared/ipc/types';
import { issuesToFields, validateWith } from '../../shared/ipc/validate';
import { quote, readDateCell, readTextCell, readWholeNumberCell } from './cells';

/** The shared-decision-making record of an imported plan: nothing was recorded, and it says so. */
export const IMPORTED_PLAN_SDM: PlanRecord['sdm'] = {
  participants: [],
  otherParticipants: null,
  optionsConsidered: '',
  decisionAid: null,
  collaborate: null,
};

export const DEFAULT_AGENCY = 'CAMHS';

const COLUMN = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

function header(key: string): string {
  return COLUMN.get(key)?.header ?? key;
}

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

export interface ImportRowValue {
  line: number;
  caseRef: string;
  name: string;
  dateOfBirth: IsoDate;
  /** 10 digits, or null when not known. */
  nhsNumber: string | null;
  referralDate: IsoDate;
  openDate: IsoDate;
  leadClinician: string;
  coordinatingAgency: string;
  /** The grouping now; with no plan it is still kept (the case's grouping until a Current View is recorded). */
  grouping: GroupingCode | null;
  plan: ImportedPlan | null;
}

export type RowResult = { ok: true; value: ImportRowValue } | { ok: false; reasons: string[] };

export interface RowContext {
  today: IsoDate;
  settings: Settings;
}

/** The case's own fields, checked as the "Open a case" form checks them (the lead clinician is by name). */
const ImportCaseArgs = OpenCaseArgs.omit({ leadClinicianId: true });
/** The plan's fields, checked as "Agree the THRIVE plan" checks them, less what an import cannot hold. */
const ImportPlanArgs = SavePlanArgs.omit({ caseId: true, caseVersion: true, sdm: true });

/** The lead clinician becomes a clinician of the team when new: checked as "Add a clinician" checks a name. */
const LeadClinicianName = ClinicianCreateArgs.shape.name;

/** Reads a row's cells by template key, collecting one reason per column at most. */
const COLUMN_ORDER = new Map(IMPORT_COLUMNS.map((c, i) => [c.key, i]));

class RowReader {
  private readonly found: Array<{ key: string; reason: string }> = [];
  private readonly failed = new Set<string>();
  constructor(private readonly cell: (key: string) => string) {}

  fail(key: string, reason: string): void {
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.found.push({ key, reason });
  }

  /** The problems in the file's column order (the template's), as a person reads the row. */
  get reasons(): string[] {
    return [...this.found].sort((a, b) => (COLUMN_ORDER.get(a.key) ?? 0) - (COLUMN_ORDER.get(b.key) ?? 0)).map((f) => f.reason);
  }

  hasFailed(key: string): boolean {
    return this.failed.has(key);
  }

  /** Text after the formula check, trimmed; '' when empty or refused. */
  text(key: string): string {
    const raw = this.cell(key);
    if (raw.trim() === '') return '';
    const r = readTextCell(header(key), raw);
    if (!r.ok) {
      this.fail(key, r.reason);
      return '';
    }
    return r.value.trim();
  }

  filled(key: string): boolean {
    return this.cell(key).trim() !== '';
  }

  required(key: string): string {
    const t = this.text(key);
    if (t === '' && !this.hasFailed(key)) this.fail(key, `${header(key)}: this column is required but the cell is empty`);
    return t;
  }

  date(key: string, required: boolean): IsoDate | undefined {
    const t = required ? this.required(key) : this.text(key);
    if (t === '') return undefined;
    const r = readDateCell(header(key), t);
    if (!r.ok) {
      this.fail(key, r.reason);
      return undefined;
    }
    return r.value;
  }

  wholeNumber(key: string, range: string): number | undefined {
    const t = this.text(key);
    if (t === '') return undefined;
    const r = readWholeNumberCell(header(key), t, range);
    if (!r.ok) {
      this.fail(key, r.reason);
      return undefined;
    }
    return r.value;
  }

  /** The shared schema's and rules' problems, against the column each field came from. */
  fields(fields: readonly FieldError[], columnOf: (path: string) => string): void {
    for (const f of fields) {
      const key = columnOf(f.path);
      if (this.hasFailed(key)) continue;
      const h = header(key);
      // "NHS number is not valid: …" already names the column: show the value in it instead of repeating it.
      const raw = this.cell(key).trim();
      if (f.message.toLowerCase().startsWith(h.toLowerCase()) && raw !== '') this.fail(key, `${h} ${quote(raw)}${f.message.slice(h.length)}`);
      else this.fail(key, `${h}: ${f.message}`);
    }
  }
}

const ALLOWED_GROUPINGS = GROUPING_CODES.map((g) => GROUPING_LABELS[g]).join(', ');
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

function readPlan(r: RowReader, grouping: GroupingCode | null, openDate: IsoDate | undefined, ctx: RowContext): ImportedPlan | null {
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

/** Validates one data row. `cell(key)` is the raw text of the template column (''  when not in the file). */
export function readImportRow(line: number, cell: (key: string) => string, ctx: RowContext): RowResult {
  const r = new RowReader(cell);
  const caseInput = {
    caseRef: r.required('caseRef'),
    name: r.required('name'),
    dateOfBirth: r.date('dateOfBirth', true),
    nhsNumber: r.text('nhsNumber') || null,
    referralDate: r.date('referralDate', true),
    openDate: r.date('openDate', true),
    coordinatingAgency: r.text('coordinatingAgency') || DEFAULT_AGENCY,
  };
  const leadText = r.required('leadClinician');
  const lead = LeadClinicianName.safeParse(leadText);
  if (leadText !== '' && !lead.success) r.fields(issuesToFields(lead.error.issues), () => 'leadClinician');
  const leadClinician = lead.success ? lead.data : '';
  const checked = validateWith(ImportCaseArgs, caseInput, (v, c: { today: IsoDate }) => openCaseRules({ ...v, leadClinicianId: '' }, c), {
    today: ctx.today,
  });
  if (!checked.ok) r.fields(checked.fields, (path) => path.split('.')[0] ?? path);

  const groupingText = r.text('grouping');
  const grouping = groupingText ? groupingFromText(groupingText) : null;
  if (groupingText && !grouping) r.fail('grouping', `Grouping: ${quote(groupingText)} is not a THRIVE grouping; use one of ${ALLOWED_GROUPINGS}`);

  const openDate = checked.ok ? checked.value.openDate : caseInput.openDate;
  const plan = readPlan(r, grouping, openDate, ctx);
  if (r.reasons.length > 0 || !checked.ok) return { ok: false, reasons: r.reasons };
  const v = checked.value;
  return {
    ok: true,
    value: {
      line,
      caseRef: v.caseRef,
      name: v.name,
      dateOfBirth: v.dateOfBirth,
      nhsNumber: v.nhsNumber,
      referralDate: v.referralDate,
      openDate: v.openDate,
      leadClinician,
      coordinatingAgency: v.coordinatingAgency,
      grouping,
      plan,
    },
  };
}
