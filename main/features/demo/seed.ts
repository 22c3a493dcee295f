/**
 * Loads the fictional demo caseload into an empty database, through the same services as the screens
 * (so every record passes the same validation and lands in the audit trail), in one transaction.
 */
import type { Clock } from '../../../shared/clock';
import { addDaysTo, type IsoDate } from '../../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../../shared/domain/current-view';
import { nhsCheckDigit } from '../../../shared/domain/nhs-number';
import { AppError } from '../../../shared/ipc/result';
import type { Clinician, SeedResult } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { countCases } from '../../db/repos/cases';
import { getClinician } from '../../db/repos/clinicians';
import { insertGoalRating, listGoals } from '../../db/repos/goals';
import { profileClinicianId } from '../../db/repos/settings';
import { writeTx, type Db } from '../../db/sql';
import { openCase } from '../cases/open-case';
import { createClinician } from '../clinicians/create-clinician';
import { recordOpeningCurrentView } from '../current-view/record-opening';
import { savePlan } from '../plan/save-plan';
import { setupProfile } from '../profile/setup-profile';
import type { WriteContext } from '../write-context';
import { DEMO_COLLEAGUES, DEMO_TEAM_LEAD, DEMO_TEAM_NAME } from './colleagues';
import { DEMO_CASES, type DemoCase, type DemoPlan } from './demo-cases';
import { randomInt, seededRandom } from './prng';

export const DEMO_ACTOR = 'system:demo';
const SEED = 20_140_101;

/** A 10-digit NHS number in the 999 range, which NHS England reserves for testing: never a real person. */
function demoNhsNumber(random: () => number, used: Set<string>): string {
  for (;;) {
    const stem = `999${String(randomInt(random, 0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(stem);
    if (check === null) continue;
    const nhs = `${stem}${check}`;
    if (!used.has(nhs)) {
      used.add(nhs);
      return nhs;
    }
  }
}

function fullRatings(overrides: Partial<CurrentViewRatings>): CurrentViewRatings {
  const ratings: CurrentViewRatings = {};
  for (const item of CURRENT_VIEW_ITEMS) ratings[item.code] = item.scale === 'severity' ? 0 : 'no';
  for (const [code, value] of Object.entries(overrides)) if (value !== undefined) ratings[code] = value;
  return ratings;
}

function planInput(caseId: string, plan: DemoPlan, today: IsoDate) {
  const agreedDate = addDaysTo(today, -plan.agreed);
  return {
    caseId,
    agreedDate,
    goals: plan.goals.map((g) => ({ description: g.text, firstRating: g.first })),
    agreedOutcome: plan.outcome,
    endingCriteria: [...plan.criteria],
    likelihood: plan.likelihood,
    likelihoodNote: plan.note ?? null,
    targetDate: addDaysTo(today, plan.targetIn),
    contingency: plan.contingency ?? null,
    reviewDate: addDaysTo(today, plan.reviewIn),
    riskSupportSummary: plan.riskSupport ?? null,
    sdm: {
      participants: [...plan.participants],
      otherParticipants: plan.others ?? null,
      optionsConsidered: plan.options,
      decisionAid: plan.aid ?? null,
      collaborate: plan.collaborate
        ? { understand: plan.collaborate[0], listen: plan.collaborate[1], include: plan.collaborate[2] }
        : null,
    },
  };
}

/** Ratings given at sessions after the plan: written through the goals repo with their audit entries. */
function addSessionRatings(w: WriteContext, caseId: string, youngPersonId: string, plan: DemoPlan, today: IsoDate): void {
  const goals = listGoals(w.db, caseId);
  plan.goals.forEach((demoGoal, i) => {
    const goal = goals.find((g) => g.position === i + 1);
    if (!goal) throw new AppError('internal', `Demo goal ${i + 1} was not saved`);
    for (const [daysAgo, score] of demoGoal.later ?? []) {
      const at = w.clock.now();
      const ratedOn = addDaysTo(today, -daysAgo);
      const id = insertGoalRating(w.db, { goalId: goal.id, ratedOn, score, context: 'session', createdBy: w.actor }, at);
      appendAudit(w.db, {
        at,
        actorId: w.actor,
        caseId,
        youngPersonId,
        action: 'goal.rate',
        entity: 'goal_rating',
        entityId: id,
        after: { goalId: goal.id, ratedOn, score, context: 'session' },
      });
    }
  });
}

function seedCase(w: WriteContext, demo: DemoCase, index: number, leadId: string, random: () => number, nhsUsed: Set<string>): void {
  const today = w.clock.today();
  const openDate = addDaysTo(today, -demo.opened);
  const ageDays = demo.age * 365 + Math.floor(demo.age / 4) + randomInt(random, 20, 330);
  const nhsNumber = demo.noNhsNumber ? null : demoNhsNumber(random, nhsUsed);
  const summary = openCase(w, {
    caseRef: `DEMO-${String(index + 1).padStart(4, '0')}`,
    name: demo.name,
    dateOfBirth: addDaysTo(today, -ageDays),
    nhsNumber,
    referralDate: addDaysTo(openDate, -randomInt(random, 7, 42)),
    openDate,
    leadClinicianId: leadId,
    coordinatingAgency: demo.agency ?? 'CAMHS',
  });
  if (!demo.grouping) return;
  // Completed on the day of opening or within two days, and never after the plan was agreed.
  const latest = demo.plan ? demo.opened - demo.plan.agreed : demo.opened;
  recordOpeningCurrentView(w, {
    caseId: summary.id,
    completedDate: addDaysTo(openDate, Math.min(randomInt(random, 0, 2), latest)),
    reason: 'first_contact',
    grouping: demo.grouping,
    ratings: fullRatings(demo.ratings ?? {}),
  });
  if (!demo.plan) return;
  savePlan(w, planInput(summary.id, demo.plan, today));
  addSessionRatings(w, summary.id, summary.youngPersonId, demo.plan, today);
}

/**
 * With a profile, the demo joins the profile's team (three fictional colleagues; the profile leads a
 * third of the cases). Without one, it creates a fictional team whose lead becomes the profile.
 */
export function seedDemo(db: Db, clock: Clock): SeedResult {
  const w: WriteContext = { db, clock, actor: DEMO_ACTOR };
  return writeTx(db, () => {
    if (countCases(db) > 0) {
      throw new AppError('conflict', 'The demo caseload can only be loaded into an empty database, and this one already has cases');
    }
    const profileId = profileClinicianId(db);
    let profile: Clinician | null = profileId ? getClinician(db, profileId) : null;
    let clinicians = 0;
    if (!profile) {
      profile = setupProfile(w, { ...DEMO_TEAM_LEAD, teamName: DEMO_TEAM_NAME });
      clinicians++;
    }
    const teamId = profile.teamId;
    const leads = [profile.id, ...DEMO_COLLEAGUES.map((c) => createClinician(w, { ...c, teamId }).id)];
    clinicians += DEMO_COLLEAGUES.length;

    const random = seededRandom(SEED);
    const nhsUsed = new Set<string>();
    DEMO_CASES.forEach((demo, i) => seedCase(w, demo, i, leads[demo.lead]!, random, nhsUsed));
    return { clinicians, cases: DEMO_CASES.length };
  });
}
