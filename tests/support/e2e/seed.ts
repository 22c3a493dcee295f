/**
 * Records made through the real handlers before the page loads (`launchApp`'s setup), for specs
 * whose subject starts later in a case's life. Each call fails loudly with the handler's message.
 */
import type { AppServices } from '../../../main/app-services';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import type { IsoDate } from '../../../shared/dates';
import type { IpcResult } from '../../../shared/ipc/result';
import type { CaseDetail, CaseSummary, Clinician } from '../../../shared/ipc/types';

export function call<T>(services: AppServices, channel: string, args: unknown): T {
  const result = services.invoke(channel, args) as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The clinician who uses the app, as they set themselves up on their first day. */
export function setUpProfile(services: AppServices, name: string, teamName = 'Riverside CAMHS'): Clinician {
  return call<Clinician>(services, 'profile:setup', { name, role: 'clinician', teamName });
}

/** Priya Shah of Riverside CAMHS (a clinician, or the team's lead) with the fictional demo caseload. */
export function setUpDemo(services: AppServices, role: 'clinician' | 'team_lead' = 'clinician'): void {
  call<Clinician>(services, 'profile:setup', { name: 'Priya Shah', role, teamName: 'Riverside CAMHS' });
  call(services, 'demo:seed', {});
}

/** Every item rated: None for problems and contextual items, No for complexity factors. */
export function plainRatings(overrides: Record<string, number | string> = {}): Record<string, number | string> {
  return Object.fromEntries(
    CURRENT_VIEW_ITEMS.map((item) => [item.code, overrides[item.code] ?? (item.scale === 'complexity' ? 'no' : 0)]),
  );
}

export interface SeededCase {
  caseRef: string;
  name: string;
  openDate: IsoDate;
  leadClinicianId: string;
}

/** A case opened on `openDate` (no Current View, no plan). */
export function openCase(services: AppServices, c: SeededCase): CaseSummary {
  return call<CaseSummary>(services, 'cases:open', {
    caseRef: c.caseRef,
    name: c.name,
    dateOfBirth: '2011-05-20',
    nhsNumber: null,
    referralDate: c.openDate,
    openDate: c.openDate,
    leadClinicianId: c.leadClinicianId,
    coordinatingAgency: 'CAMHS',
  });
}

/** A case opened, its Current View at open recorded and a one-goal plan agreed, all on `openDate`. */
export function openCaseWithPlan(
  services: AppServices,
  c: SeededCase & { goal: string; criterion: string; targetDate: IsoDate; reviewDate: IsoDate },
): CaseDetail {
  const summary = openCase(services, c);
  call(services, 'currentView:record', {
    caseId: summary.id,
    completedDate: c.openDate,
    reason: 'first_contact',
    grouping: 'getting_help',
    ratings: plainRatings({ p3: 2, p9: 1 }),
  });
  call(services, 'plan:save', {
    caseId: summary.id,
    agreedDate: c.openDate,
    goals: [{ description: c.goal, firstRating: 3 }],
    agreedOutcome: 'Back in school and sleeping well.',
    endingCriteria: [c.criterion],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: c.targetDate,
    contingency: 'Review the plan with the family and consider Getting More Help.',
    reviewDate: c.reviewDate,
    riskSupportSummary: null,
    sdm: { participants: ['young_person', 'parent_carer'], otherParticipants: null, optionsConsidered: 'CBT; school liaison.', decisionAid: null, collaborate: null },
  });
  return call<CaseDetail>(services, 'cases:get', { caseId: summary.id });
}
