/**
 * A seeded synthetic caseload for tests, the browser e2e and the benchmark: teams of clinicians and
 * thousands of realistic cases (open and closed; Current Views at open, review and close; plans, goals,
 * GBO ratings, reviews, endings) written through the repos in ONE transaction, so 5,000 cases take
 * seconds. Deterministic for a seed in everything a person sees (names, dates, groupings, ratings); the
 * record ids are fresh UUIDv7s each run.
 *
 * It writes records, not audit entries: a generated case has no History. The profile is set to the
 * first team's lead (or, with profileRole 'clinician', to a clinician of that team).
 *
 * What it returns describes every case as written, so tests can compute the team view's answers
 * independently (with the shared pure rules) and compare them with what the channels say.
 */
import type { IsoDate } from '../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import type { GroupingCode } from '../../shared/domain/groupings';
import type { EndingReason } from '../../shared/domain/lifecycle';
import { nhsCheckDigit } from '../../shared/domain/nhs-number';
import type { Role } from '../../shared/ipc/schemas/clinicians';
import { newId } from '../../main/db/ids';
import { insertCase, updateCaseDenormalised, type CaseChanges } from '../../main/db/repos/cases';
import { insertClinician } from '../../main/db/repos/clinicians';
import { insertCurrentView } from '../../main/db/repos/current-views';
import { insertCriterionStatus, insertEnding } from '../../main/db/repos/endings';
import { insertGoal, insertGoalRating } from '../../main/db/repos/goals';
import { recordEndingOutcome } from '../../main/db/repos/outcomes';
import { insertCriterion, insertFirstPlan } from '../../main/db/repos/plans';
import { insertCriterionProgress, insertReview } from '../../main/db/repos/reviews';
import { putSetting } from '../../main/db/repos/settings';
import { insertTeam } from '../../main/db/repos/teams';
import { insertYoungPerson } from '../../main/db/repos/young-people';
import { writeTx, type Db } from '../../main/db/sql';
import { randomInt, seededRandom } from '../../main/features/demo/prng';
import { story, type Story } from './synthetic-story';
import { CLINICIAN_NAMES, FIRST_NAMES, SURNAMES, TEAM_AREAS } from './synthetic-words';

export interface GenerateOptions {
  seed: number;
  /** The day the caseload is "as of": every date is on or before it. */
  today: IsoDate;
  /** Default 1. */
  teams?: number;
  /** Default 8; the first of each team is its team lead. */
  cliniciansPerTeam?: number;
  openCases: number;
  /** Default half the open cases. */
  closedCases?: number;
  /** Who the profile is: the first team's lead (default) or a clinician of that team. */
  profileRole?: 'team_lead' | 'clinician';
}

export interface GeneratedTeam {
  id: string;
  name: string;
  leadId: string;
  clinicianIds: string[];
}

export interface GeneratedClinician {
  id: string;
  name: string;
  role: Role;
  teamId: string;
}

export interface GeneratedReview {
  date: IsoDate;
  nextReviewDate: IsoDate;
  /** Grouping of its Current View; null when recorded without one. */
  grouping: GroupingCode | null;
  explicitDiscussion: boolean;
}

export interface GeneratedGoal {
  description: string;
  /** Every rating, oldest first (the plan's first rating, one per review, the final one at close). */
  ratings: Array<{ date: IsoDate; score: number }>;
}

export interface GeneratedCase {
  id: string;
  caseRef: string;
  name: string;
  nhsNumber: string | null;
  dateOfBirth: IsoDate;
  teamId: string;
  leadClinicianId: string;
  status: 'open' | 'closed';
  openDate: IsoDate;
  closedDate: IsoDate | null;
  groupingAtOpen: GroupingCode | null;
  /** The case's grouping now (for a closed case, at close). */
  grouping: GroupingCode | null;
  groupingAtClose: GroupingCode | null;
  hasPlan: boolean;
  agreedOutcome: string | null;
  criteria: string[];
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  reviews: GeneratedReview[];
  goals: GeneratedGoal[];
  endingReason: EndingReason | null;
}

export interface GeneratedCaseload {
  seed: number;
  today: IsoDate;
  teams: GeneratedTeam[];
  clinicians: GeneratedClinician[];
  profileId: string;
  cases: GeneratedCase[];
  written: { youngPeople: number; cases: number; currentViews: number; plans: number; goals: number; goalRatings: number; reviews: number; endings: number };
}

