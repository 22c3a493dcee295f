/**
 * Teams for the team view's component tests, on the fake API, with fixed dates relative to its today
 * (11/01/2027). `smallTeam` has one case per urgency band and a few closures with known answers;
 * `largeTeam` makes thousands of open cases (deterministic) for the virtualised table.
 */
import { addDaysTo, addWeeksTo } from '../../shared/dates';
import { OPENING_GROUPINGS } from '../../shared/domain/groupings';
import type { Clinician } from '../../shared/ipc/types';
import { createFakeApi, type FakeApi } from './fake-api';

export interface SmallTeam {
  fake: FakeApi;
  lead: Clinician;
  kim: Clinician;
  rivera: Clinician;
  ids: Record<'jordan' | 'riley' | 'sam' | 'jo' | 'alex', string>;
}

/** Names in the urgency order main gives them (risk gap, overdue, no plan, due soon, none). */
export const SMALL_TEAM_ORDER = ['Jordan Blake', 'Riley Shaw', 'Sam Patel', 'Jo Okafor', 'Alex Brown'];

/**
 * The team lead Alex Morgan (Riverside CAMHS) with colleagues Dr Kim and Sam Rivera.
 * Open: Jordan Blake (Dr Kim, Getting Risk Support, never reviewed: Risk Support review gap),
 * Riley Shaw (lead, review overdue since 08/01/2027), Sam Patel (Dr Kim, no plan, NHS 943 476 5919),
 * Jo Okafor (Sam Rivera, review due 15/01/2027), Alex Brown (lead, Getting More Help at open, Getting
 * Help since a review today). Closed in the last 12 months: Kai Turner (Dr Kim: Getting Help →
 * Thriving, goal 2 → 7 Improved, criteria met) and Mia Evans (Sam Rivera: Getting More Help → Getting
 * Help, goal 6 → 2 Deteriorated, moved away). Closed before the period: Noor Ali (lead, 2025).
 */
export function smallTeam(): SmallTeam {
  const fake = createFakeApi({ role: 'team_lead' });
  const lead = fake.profile!;
  const kim = fake.addClinician('Dr Kim');
  const rivera = fake.addClinician('Sam Rivera');
  const ids = {
    jordan: fake.seedCase({
      name: 'Jordan Blake',
      caseRef: 'RIO-1001',
      leadClinicianId: kim.id,
      openDate: '2026-11-01',
      grouping: 'getting_risk_support',
      plan: { agreedDate: '2026-11-05', reviewDate: '2027-02-01' },
    }),
    riley: fake.seedCase({
      name: 'Riley Shaw',
      caseRef: 'RIO-1002',
      openDate: '2026-11-16',
      grouping: 'getting_help',
      plan: {
        agreedDate: '2026-11-20',
        reviewDate: '2027-01-08',
        goals: [{ description: 'Sleep through the night', ratings: [{ date: '2026-11-20', score: 3 }, { date: '2027-01-05', score: 5 }] }],
      },
    }),
    sam: fake.seedCase({ name: 'Sam Patel', caseRef: 'RIO-1003', leadClinicianId: kim.id, openDate: '2026-12-01', nhsNumber: '9434765919' }),
    jo: fake.seedCase({
      name: 'Jo Okafor',
      caseRef: 'RIO-1004',
      leadClinicianId: rivera.id,
      openDate: '2027-01-04',
      grouping: 'getting_advice',
      plan: { agreedDate: '2027-01-04', reviewDate: '2027-01-15' },
    }),
    alex: fake.seedCase({
      name: 'Alex Brown',
      caseRef: 'RIO-1005',
      openDate: '2026-12-28',
      grouping: 'getting_more_help',
      plan: { agreedDate: '2026-12-30', reviewDate: '2027-01-11' },
    }),
  };
  fake.seedReview(ids.alex, { reviewDate: '2027-01-11', grouping: 'getting_help', nextReviewDate: '2027-03-01' });

  const kai = fake.seedCase({
    name: 'Kai Turner',
    caseRef: 'RIO-0901',
    leadClinicianId: kim.id,
    openDate: '2026-06-01',
    grouping: 'getting_help',
    plan: { agreedDate: '2026-06-05', goals: [{ description: 'Go back to school', ratings: [{ date: '2026-06-05', score: 2 }] }] },
  });
  fake.seedClosure(kai, { endingDate: '2026-12-15', grouping: 'thriving', finalScores: [7] });
  const mia = fake.seedCase({
    name: 'Mia Evans',
    caseRef: 'RIO-0902',
    leadClinicianId: rivera.id,
    openDate: '2026-05-01',
    grouping: 'getting_more_help',
    plan: { agreedDate: '2026-05-04', goals: [{ description: 'Feel calmer at home', ratings: [{ date: '2026-05-04', score: 6 }] }] },
  });
  fake.seedClosure(mia, { endingDate: '2026-11-30', grouping: 'getting_help', reason: 'moved_away', finalScores: [2] });
  const noor = fake.seedCase({
    name: 'Noor Ali',
    caseRef: 'RIO-0501',
    openDate: '2025-01-06',
    grouping: 'getting_advice',
    plan: { agreedDate: '2025-01-10', goals: [{ description: 'Make a friend', ratings: [{ date: '2025-01-10', score: 4 }] }] },
  });
  fake.seedClosure(noor, { endingDate: '2025-06-02', grouping: 'thriving', reason: 'enough_help', finalScores: [5] });
  return { fake, lead, kim, rivera, ids };
}

/** A small deterministic generator (mulberry32), so a seed gives the same team every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `openCases` open cases spread over `clinicians` colleagues of a team lead: opened up to 18 months
 * ago, most with a plan (reviews due from 8 weeks ago to 10 weeks ahead, so many are overdue or due
 * soon), the rest without (no plan). Case refs BULK-00001…; names "Young Person 1"….
 */
export function largeTeam(options: { openCases: number; clinicians?: number; seed?: number }): { fake: FakeApi; clinicians: Clinician[] } {
  const fake = createFakeApi({ role: 'team_lead' });
  const rnd = random(options.seed ?? 7);
  const clinicians = [fake.profile!, ...Array.from({ length: (options.clinicians ?? 12) - 1 }, (_, i) => fake.addClinician(`Clinician ${i + 2}`))];
  for (let i = 1; i <= options.openCases; i++) {
    const openDate = addDaysTo(fake.today, -Math.floor(rnd() * 540) - 1);
    const lead = clinicians[Math.floor(rnd() * clinicians.length)]!;
    const withPlan = rnd() < 0.85;
    const grouping = withPlan ? OPENING_GROUPINGS[Math.floor(rnd() * OPENING_GROUPINGS.length)]! : undefined;
    const agreedDate = addDaysTo(openDate, Math.min(13, Math.max(0, Math.floor(rnd() * 14))));
    const reviewDate = addDaysTo(fake.today, Math.floor(rnd() * 126) - 56);
    fake.seedCase({
      name: `Young Person ${i}`,
      caseRef: `BULK-${String(i).padStart(5, '0')}`,
      openDate,
      leadClinicianId: lead.id,
      ...(grouping ? { grouping } : {}),
      ...(withPlan && agreedDate <= fake.today
        ? { plan: { agreedDate, reviewDate: reviewDate < agreedDate ? addWeeksTo(agreedDate, 6) : reviewDate } }
        : {}),
    });
  }
  return { fake, clinicians };
}
