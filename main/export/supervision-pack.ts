/**
 * The supervision pack (docs/team-view.md): a printable PDF of one clinician's open cases for supervision, cases
 * needing action first, in the urgency order of the team view. Pure: data in, PDF bytes out.
 */
import { formatUkDate, type IsoDate } from '../../shared/dates';
import { FLAG_CODES, FLAG_LABELS, type Flag } from '../../shared/domain/flags';
import { GBO_CHANGE_LABELS, GBO_RELIABLE_CHANGE, type GboChange } from '../../shared/domain/gbo';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../shared/domain/groupings';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import { needsAction } from '../../shared/domain/urgency';
import { urgencyOrderSentence } from '../../shared/domain/urgency-note';
import { LIKELIHOOD_LABELS, type Likelihood } from '../../shared/ipc/schemas/plan';
import { createA4, drawBlock, finish, PROTECTIVE_MARKING, rule, type Doc, type Para } from './pdf-layout';

export const GOAL_THRESHOLD_NOTE = `A change of ${GBO_RELIABLE_CHANGE} or more points between the first and latest rating counts as meaningful (NHS England CYP outcome metric).`;

/** Written from the order itself (shared/domain/urgency-note.ts), so the pack says what its list does. */
const URGENCY_ORDER_NOTE = urgencyOrderSentence();

export interface PackPlan {
  versionNo: number;
  agreedDate: IsoDate;
  agreedOutcome: string;
  endingCriteria: readonly string[];
  targetDate: IsoDate;
  likelihood: Likelihood;
  likelihoodNote: string | null;
  contingency: string | null;
  riskSupportSummary: string | null;
}

export interface PackGoal {
  description: string;
  first: number;
  latest: number;
  change: GboChange;
  ratings: number;
}

export interface PackCase {
  rank: number;
  name: string;
  caseRef: string;
  nhsNumber: string | null;
  grouping: GroupingCode | null;
  openDate: IsoDate;
  weeksOpen: number;
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  flags: readonly Flag[];
  plan: PackPlan | null;
  goals: readonly PackGoal[];
}