/** Current View ratings for the whole grid: more and more severe problems as the grouping steps up. */
function ratingsFor(random: () => number, grouping: GroupingCode): CurrentViewRatings {
  const level = { thriving: 0, getting_advice: 1, getting_help: 1, getting_more_help: 2, getting_risk_support: 3 }[grouping];
  const ratings: CurrentViewRatings = {};
  for (const item of CURRENT_VIEW_ITEMS) {
    if (item.scale === 'complexity') ratings[item.code] = random() < 0.12 ? 'yes' : random() < 0.05 ? 'not_known' : 'no';
    else ratings[item.code] = random() < 0.15 ? (Math.min(3, Math.max(0, level + randomInt(random, -1, 1))) as 0 | 1 | 2 | 3) : 0;
  }
  return ratings;
}

function nhsNumbers(random: () => number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      // The 999 range is reserved by NHS England for testing: never a real person.
      const stem = `999${String(randomInt(random, 0, 999_999)).padStart(6, '0')}`;
      const check = nhsCheckDigit(stem);
      const nhs = check === null ? null : `${stem}${check}`;
      if (nhs && !used.has(nhs)) {
        used.add(nhs);
        return nhs;
      }
    }
  };
}

/** Audit-style instants: the calendar day at noon UTC, so records sort by the day they describe. */
const at = (date: IsoDate): string => `${date}T12:00:00.000Z`;

