/**
 * The THRIVE plan written for the young person and family (export:casePdf 'family-plan'): what we are
 * working on together, their goals in their own words and where they are now, what success looks like,
 * how we will know it is time to stop, how likely by when, what happens if not, the next review, who to
 * contact and what to do if worried about safety. Plain language, A4. Pure: CaseDetail in, PDF out.
 */
import { formatUkDate, type IsoDate } from '../../shared/dates';
import { AppError } from '../../shared/ipc/result';
import type { Likelihood } from '../../shared/ipc/schemas/plan';
import type { CaseDetail, PlanRecord } from '../../shared/ipc/types';
import {
  block,
  contactParas,
  drawGoal,
  drawSafetyBox,
  groupingInPlainWords,
  outOfTen,
  scaleExplained,
  sectionHeading,
  title,
  whoThisIsFor,
} from './family-pdf-parts';
import { slug } from './file-names';
import { createA4, finish, PROTECTIVE_MARKING, type Para } from './pdf-layout';
import { criteriaInForce, goalsInForce, latestRating, ratingsInOrder } from './summaries/case-facts';

export const FAMILY_PLAN_NO_PLAN_MESSAGE =
  'This case has no THRIVE plan yet, so there is no plan to give the family. Agree the plan first.';

export interface FamilyDocumentInput {
  detail: CaseDetail;
  today: IsoDate;
  /** The instant it was made (document metadata). */
  createdAt: string;
}

/** thrive-family-plan-<case ref>-<yyyy-mm-dd>.pdf (the case reference, not the name: file names get seen). */
export function familyPlanFileName(caseRef: string, today: IsoDate): string {
  return `thrive-family-plan-${slug(caseRef, 'case')}-${today}.pdf`;
}

export function familyPlanTitle(name: string): string {
  return `${name}'s THRIVE plan`;
}

function likelihoodWords(likelihood: Likelihood, target: IsoDate): string {
  const by = formatUkDate(target);
  switch (likelihood) {
    case 'likely':
      return `We think this is likely to happen by ${by}.`;
    case 'possible':
      return `We think this could happen by ${by}, but we cannot be sure.`;
    case 'unlikely':
      return `We think this may not happen by ${by}, so we have planned together what to do if it does not.`;
  }
}

/** "You", "your parent or carer" and others by name: who made the plan with the clinician. */
function madeWith(plan: PlanRecord): string {
  const who = plan.sdm.participants.map((p) =>
    p === 'young_person' ? 'you' : p === 'parent_carer' ? 'your parent or carer' : plan.sdm.otherParticipants?.trim() || 'others',
  );
  if (who.length === 0) return '';
  return who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} and ${who.at(-1)!}`;
}

function introParas(detail: CaseDetail, plan: PlanRecord): Para[] {
  const s = detail.summary;
  const first = detail.planVersions[0] ?? plan;
  const agreed =
    first.agreedDate === plan.agreedDate
      ? `We agreed this plan together on ${formatUkDate(plan.agreedDate)}.`
      : `We first agreed this plan on ${formatUkDate(first.agreedDate)} and last changed it together on ${formatUkDate(plan.agreedDate)}.`;
  const closed =
    s.status === 'closed' && s.closedDate
      ? [{ text: `Our work together ended on ${formatUkDate(s.closedDate)}. This is the plan as it was at the end.`, font: 'bold', gapBefore: 6 } as Para]
      : [];
  const who = madeWith(plan);
  return [
    title(familyPlanTitle(s.name)),
    ...whoThisIsFor(detail),
    { text: `${agreed} ${who ? `It was made by ${s.leadClinicianName} with ${who}.` : ''} Keep it somewhere safe and bring it to your review meetings.`.replace(/\s+/g, ' '), gapBefore: 10 },
    ...closed,
  ];
}

export function buildFamilyPlanPdf(input: FamilyDocumentInput): Buffer {
  const { detail, today } = input;
  const plan = detail.plan;
  if (!plan) throw new AppError('validation', FAMILY_PLAN_NO_PLAN_MESSAGE);
  const s = detail.summary;
  const docTitle = familyPlanTitle(s.name);
  const doc = createA4({ title: docTitle, author: s.coordinatingAgency, subject: 'THRIVE plan for the young person and family', createdAt: new Date(input.createdAt) });

  block(doc, introParas(detail, plan));

  const grouping = s.status === 'open' ? (s.grouping ?? plan.grouping) : plan.grouping;
  block(doc, [
    sectionHeading('What we are working on together'),
    { text: groupingInPlainWords(grouping), gapBefore: 4 },
    { lead: 'What success would look like: ', text: plan.agreedOutcome, gapBefore: 6 },
  ]);

  const goals = goalsInForce(detail);
  block(doc, [
    sectionHeading('Your goals, in your own words'),
    goals.length > 0
      ? { text: scaleExplained('where you are now'), gapBefore: 4, size: 10 }
      : { text: 'We have not set goals in this plan.', gapBefore: 4 },
  ]);
  goals.forEach((g, i) => {
    const ratings = ratingsInOrder(g);
    const start = ratings[0];
    const latest = latestRating(g);
    const numbers =
      start && latest
        ? ratings.length === 1
          ? `When we started (${formatUkDate(start.ratedOn)}): ${outOfTen(start.score)}.`
          : `Where you are now: ${outOfTen(latest.score)} (${formatUkDate(latest.ratedOn)}). When we started: ${outOfTen(start.score)}.`
        : 'Not scored yet.';
    const paras: Para[] = [
      { text: `Goal ${i + 1}: “${g.description}”`, font: 'bold', gapBefore: 10 },
      { text: numbers, gapBefore: 2, indent: 10 },
    ];
    if (start && latest) drawGoal(doc, paras, start.score, latest.score);
    else block(doc, paras);
  });

  const criteria = criteriaInForce(detail);
  block(doc, [
    sectionHeading('How we will know it is time to stop'),
    { text: 'We agreed that our work together can end when:', gapBefore: 4 },
    ...criteria.map((c): Para => ({ text: `•  ${c.text}`, indent: 10, gapBefore: 2 })),
  ]);

  block(doc, [
    sectionHeading(`How likely this is by ${formatUkDate(plan.targetDate)}`),
    { text: likelihoodWords(plan.likelihood, plan.targetDate), gapBefore: 4 },
    ...(plan.likelihoodNote ? [{ text: plan.likelihoodNote, gapBefore: 2 }] : []),
  ]);

  block(doc, [
    sectionHeading(`If things have not worked out by ${formatUkDate(plan.targetDate)}`),
    { text: plan.contingency ?? 'We will meet and decide together what to do next.', gapBefore: 4 },
  ]);

  if (plan.riskSupportSummary) {
    block(doc, [sectionHeading('Keeping you safe'), { text: plan.riskSupportSummary, gapBefore: 4 }]);
  }

  if (s.status === 'open') {
    const next = s.nextReviewDate ?? plan.reviewDate;
    block(doc, [
      sectionHeading('Your next review'),
      {
        text: `We will meet to look at this plan together on ${formatUkDate(next)}. You can ask for a review sooner if things change.`,
        gapBefore: 4,
      },
    ]);
  }

  block(doc, contactParas(detail));
  drawSafetyBox(doc, detail);

  return finish(doc, { mark: PROTECTIVE_MARKING, footer: `${docTitle}. Made on ${formatUkDate(today)}` });
}