export interface SupervisionPackInput {
  clinicianName: string;
  teamName: string;
  today: IsoDate;
  /** The instant it was made (document metadata). */
  createdAt: string;
  /** In urgency order (shared/domain/urgency.ts), so the cases needing action already come first. */
  cases: readonly PackCase[];
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function dateOrDash(d: IsoDate | null): string {
  return d ? formatUkDate(d) : 'none set';
}

function summary(input: SupervisionPackInput): Para[] {
  const needAction = input.cases.filter((c) => needsAction(c.flags)).length;
  const flagCounts = FLAG_CODES.map((code) => ({ code, n: input.cases.filter((c) => c.flags.some((f) => f.code === code)).length }));
  const groupingCounts = [...GROUPING_CODES, null].map((g) => ({ g, n: input.cases.filter((c) => c.grouping === g).length }));
  return [
    { text: 'Summary', font: 'bold', size: 13, gapBefore: 10 },
    { lead: 'Open cases: ', text: String(input.cases.length), gapBefore: 4 },
    { lead: 'Need action: ', text: String(needAction) },
    {
      lead: 'Flags: ',
      text: flagCounts.filter((f) => f.n > 0).map((f) => `${FLAG_LABELS[f.code]} ${f.n}`).join('; ') || 'none',
    },
    {
      lead: 'Groupings: ',
      text: groupingCounts.filter((g) => g.n > 0).map((g) => `${g.g ? GROUPING_LABELS[g.g] : 'Not recorded yet'} ${g.n}`).join('; ') || 'none',
    },
    { text: URGENCY_ORDER_NOTE, size: 9, gapBefore: 6, font: 'oblique' },
    { text: `Goal movement: ${GOAL_THRESHOLD_NOTE}`, size: 9, gapBefore: 2, font: 'oblique' },
  ];
}

function flagParas(flags: readonly Flag[]): Para[] {
  if (flags.length === 0) return [{ lead: 'Flags: ', text: 'none', gapBefore: 4 }];
  return [
    { text: 'Flags', font: 'bold', gapBefore: 4 },
    ...flags.map((f): Para => ({ lead: `• ${f.label}: `, text: f.reason, indent: 10, color: f.severity === 'urgent' ? '#8a1538' : undefined })),
  ];
}

function planParas(plan: PackPlan | null): Para[] {
  if (!plan) return [{ lead: 'Plan: ', text: 'No THRIVE plan agreed yet.', gapBefore: 4 }];
  const likely = `${LIKELIHOOD_LABELS[plan.likelihood]}${plan.likelihoodNote ? ` (${plan.likelihoodNote})` : ''}`;
  return [
    {
      text: `Plan (version ${plan.versionNo}, agreed ${formatUkDate(plan.agreedDate)})`,
      font: 'bold',
      gapBefore: 4,
    },
    { lead: 'What success would look like: ', text: plan.agreedOutcome, indent: 10 },
    ...(plan.endingCriteria.length === 0
      ? [{ lead: 'Ending criteria: ', text: 'none in force', indent: 10 }]
      : [{ text: 'Ending criteria:', font: 'bold', indent: 10 } as Para]),
    ...plan.endingCriteria.map((c, i): Para => ({ text: `${i + 1}. ${c}`, indent: 22 })),
    { lead: 'Target date: ', text: `${formatUkDate(plan.targetDate)}; how likely by then: ${likely}`, indent: 10 },
    { lead: 'If not achieved by the target date: ', text: plan.contingency ?? 'no contingency recorded', indent: 10 },
    ...(plan.riskSupportSummary ? [{ lead: 'Risk-support plan: ', text: plan.riskSupportSummary, indent: 10 }] : []),
  ];
}

function goalParas(goals: readonly PackGoal[]): Para[] {
  if (goals.length === 0) return [{ lead: 'Goal movement: ', text: 'no goals rated yet', gapBefore: 4 }];
  return [
    { text: 'Goal movement (first to latest rating)', font: 'bold', gapBefore: 4 },
    ...goals.map(
      (g): Para => ({
        text: `“${g.description}”: ${g.first} to ${g.latest}, ${GBO_CHANGE_LABELS[g.change]}${g.ratings < 2 ? ' (rated once so far)' : ''}`,
        indent: 10,
      }),
    ),
    { text: `Meaningful change is ${GBO_RELIABLE_CHANGE} or more points.`, size: 8.5, indent: 10, font: 'oblique' },
  ];
}

function caseParas(c: PackCase, gapBefore = 0): Para[] {
  return [
    { text: `${c.rank}. ${c.name}`, font: 'bold', size: 12, gapBefore },
    {
      text: `Case ref ${c.caseRef}   NHS number ${c.nhsNumber ? formatNhsNumber(c.nhsNumber) : 'not recorded'}   ${c.grouping ? GROUPING_LABELS[c.grouping] : 'Grouping not recorded yet'}`,
      size: 9.5,
      gapBefore: 2,
    },
    {
      text: `Open since ${formatUkDate(c.openDate)} (${plural(c.weeksOpen, 'week')})   Next review ${dateOrDash(c.nextReviewDate)}   Target date ${dateOrDash(c.targetDate)}`,
      size: 9.5,
    },
    ...flagParas(c.flags),
    ...planParas(c.plan),
    ...goalParas(c.goals),
  ];
}

function section(doc: Doc, title: string, cases: readonly PackCase[], emptyText: string): void {
  const heading: Para[] = [{ text: `${title} (${cases.length})`, font: 'bold', size: 14, gapBefore: 14 }];
  if (cases.length === 0) {
    drawBlock(doc, [...heading, { text: emptyText, gapBefore: 4 }]);
    return;
  }
  // The heading stays with its first case.
  drawBlock(doc, [...heading, ...caseParas(cases[0]!, 6)]);
  rule(doc, 14);
  for (const c of cases.slice(1)) {
    drawBlock(doc, caseParas(c));
    rule(doc, 14);
  }
}

export function buildSupervisionPack(input: SupervisionPackInput): Buffer {
  const title = `Supervision pack: ${input.clinicianName}`;
  const doc = createA4({
    title,
    author: 'THRIVE Plans',
    subject: `Open cases of ${input.clinicianName}, ${input.teamName}, on ${formatUkDate(input.today)}`,
    createdAt: new Date(input.createdAt),
  });
  drawBlock(doc, [
    { text: title, font: 'bold', size: 20 },
    { lead: 'Team: ', text: input.teamName, gapBefore: 6 },
    { lead: 'Date: ', text: formatUkDate(input.today) },
    ...summary(input),
  ]);
  const action = input.cases.filter((c) => needsAction(c.flags));
  const others = input.cases.filter((c) => !needsAction(c.flags));
  section(doc, 'Cases needing action', action, 'No open case needs action.');
  section(doc, 'Other open cases', others, 'No other open cases.');
  return finish(doc, { mark: PROTECTIVE_MARKING, footer: `${title} (${formatUkDate(input.today)})` });
}