function writeStory(db: Db, s: Story, c: GeneratedCase, counts: GeneratedCaseload['written'], random: () => number): void {
  const yp = insertYoungPerson(db, { name: c.name, dateOfBirth: s.dateOfBirth, nhsNumber: c.nhsNumber }, at(s.openDate));
  const caseId = insertCase(
    db,
    {
      caseRef: c.caseRef,
      youngPersonId: yp.id,
      referralDate: s.referralDate,
      openDate: s.openDate,
      leadClinicianId: c.leadClinicianId,
      teamId: c.teamId,
      coordinatingAgency: 'CAMHS',
    },
    at(s.openDate),
  );
  c.id = caseId;
  counts.youngPeople++;
  counts.cases++;
  const changes: Partial<CaseChanges> = {};
  let closedBy: string | null = null;
  if (s.opening) {
    const cv = { caseId, reason: 'first_contact' as const, recordedBy: c.leadClinicianId };
    insertCurrentView(db, { ...cv, context: 'open', completedDate: s.opening.date, grouping: s.opening.grouping, ratings: ratingsFor(random, s.opening.grouping) }, at(s.opening.date));
    counts.currentViews++;
    changes.grouping = s.opening.grouping;
  }
  const p = s.plan;
  if (p) {
    const planId = insertFirstPlan(
      db,
      {
        caseId,
        agreedDate: p.agreedDate,
        grouping: p.grouping,
        agreedOutcome: p.agreedOutcome,
        endingCriteria: [],
        likelihood: p.likelihood,
        likelihoodNote: null,
        targetDate: p.targetDate,
        contingency: p.contingency,
        reviewDate: p.reviewDate,
        riskSupportSummary: p.riskSupportSummary,
        sdm: { participants: ['young_person', 'parent_carer'], otherParticipants: null, optionsConsidered: 'Talked through the options on the i-THRIVE grid', decisionAid: null, collaborate: null },
        createdBy: c.leadClinicianId,
      },
      at(p.agreedDate),
    );
    counts.plans++;
    const criterionIds = p.criteria.map((text, i) => insertCriterion(db, { caseId, planId, position: i + 1, text }, at(p.agreedDate)));
    const goalIds = p.goals.map((g, i) => {
      const goalId = insertGoal(db, { caseId, planId, position: i + 1, description: g.description, createdOn: p.agreedDate, createdBy: c.leadClinicianId }, at(p.agreedDate));
      insertGoalRating(db, { goalId, ratedOn: p.agreedDate, score: g.first, context: 'plan', createdBy: c.leadClinicianId }, at(p.agreedDate));
      return goalId;
    });
    counts.goals += goalIds.length;
    counts.goalRatings += goalIds.length;
    for (const r of s.reviews) {
      const reviewId = newId();
      const currentViewId = r.grouping
        ? insertCurrentView(
            db,
            { caseId, context: 'review', reviewId, completedDate: r.date, reason: 'changed_understanding', grouping: r.grouping, ratings: ratingsFor(random, r.grouping), recordedBy: c.leadClinicianId },
            at(r.date),
          )
        : null;
      insertReview(
        db,
        {
          id: reviewId,
          caseId,
          reviewDate: r.date,
          attendees: ['young_person', 'parent_carer'],
          otherAttendees: null,
          decision: r.decision,
          endingPlan: null,
          explicitDiscussion: r.explicitDiscussion,
          nextReviewDate: r.nextReviewDate,
          notes: null,
          currentViewId,
          createdBy: c.leadClinicianId,
        },
        at(r.date),
      );
      r.ratings.forEach((score, i) =>
        insertGoalRating(db, { goalId: goalIds[i]!, ratedOn: r.date, score, context: 'review', reviewId, createdBy: c.leadClinicianId }, at(r.date)),
      );
      r.progress.forEach((status, i) => insertCriterionProgress(db, reviewId, criterionIds[i]!, status));
      counts.reviews++;
      counts.goalRatings += r.ratings.length;
      if (currentViewId) counts.currentViews++;
      if (r.grouping) changes.grouping = r.grouping;
    }
    changes.planComplete = true;
    changes.targetDate = p.targetDate;
    changes.nextReviewDate = s.reviews.at(-1)?.nextReviewDate ?? p.reviewDate;
    const e = s.ending;
    if (e) {
      const endingId = newId();
      closedBy = endingId;
      const currentViewId = insertCurrentView(
        db,
        { caseId, context: 'close', endingId, completedDate: e.date, reason: 'changed_situation', grouping: e.grouping, ratings: ratingsFor(random, e.grouping), recordedBy: c.leadClinicianId },
        at(e.date),
      );
      insertEnding(
        db,
        {
          id: endingId,
          caseId,
          endingDate: e.date,
          reason: e.reason,
          reasonOther: e.reasonOther,
          mhsdsCode: null,
          continuingSupport: null,
          signposting: e.reason === 'criteria_met' ? 'School wellbeing team' : null,
          wellbeingPlan: null,
          discussedFromStart: random() < 0.8,
          currentViewId,
          createdBy: c.leadClinicianId,
        },
        at(e.date),
      );
      e.finalRatings.forEach((score, i) =>
        insertGoalRating(db, { goalId: goalIds[i]!, ratedOn: e.date, score, context: 'ending', endingId, createdBy: c.leadClinicianId }, at(e.date)),
      );
      e.criteriaStatus.forEach((status, i) => insertCriterionStatus(db, endingId, criterionIds[i]!, status));
      counts.currentViews++;
      counts.endings++;
      counts.goalRatings += e.finalRatings.length;
      changes.grouping = e.grouping;
      changes.closedDate = e.date;
    }
  }
  if (Object.keys(changes).length > 0 && !updateCaseDenormalised(db, caseId, 1, changes, at(s.ending?.date ?? s.openDate))) {
    throw new Error(`synthetic case ${c.caseRef} was not updated`);
  }
  // As the closing transaction does (main/features/cases/close-case.ts), once the case is closed.
  if (closedBy && !recordEndingOutcome(db, closedBy)) throw new Error(`synthetic case ${c.caseRef}: its ending outcome was not written`);
}

/** The case as written, for tests to compute their own answers from. */
function asWritten(s: Story, base: Pick<GeneratedCase, 'caseRef' | 'name' | 'nhsNumber' | 'teamId' | 'leadClinicianId'>): GeneratedCase {
  const p = s.plan;
  const lastGrouping = [...s.reviews].reverse().find((r) => r.grouping)?.grouping ?? s.opening?.grouping ?? null;
  return {
    ...base,
    id: '',
    dateOfBirth: s.dateOfBirth,
    status: s.ending ? 'closed' : 'open',
    openDate: s.openDate,
    closedDate: s.ending?.date ?? null,
    groupingAtOpen: s.opening?.grouping ?? null,
    grouping: s.ending?.grouping ?? lastGrouping,
    groupingAtClose: s.ending?.grouping ?? null,
    hasPlan: !!p,
    agreedOutcome: p?.agreedOutcome ?? null,
    criteria: p?.criteria ?? [],
    nextReviewDate: p ? (s.reviews.at(-1)?.nextReviewDate ?? p.reviewDate) : null,
    targetDate: p?.targetDate ?? null,
    reviews: s.reviews.map((r) => ({ date: r.date, nextReviewDate: r.nextReviewDate, grouping: r.grouping, explicitDiscussion: r.explicitDiscussion !== null })),
    goals: (p?.goals ?? []).map((g, i) => ({
      description: g.description,
      ratings: [
        { date: p!.agreedDate, score: g.first },
        ...s.reviews.map((r) => ({ date: r.date, score: r.ratings[i]! })),
        ...(s.ending ? [{ date: s.ending.date, score: s.ending.finalRatings[i]! }] : []),
      ],
    })),
    endingReason: s.ending?.reason ?? null,
  };
}

