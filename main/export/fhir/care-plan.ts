/**
 * A CarePlan per plan version. The version in force is active (completed once the case is closed);
 * each earlier version is revoked, and the version that followed it `replaces` it. Fields R4 has no
 * element for (ending criteria, likelihood, contingency, risk-support summary, revision reason) are
 * notes, each starting with the label the plan form uses, so a receiving record shows them readably.
 */
import { formatUkDate } from '../../../shared/dates';
import { CRITERION_FINAL_STATUS_LABELS, ENDING_REASON_LABELS } from '../../../shared/domain/lifecycle';
import { LIKELIHOOD_LABELS } from '../../../shared/ipc/schemas/plan';
import type { CaseDetail, PlanRecord } from '../../../shared/ipc/types';
import { groupingCoding } from './current-view';
import { goalsOfVersion } from './goals';
import { LOCAL, UK_CORE_PROFILE, isUuid, ref } from './systems';
import type { Annotation, CarePlan } from './types';

/** The version's own ending criteria; on the version in force at a closed case, how each stood at the ending. */
function criteriaNote(detail: CaseDetail, plan: PlanRecord, inForce: boolean): Annotation | null {
  if (plan.endingCriteria.length === 0) return null;
  const finalStatus = new Map(inForce ? (detail.ending?.criteriaStatus ?? []).map((c) => [c.criterionId, c.status]) : []);
  const lines = plan.endingCriteria.map((c, i) => {
    const status = finalStatus.get(c.id);
    return `${i + 1}. ${c.text}${status ? ` (at the ending: ${CRITERION_FINAL_STATUS_LABELS[status]})` : ''}`;
  });
  return { text: `Ending criteria:\n${lines.join('\n')}` };
}

/** How the case ended, on the version in force of a closed case (R4 EpisodeOfCare has no note). */
function endingNote(detail: CaseDetail): Annotation | null {
  const e = detail.ending;
  if (!e) return null;
  const reason = e.reason === 'other' && e.reasonOther ? e.reasonOther : ENDING_REASON_LABELS[e.reason];
  const parts = [
    `Case ended on ${formatUkDate(e.endingDate)}. Reason for ending: ${reason}.`,
    ...(e.continuingSupport ? [`Continuing support: ${e.continuingSupport}`] : []),
    ...(e.signposting ? [`Signposting: ${e.signposting}`] : []),
    ...(e.wellbeingPlan ? [`Wellbeing plan the young person keeps: ${e.wellbeingPlan}`] : []),
  ];
  return { text: parts.join('\n') };
}

function notesOf(detail: CaseDetail, plan: PlanRecord, inForce: boolean): Annotation[] {
  const notes: Annotation[] = [];
  if (plan.contingency) notes.push({ text: `If not achieved by the target date (contingency): ${plan.contingency}` });
  const criteria = criteriaNote(detail, plan, inForce);
  if (criteria) notes.push(criteria);
  notes.push({ text: `How likely by the target date: ${LIKELIHOOD_LABELS[plan.likelihood]}${plan.likelihoodNote ? `. ${plan.likelihoodNote}` : ''}` });
  if (plan.riskSupportSummary) notes.push({ text: `Risk-support plan summary: ${plan.riskSupportSummary}` });
  if (plan.revisionReason) notes.push({ text: `Why the plan was revised: ${plan.revisionReason}` });
  const ending = inForce ? endingNote(detail) : null;
  if (ending) notes.push(ending);
  return notes;
}

export function carePlansOf(detail: CaseDetail): CarePlan[] {
  const s = detail.summary;
  const last = detail.planVersions.length - 1;
  return detail.planVersions.map((plan, i): CarePlan => {
    const inForce = i === last;
    const previous = i > 0 ? detail.planVersions[i - 1]! : null;
    return {
      resourceType: 'CarePlan',
      id: plan.id,
      meta: { profile: [UK_CORE_PROFILE.CarePlan] },
      identifier: [{ system: LOCAL.planId, value: `${s.caseRef}/${s.episodeNo}/${plan.versionNo}` }],
      status: !inForce ? 'revoked' : s.status === 'closed' ? 'completed' : 'active',
      intent: 'plan',
      category: [{ coding: [groupingCoding(plan.grouping)] }],
      title: `THRIVE plan, version ${plan.versionNo}`,
      // "What success would look like": the scope and aim of the plan, which is what description is for.
      description: plan.agreedOutcome,
      subject: ref(s.youngPersonId, 'Patient', s.name),
      period: { start: plan.agreedDate, end: plan.targetDate },
      created: plan.createdAt,
      ...(isUuid(plan.createdBy) ? { author: ref(plan.createdBy, 'Practitioner', plan.createdByName) } : {}),
      ...(previous ? { replaces: [ref(previous.id, 'CarePlan')] } : {}),
      // R4 CarePlan has no episode element; supportingInfo (any resource) ties the plan to its case.
      supportingInfo: [ref(s.id, 'EpisodeOfCare')],
      goal: goalsOfVersion(detail, i).map((g) => ref(g.id, 'Goal')),
      note: notesOf(detail, plan, inForce),
    };
  });
}