export function generateCaseload(db: Db, opts: GenerateOptions): GeneratedCaseload {
  const teamCount = opts.teams ?? 1;
  const perTeam = opts.cliniciansPerTeam ?? 8;
  const closedCount = opts.closedCases ?? Math.round(opts.openCases / 2);
  const profileRole = opts.profileRole ?? 'team_lead';
  if (teamCount < 1 || perTeam < 1) throw new Error('generateCaseload needs at least one team of at least one clinician');
  if (profileRole === 'clinician' && perTeam < 2) throw new Error('a clinician profile needs a team of at least two (the first is its lead)');
  const random = seededRandom(opts.seed);
  const nextNhs = nhsNumbers(random);
  const created = at(opts.today);

  return writeTx(db, () => {
    const teams: GeneratedTeam[] = [];
    const clinicians: GeneratedClinician[] = [];
    for (let t = 0; t < teamCount; t++) {
      const area = TEAM_AREAS[t % TEAM_AREAS.length]!;
      const name = `Synthetic CAMHS ${area}${t >= TEAM_AREAS.length ? ` ${Math.floor(t / TEAM_AREAS.length) + 1}` : ''} (fictional)`;
      const team = insertTeam(db, name, created);
      const ids: string[] = [];
      for (let k = 0; k < perTeam; k++) {
        const n = t * perTeam + k;
        const base = CLINICIAN_NAMES[n % CLINICIAN_NAMES.length]!;
        const clinician = {
          name: n < CLINICIAN_NAMES.length ? base : `${base} ${Math.floor(n / CLINICIAN_NAMES.length) + 1}`,
          role: (k === 0 ? 'team_lead' : 'clinician') as Role,
          teamId: team.id,
        };
        const id = insertClinician(db, clinician, created);
        ids.push(id);
        clinicians.push({ id, ...clinician });
      }
      teams.push({ id: team.id, name: team.name, leadId: ids[0]!, clinicianIds: ids });
    }
    const first = teams[0]!;
    const profileId = profileRole === 'team_lead' ? first.leadId : first.clinicianIds[1]!;
    putSetting(db, 'profileClinicianId', profileId, created);

    const written: GeneratedCaseload['written'] = { youngPeople: 0, cases: 0, currentViews: 0, plans: 0, goals: 0, goalRatings: 0, reviews: 0, endings: 0 };
    const cases: GeneratedCase[] = [];
    const total = opts.openCases + closedCount;
    let closedLeft = closedCount;
    for (let i = 0; i < total; i++) {
      // Selection sampling: exactly closedCount closed cases, spread through the list.
      const closed = random() * (total - i) < closedLeft;
      if (closed) closedLeft--;
      const lead = clinicians[randomInt(random, 0, clinicians.length - 1)]!;
      const s = story(random, opts.today, closed);
      const c = asWritten(s, {
        caseRef: `SYN-${String(i + 1).padStart(6, '0')}`,
        name: `${FIRST_NAMES[randomInt(random, 0, FIRST_NAMES.length - 1)]} ${SURNAMES[randomInt(random, 0, SURNAMES.length - 1)]}`,
        nhsNumber: random() < 0.9 ? nextNhs() : null,
        teamId: lead.teamId,
        leadClinicianId: lead.id,
      });
      writeStory(db, s, c, written, random);
      cases.push(c);
    }
    return { seed: opts.seed, today: opts.today, teams, clinicians, profileId, cases, written };
  });
}
